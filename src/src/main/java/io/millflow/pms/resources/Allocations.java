package io.millflow.pms.resources;

import io.millflow.audit.AuditService;
import io.millflow.pms.resources.Calendars.Cal;
import io.millflow.pms.resources.ResourceViews.AllocationChange;
import io.millflow.pms.resources.ResourceViews.AllocationCommand;
import io.millflow.pms.resources.ResourceViews.AllocationView;
import io.millflow.pms.resources.ResourceViews.HeatmapCell;
import io.millflow.pms.resources.ResourceViews.HeatmapRow;
import io.millflow.pms.resources.ResourceViews.HeatmapView;
import io.millflow.pms.resources.ResourceViews.PersonView;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Allocations of people to projects per ISO week, and the capacity heatmap. Over-allocation (a person's hours on all
 * projects in a week above that week's capacity after holidays) is allowed but flagged in every answer. Roles:
 * MANAGER and ADMIN allocate; MANAGER, DEPARTMENT_HEAD and ADMIN read all and see the heatmap; anyone else internal
 * reads their own allocations.
 */
@Service
@Validated
public class Allocations {

    static final String ENTITY = "Allocation";
    /** The heatmap shows at most this many weeks. */
    public static final int MAX_WEEKS = 26;
    private static final Logger log = LoggerFactory.getLogger(Allocations.class);
    private static final String SELECT = "select a.id, a.person_id, p.username, a.project_id, pr.code, pr.name, "
            + "a.week_start, a.hours, a.note, a.version, p.site_id, p.weekly_capacity_hours, "
            + "(select sum(x.hours) from allocation x where x.person_id = a.person_id and x.week_start = a.week_start) "
            + "from allocation a "
            + "join person p on p.id = a.person_id join project pr on pr.id = a.project_id";

    private final JdbcTemplate jdbc;
    private final People people;
    private final Calendars calendars;
    private final AuditService audit;
    private final Clock clock;

    Allocations(JdbcTemplate jdbc, People people, Calendars calendars, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.calendars = calendars;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(ResourceRoles.ALLOCATORS)
    public AllocationView create(@Valid AllocationCommand cmd) {
        PersonView person = person(cmd);
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from project where id = ?)", Boolean.class,
                cmd.projectId()))) {
            throw new InvalidInput("projectId", "is not a known project");
        }
        if (cmd.weekStart().getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidInput("weekStart", "must be the Monday of an ISO week (" + cmd.weekStart() + " is a "
                    + cmd.weekStart().getDayOfWeek() + ")");
        }
        // one allocation per person, project and week: the person's row serialises concurrent allocations
        jdbc.query("select id from person where id = ? for update", rs -> { }, person.id());
        UUID existing = jdbc.query("select id from allocation where person_id = ? and project_id = ? and week_start = ?",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, person.id(), cmd.projectId(),
                Date.valueOf(cmd.weekStart()));
        if (existing != null) {
            throw new ProblemException.Conflict("This person is already allocated to this project in the week of "
                    + cmd.weekStart() + " (allocation " + existing + "); change its hours instead");
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into allocation (id, person_id, project_id, week_start, hours, note, created_by, created_at, "
                + "updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, person.id(), cmd.projectId(),
                Date.valueOf(cmd.weekStart()), cmd.hours(), Teams.blankToNull(cmd.note()), CurrentUser.get().username(),
                now, now);
        AllocationView view = view(id);
        audit.record(CurrentUser.get().username(), "CREATED", ENTITY, id.toString(), null, snapshot(view));
        if (view.overAllocated()) {
            log.info("{} over-allocated by {} h in the week of {}", view.username(), view.overByHours(), view.weekStart());
        }
        return view;
    }

    @Transactional
    @PreAuthorize(ResourceRoles.ALLOCATORS)
    public AllocationView update(UUID id, @Valid AllocationChange change) {
        AllocationView before = view(id);
        jdbc.query("select id from person where id = ? for update", rs -> { }, before.personId());
        if (change.version() != null && change.version() != before.version()) {
            throw new ProblemException.Conflict("The allocation was changed by someone else (version " + before.version()
                    + ", yours " + change.version() + "); reload and try again");
        }
        jdbc.update("update allocation set hours = ?, note = ?, updated_at = ?, version = version + 1 where id = ?",
                change.hours(), Teams.blankToNull(change.note()), Timestamp.from(clock.instant()), id);
        AllocationView after = view(id);
        audit.record(CurrentUser.get().username(), "UPDATED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional
    @PreAuthorize(ResourceRoles.ALLOCATORS)
    public void delete(UUID id) {
        AllocationView before = view(id);
        jdbc.update("delete from allocation where id = ?", id);
        audit.record(CurrentUser.get().username(), "DELETED", ENTITY, id.toString(), snapshot(before), null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public AllocationView get(UUID id) {
        AllocationView view = view(id);
        CurrentUser user = CurrentUser.get();
        if (!isPlanner(user) && !view.username().equals(user.username())) {
            throw new ProblemException.NotFound("No allocation " + id);
        }
        return view;
    }

    /**
     * Allocations by person, project and weeks ({@code from}..{@code to}, inclusive Mondays); people who are not
     * planners only ever see their own.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public List<AllocationView> list(UUID personId, UUID projectId, LocalDate from, LocalDate to) {
        CurrentUser user = CurrentUser.get();
        StringBuilder sql = new StringBuilder(SELECT + " where true");
        List<Object> args = new ArrayList<>();
        if (!isPlanner(user)) {
            sql.append(" and p.username = ?");
            args.add(user.username());
        }
        if (personId != null) {
            sql.append(" and a.person_id = ?");
            args.add(personId);
        }
        if (projectId != null) {
            sql.append(" and a.project_id = ?");
            args.add(projectId);
        }
        if (from != null) {
            sql.append(" and a.week_start >= ?");
            args.add(Date.valueOf(WeekCapacity.monday(from)));
        }
        if (to != null) {
            sql.append(" and a.week_start <= ?");
            args.add(Date.valueOf(to));
        }
        sql.append(" order by a.week_start, p.username, pr.code limit 2000");
        List<Object[]> rows = jdbc.query(sql.toString(), (rs, n) -> raw(rs), args.toArray());
        return withWeeks(rows);
    }

    /** People × weeks from the week of {@code from}: capacity after holidays, allocated hours, FREE/FULL/OVER. */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.PLANNERS)
    public HeatmapView heatmap(LocalDate from, int weeks, UUID teamId) {
        if (weeks < 1 || weeks > MAX_WEEKS) {
            throw new InvalidInput("weeks", "must be between 1 and " + MAX_WEEKS);
        }
        LocalDate first = WeekCapacity.monday(from == null ? LocalDate.now(clock) : from);
        LocalDate lastDay = first.plusWeeks(weeks).minusDays(1);
        List<LocalDate> mondays = new ArrayList<>();
        for (int i = 0; i < weeks; i++) {
            mondays.add(first.plusWeeks(i));
        }
        Map<UUID, Cal> cals = calendars.bySite(first, lastDay);
        List<Object[]> persons = jdbc.query("select p.id, p.username, t.name, p.weekly_capacity_hours, p.site_id from person p "
                + "left join team t on t.id = p.team_id where p.active and (cast(? as uuid) is null or p.team_id = ?) "
                + "order by t.name nulls last, p.username", (rs, n) -> new Object[] {rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getObject(5, UUID.class)}, teamId, teamId);
        Map<String, BigDecimal> allocated = new HashMap<>();
        jdbc.query("select a.person_id, a.week_start, sum(a.hours) from allocation a join person p on p.id = a.person_id "
                + "where a.week_start between ? and ? and (cast(? as uuid) is null or p.team_id = ?) "
                + "group by a.person_id, a.week_start", rs -> {
                    allocated.put(rs.getObject(1, UUID.class) + "/" + rs.getDate(2).toLocalDate(), rs.getBigDecimal(3));
                }, Date.valueOf(first), Date.valueOf(lastDay), teamId, teamId);
        List<HeatmapRow> rows = new ArrayList<>();
        for (Object[] p : persons) {
            Cal cal = Calendars.calendarOf(cals, (UUID) p[4]);
            List<HeatmapCell> cells = new ArrayList<>();
            for (LocalDate monday : mondays) {
                BigDecimal capacity = WeekCapacity.capacity((BigDecimal) p[3], monday, cal.workingDays(), cal.holidays());
                BigDecimal hours = allocated.getOrDefault(p[0] + "/" + monday, BigDecimal.ZERO);
                cells.add(new HeatmapCell(monday, capacity, hours.setScale(2), WeekCapacity.load(capacity, hours)));
            }
            rows.add(new HeatmapRow((UUID) p[0], (String) p[1], (String) p[2], (BigDecimal) p[3], cells));
        }
        return new HeatmapView(mondays, rows);
    }

    /**
     * Utilisation per team and week (for analytics): capacity and allocation of the team's active people from the
     * heatmap, hours booked on their timesheets and approved. People without a team form a row with null team.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.PLANNERS)
    public List<ResourceViews.TeamWeek> utilisation(LocalDate from, int weeks) {
        HeatmapView map = heatmap(from, weeks, null);
        LocalDate first = map.weeks().get(0);
        LocalDate lastDay = first.plusWeeks(weeks).minusDays(1);
        Map<String, BigDecimal[]> booked = new HashMap<>();
        jdbc.query("select p.id, t.week_start, sum(e.hours), sum(case when t.status = 'APPROVED' then e.hours else 0 end) "
                + "from timesheet t join person p on p.id = t.person_id join timesheet_entry e on e.timesheet_id = t.id "
                + "where t.week_start between ? and ? group by p.id, t.week_start", rs -> {
                    booked.put(rs.getObject(1, UUID.class) + "/" + rs.getDate(2).toLocalDate(),
                            new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }, Date.valueOf(first), Date.valueOf(lastDay));
        Map<UUID, UUID> teamOf = new HashMap<>();
        jdbc.query("select id, team_id from person", rs -> {
            teamOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        Map<String, ResourceViews.TeamWeek> byKey = new java.util.LinkedHashMap<>();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (HeatmapRow row : map.rows()) {
            UUID team = teamOf.get(row.personId());
            for (HeatmapCell cell : row.cells()) {
                String key = team + "/" + cell.weekStart();
                BigDecimal[] hours = booked.getOrDefault(row.personId() + "/" + cell.weekStart(),
                        new BigDecimal[] {zero, zero});
                ResourceViews.TeamWeek before = byKey.getOrDefault(key, new ResourceViews.TeamWeek(team, row.teamName(),
                        cell.weekStart(), 0, zero, zero, zero, zero, null));
                BigDecimal capacity = before.capacityHours().add(cell.capacityHours());
                BigDecimal bookedHours = before.bookedHours().add(hours[0]).setScale(2);
                byKey.put(key, new ResourceViews.TeamWeek(team, row.teamName(), cell.weekStart(), before.people() + 1,
                        capacity, before.allocatedHours().add(cell.allocatedHours()), bookedHours,
                        before.approvedHours().add(hours[1]).setScale(2), capacity.signum() == 0 ? null
                                : bookedHours.divide(capacity, 4, java.math.RoundingMode.HALF_UP)));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private PersonView person(AllocationCommand cmd) {
        if (cmd.personId() != null) {
            try {
                return people.view(cmd.personId());
            } catch (ProblemException.NotFound e) {
                throw new InvalidInput("personId", "is not a known person");
            }
        }
        if (cmd.username() == null || cmd.username().isBlank()) {
            throw new InvalidInput("personId", "is required (or username)");
        }
        return people.byUsername(cmd.username().strip())
                .orElseThrow(() -> new InvalidInput("username", "is not a person in resources"));
    }

    private AllocationView view(UUID id) {
        List<Object[]> rows = jdbc.query(SELECT + " where a.id = ?", (rs, n) -> raw(rs), id);
        if (rows.isEmpty()) {
            throw new ProblemException.NotFound("No allocation " + id);
        }
        return withWeeks(rows).get(0);
    }

    private static Object[] raw(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(), rs.getBigDecimal(8),
            rs.getString(9), rs.getLong(10), rs.getObject(11, UUID.class), rs.getBigDecimal(12), rs.getBigDecimal(13)};
    }

    /** Adds each row's week: the person's capacity after holidays (hours on all projects come with the row). */
    private List<AllocationView> withWeeks(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        LocalDate min = rows.stream().map(r -> (LocalDate) r[6]).min(LocalDate::compareTo).orElseThrow();
        LocalDate max = rows.stream().map(r -> (LocalDate) r[6]).max(LocalDate::compareTo).orElseThrow();
        Map<UUID, Cal> cals = calendars.bySite(min, max.plusDays(6));
        List<AllocationView> views = new ArrayList<>();
        for (Object[] r : rows) {
            LocalDate week = (LocalDate) r[6];
            Cal cal = Calendars.calendarOf(cals, (UUID) r[10]);
            BigDecimal capacity = WeekCapacity.capacity((BigDecimal) r[11], week, cal.workingDays(), cal.holidays());
            BigDecimal allocated = ((BigDecimal) r[12]).setScale(2);
            BigDecimal over = WeekCapacity.overBy(capacity, allocated);
            views.add(new AllocationView((UUID) r[0], (UUID) r[1], (String) r[2], (UUID) r[3], (String) r[4], (String) r[5],
                    week, (BigDecimal) r[7], (String) r[8], capacity, allocated, over.signum() > 0, over, (Long) r[9]));
        }
        return views;
    }

    static boolean isPlanner(CurrentUser user) {
        return user.hasAnyRole(Roles.MANAGER, Roles.DEPARTMENT_HEAD, Roles.ADMIN);
    }

    private static Map<String, Object> snapshot(AllocationView a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("projectCode", a.projectCode());
        m.put("weekStart", a.weekStart().toString());
        m.put("hours", a.hours());
        m.put("capacityHours", a.capacityHours());
        m.put("allocatedHours", a.allocatedHours());
        m.put("overAllocated", a.overAllocated());
        return m;
    }
}
