package io.millflow.pms.analytics;

import io.millflow.pms.ProjectAccess;
import io.millflow.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures at the top of the projects list, for whoever looks: projects by status, overdue open tasks, the
 * caller's projects and open tasks. Only projects {@link ProjectAccess} lets the caller read are counted.
 */
@Service
public class ProjectDashboard {

    public enum Status { PROPOSED, ACTIVE, ON_HOLD, CLOSED }

    /** Counts over the projects the caller may read. */
    public record Overview(Map<Status, Integer> byStatus, int overdueTasks, int myProjects, int myOpenTasks,
            int myOverdueTasks) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectAccess access;
    private final Clock clock;
    private final ZoneId zone;

    ProjectDashboard(JdbcTemplate jdbc, ProjectAccess access, Clock clock,
            @Value("${millflow.calendar.zone:Europe/Berlin}") String zone) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    private record Row(UUID id, String status, String manager, boolean member, int overdue, int mineOpen,
            int mineOverdue) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE','PROCESS_OWNER','ADMIN')")
    public Overview overview() {
        CurrentUser user = CurrentUser.get();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, 0);
        }
        int overdue = 0;
        int mine = 0;
        int myOpen = 0;
        int myOverdue = 0;
        Map<UUID, Row> rows = new LinkedHashMap<>();
        jdbc.query("""
                select p.id, p.status, p.manager,
                       exists (select 1 from project_member m where m.project_id = p.id and m.username = ?),
                       (select count(*) from task t where t.project_id = p.id and t.due_date < ?
                           and t.status not in ('DONE', 'CANCELLED')),
                       (select count(*) from task t where t.project_id = p.id and t.assignee = ?
                           and t.status not in ('DONE', 'CANCELLED')),
                       (select count(*) from task t where t.project_id = p.id and t.assignee = ? and t.due_date < ?
                           and t.status not in ('DONE', 'CANCELLED'))
                  from project p""", rs -> {
            Row r = new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                    rs.getInt(5), rs.getInt(6), rs.getInt(7));
            rows.put(r.id(), r);
        }, user.username(), today, user.username(), user.username(), today);
        for (Row r : rows.values()) {
            if (!access.canRead(user.username(), user.roles(), r.id())) {
                continue;
            }
            byStatus.merge(Status.valueOf(r.status()), 1, Integer::sum);
            if (!"CLOSED".equals(r.status())) {
                overdue += r.overdue();
            }
            if (r.member() || user.username().equals(r.manager())) {
                mine++;
            }
            myOpen += r.mineOpen();
            myOverdue += r.mineOverdue();
        }
        return new Overview(byStatus, overdue, mine, myOpen, myOverdue);
    }

    /** Ids of the projects the caller belongs to (member, or manager of record). */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> myProjectIds() {
        String me = CurrentUser.get().username();
        return new java.util.HashSet<>(jdbc.queryForList("select p.id from project p where p.manager = ? or exists"
                + " (select 1 from project_member m where m.project_id = p.id and m.username = ?)", UUID.class, me, me));
    }
}
