package io.millflow.pms.resources;

import io.millflow.pms.ProjectAccess;
import io.millflow.pms.resources.ResourceViews.LabourCostView;
import io.millflow.pms.resources.ResourceViews.PersonCost;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Labour cost of a project: approved timesheet hours × the person's hourly rate taken when the timesheet was
 * approved. Hours of timesheets not (yet) approved count for nothing. Roles: whoever may read the project (its
 * members and manager; MANAGER and ADMIN all); others get 404.
 */
@Service
public class ProjectCosts {

    private final JdbcTemplate jdbc;
    private final ProjectAccess access;

    ProjectCosts(JdbcTemplate jdbc, ProjectAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** Sum of approved hours × rate, two decimals. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public BigDecimal labourCost(UUID projectId) {
        checkRead(projectId);
        return cost(projectId);
    }

    /** The cost with approved hours, per person too. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public LabourCostView labour(UUID projectId) {
        checkRead(projectId);
        List<PersonCost> byPerson = jdbc.query("select p.username, sum(e.hours), sum(e.hours * t.hourly_rate) "
                + "from timesheet_entry e join timesheet t on t.id = e.timesheet_id join person p on p.id = t.person_id "
                + "where e.project_id = ? and t.status = 'APPROVED' group by p.username order by p.username",
                (rs, n) -> new PersonCost(rs.getString(1), rs.getBigDecimal(2).setScale(2),
                        rs.getBigDecimal(3).setScale(2, java.math.RoundingMode.HALF_UP)), projectId);
        BigDecimal hours = byPerson.stream().map(PersonCost::approvedHours).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new LabourCostView(projectId, hours, cost(projectId), byPerson);
    }

    private BigDecimal cost(UUID projectId) {
        BigDecimal sum = jdbc.queryForObject("select coalesce(sum(e.hours * t.hourly_rate), 0) from timesheet_entry e "
                + "join timesheet t on t.id = e.timesheet_id where e.project_id = ? and t.status = 'APPROVED'",
                BigDecimal.class, projectId);
        return sum.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private void checkRead(UUID projectId) {
        access.checkRead(projectId);
    }
}
