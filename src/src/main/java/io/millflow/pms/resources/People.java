package io.millflow.pms.resources;

import io.millflow.audit.AuditService;
import io.millflow.pms.resources.ResourceViews.PersonCommand;
import io.millflow.pms.resources.ResourceViews.PersonView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import jakarta.validation.Valid;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * People who are planned and book time: an app user with team, site, weekly capacity and hourly cost rate.
 * Roles: ADMIN creates and changes; MANAGER, DEPARTMENT_HEAD and ADMIN read everyone (rates included); anyone
 * internal reads their own record ({@link #me()}).
 */
@Service
@Validated
public class People {

    static final String ENTITY = "Person";
    private static final String SELECT = "select p.id, p.username, u.display_name, p.team_id, t.name, p.site_id, s.code, "
            + "coalesce(c.code, 'DEFAULT'), p.weekly_capacity_hours, p.hourly_rate, p.active, p.version from person p "
            + "join app_user u on u.username = p.username left join team t on t.id = p.team_id "
            + "left join site s on s.id = p.site_id left join work_calendar c on c.site_id = p.site_id";

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    People(JdbcTemplate jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(ResourceRoles.ADMIN)
    public PersonView create(@Valid PersonCommand cmd) {
        String username = cmd.username().strip();
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from app_user where username = ?)",
                Boolean.class, username))) {
            throw new InvalidInput("username", "is not a known user");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from person where username = ?)",
                Boolean.class, username))) {
            throw new InvalidInput("username", "is already a person");
        }
        check(cmd);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into person (id, username, team_id, site_id, weekly_capacity_hours, hourly_rate, active, "
                + "created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)", id, username, cmd.teamId(), cmd.siteId(),
                cmd.weeklyCapacityHours(), cmd.hourlyRate(), cmd.active() == null || cmd.active(),
                Timestamp.from(clock.instant()));
        PersonView view = view(id);
        audit.record(CurrentUser.get().username(), "CREATED", ENTITY, id.toString(), null, snapshot(view));
        return view;
    }

    /** Changes team, site, capacity, rate and activity; the username stays. */
    @Transactional
    @PreAuthorize(ResourceRoles.ADMIN)
    public PersonView update(UUID id, @Valid PersonCommand cmd) {
        PersonView before = view(id);
        if (!before.username().equals(cmd.username().strip())) {
            throw new InvalidInput("username", "cannot be changed (was " + before.username() + ")");
        }
        check(cmd);
        jdbc.update("update person set team_id = ?, site_id = ?, weekly_capacity_hours = ?, hourly_rate = ?, active = ?, "
                + "version = version + 1 where id = ?", cmd.teamId(), cmd.siteId(), cmd.weeklyCapacityHours(),
                cmd.hourlyRate(), cmd.active() == null ? before.active() : cmd.active(), id);
        PersonView after = view(id);
        audit.record(CurrentUser.get().username(), "UPDATED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.PLANNERS)
    public List<PersonView> list(UUID teamId, String query) {
        StringBuilder sql = new StringBuilder(SELECT + " where true");
        List<Object> args = new ArrayList<>();
        if (teamId != null) {
            sql.append(" and p.team_id = ?");
            args.add(teamId);
        }
        if (query != null && !query.isBlank()) {
            sql.append(" and (p.username ilike ? or u.display_name ilike ?)");
            String like = "%" + query.strip().replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        sql.append(" order by p.username");
        return jdbc.query(sql.toString(), (rs, n) -> row(rs), args.toArray());
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.PLANNERS)
    public PersonView get(UUID id) {
        return view(id);
    }

    /** The caller's own person record; 404 when they are not set up as a person. */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public PersonView me() {
        String me = CurrentUser.get().username();
        return byUsername(me).orElseThrow(() -> new ProblemException.NotFound(
                "You (" + me + ") are not set up as a person in resources; an ADMIN adds you under People"));
    }

    Optional<PersonView> byUsername(String username) {
        return jdbc.query(SELECT + " where p.username = ?", (rs, n) -> row(rs), username).stream().findFirst();
    }

    PersonView view(UUID id) {
        return jdbc.query(SELECT + " where p.id = ?", (rs, n) -> row(rs), id).stream().findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("No person " + id));
    }

    private void check(PersonCommand cmd) {
        if (cmd.teamId() != null && !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from team where id = ?)", Boolean.class, cmd.teamId()))) {
            throw new InvalidInput("teamId", "is not a known team");
        }
        if (cmd.siteId() != null && !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from site where id = ?)", Boolean.class, cmd.siteId()))) {
            throw new InvalidInput("siteId", "is not a known site");
        }
    }

    private static PersonView row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PersonView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getBoolean(11), rs.getLong(12));
    }

    private static Map<String, Object> snapshot(PersonView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", p.username());
        m.put("teamName", p.teamName());
        m.put("siteCode", p.siteCode());
        m.put("weeklyCapacityHours", p.weeklyCapacityHours());
        m.put("hourlyRate", p.hourlyRate());
        m.put("active", p.active());
        return m;
    }
}
