package io.millflow.pms.resources;

import io.millflow.audit.AuditService;
import io.millflow.pms.resources.ResourceViews.TeamCommand;
import io.millflow.pms.resources.ResourceViews.TeamView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Teams of a department with a lead. Roles: ADMIN creates and changes; every internal role reads. */
@Service
@Validated
public class Teams {

    static final String ENTITY = "Team";
    private static final String SELECT = "select t.id, t.department_id, d.code, t.name, t.lead_username, "
            + "(select count(*) from person p where p.team_id = t.id), t.version from team t "
            + "left join department d on d.id = t.department_id";

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    Teams(JdbcTemplate jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(ResourceRoles.ADMIN)
    public TeamView create(@Valid TeamCommand cmd) {
        check(cmd, null);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into team (id, department_id, name, lead_username, created_at, version) values (?, ?, ?, ?, ?, 0)",
                id, cmd.departmentId(), cmd.name().strip(), blankToNull(cmd.leadUsername()), Timestamp.from(clock.instant()));
        TeamView view = get(id);
        audit.record(CurrentUser.get().username(), "CREATED", ENTITY, id.toString(), null, snapshot(view));
        return view;
    }

    @Transactional
    @PreAuthorize(ResourceRoles.ADMIN)
    public TeamView update(UUID id, @Valid TeamCommand cmd) {
        TeamView before = get(id);
        check(cmd, id);
        jdbc.update("update team set department_id = ?, name = ?, lead_username = ?, version = version + 1 where id = ?",
                cmd.departmentId(), cmd.name().strip(), blankToNull(cmd.leadUsername()), id);
        TeamView after = get(id);
        audit.record(CurrentUser.get().username(), "UPDATED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public List<TeamView> list(UUID departmentId) {
        if (departmentId == null) {
            return jdbc.query(SELECT + " order by d.code nulls first, t.name", (rs, n) -> row(rs));
        }
        return jdbc.query(SELECT + " where t.department_id = ? order by t.name", (rs, n) -> row(rs), departmentId);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public TeamView get(UUID id) {
        return jdbc.query(SELECT + " where t.id = ?", (rs, n) -> row(rs), id).stream().findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("No team " + id));
    }

    private void check(TeamCommand cmd, UUID self) {
        if (cmd.departmentId() != null && !exists("select exists(select 1 from department where id = ?)", cmd.departmentId())) {
            throw new InvalidInput("departmentId", "is not a known department");
        }
        String lead = blankToNull(cmd.leadUsername());
        if (lead != null && !exists("select exists(select 1 from app_user where username = ?)", lead)) {
            throw new InvalidInput("leadUsername", "is not a known user");
        }
        Boolean clash = jdbc.queryForObject("select exists(select 1 from team where lower(name) = lower(?) "
                + "and department_id is not distinct from ? and id is distinct from ?)", Boolean.class,
                cmd.name().strip(), cmd.departmentId(), self);
        if (Boolean.TRUE.equals(clash)) {
            throw new InvalidInput("name", "is already the name of a team of this department");
        }
    }

    private boolean exists(String sql, Object arg) {
        return Boolean.TRUE.equals(jdbc.queryForObject(sql, Boolean.class, arg));
    }

    private static TeamView row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TeamView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getLong(7));
    }

    private static Map<String, Object> snapshot(TeamView t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("departmentCode", t.departmentCode());
        m.put("leadUsername", t.leadUsername());
        return m;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
