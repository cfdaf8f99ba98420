package io.millflow.pms.resources;

import io.millflow.audit.AuditService;
import io.millflow.pms.resources.ResourceViews.CalendarCommand;
import io.millflow.pms.resources.ResourceViews.CalendarView;
import io.millflow.pms.resources.ResourceViews.HolidayCommand;
import io.millflow.pms.resources.ResourceViews.HolidayView;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Working calendars: one per site (working weekdays, hours per day, public holidays) and the DEFAULT calendar for
 * people without a site or whose site has none. Roles: ADMIN creates and changes; every internal role reads.
 */
@Service
@Validated
public class Calendars {

    static final String ENTITY = "WorkCalendar";
    static final String DEFAULT_CODE = "DEFAULT";

    /** A calendar as capacity arithmetic needs it. */
    record Cal(UUID id, String code, Set<DayOfWeek> workingDays, BigDecimal hoursPerDay, Set<LocalDate> holidays) {
    }

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    Calendars(JdbcTemplate jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(ResourceRoles.ADMIN)
    public CalendarView create(@Valid CalendarCommand cmd) {
        if (cmd.siteId() == null) {
            throw new InvalidInput("siteId", "is required: only the DEFAULT calendar has no site");
        }
        checkSite(cmd.siteId(), null);
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from work_calendar where code = ?)",
                Boolean.class, cmd.code()))) {
            throw new InvalidInput("code", "is already the code of a calendar");
        }
        List<HolidayCommand> holidays = holidays(cmd);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into work_calendar (id, code, name, site_id, working_days, hours_per_day, created_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, 0)", id, cmd.code(), cmd.name().strip(), cmd.siteId(),
                WeekCapacity.formatDays(cmd.workingDays()), cmd.hoursPerDay(), Timestamp.from(clock.instant()));
        writeHolidays(id, holidays);
        CalendarView view = get(id);
        audit.record(CurrentUser.get().username(), "CREATED", ENTITY, id.toString(), null, snapshot(view));
        return view;
    }

    /** Changes name, site (not of DEFAULT), days, hours and replaces the holidays. The code stays. */
    @Transactional
    @PreAuthorize(ResourceRoles.ADMIN)
    public CalendarView update(UUID id, @Valid CalendarCommand cmd) {
        CalendarView before = get(id);
        boolean isDefault = before.siteId() == null;
        if (isDefault && cmd.siteId() != null) {
            throw new InvalidInput("siteId", "the DEFAULT calendar has no site");
        }
        if (!isDefault) {
            if (cmd.siteId() == null) {
                throw new InvalidInput("siteId", "is required: only the DEFAULT calendar has no site");
            }
            checkSite(cmd.siteId(), id);
        }
        List<HolidayCommand> holidays = holidays(cmd);
        jdbc.update("update work_calendar set name = ?, site_id = ?, working_days = ?, hours_per_day = ?, "
                + "version = version + 1 where id = ?", cmd.name().strip(), cmd.siteId(),
                WeekCapacity.formatDays(cmd.workingDays()), cmd.hoursPerDay(), id);
        jdbc.update("delete from public_holiday where calendar_id = ?", id);
        writeHolidays(id, holidays);
        CalendarView after = get(id);
        audit.record(CurrentUser.get().username(), "UPDATED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public List<CalendarView> list() {
        List<UUID> ids = jdbc.queryForList("select id from work_calendar order by site_id nulls first, code", UUID.class);
        return ids.stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public CalendarView get(UUID id) {
        return view(id);
    }

    /** Every calendar with its holidays between {@code from} and {@code to}, by site (null key = DEFAULT). */
    Map<UUID, Cal> bySite(LocalDate from, LocalDate to) {
        Map<UUID, Set<LocalDate>> holidays = new HashMap<>();
        jdbc.query("select calendar_id, day from public_holiday where day between ? and ?", rs -> {
            holidays.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getDate(2).toLocalDate());
        }, Date.valueOf(from), Date.valueOf(to));
        Map<UUID, Cal> result = new HashMap<>();
        jdbc.query("select id, code, site_id, working_days, hours_per_day from work_calendar", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            result.put(rs.getObject(3, UUID.class), new Cal(id, rs.getString(2), WeekCapacity.parseDays(rs.getString(4)),
                    rs.getBigDecimal(5), holidays.getOrDefault(id, Set.of())));
        });
        return result;
    }

    /** The calendar of a site, or DEFAULT. */
    static Cal calendarOf(Map<UUID, Cal> bySite, UUID siteId) {
        Cal cal = siteId == null ? null : bySite.get(siteId);
        return cal != null ? cal : bySite.get(null);
    }

    private void checkSite(UUID siteId, UUID self) {
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from site where id = ?)", Boolean.class, siteId))) {
            throw new InvalidInput("siteId", "is not a known site");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from work_calendar where site_id = ? "
                + "and id is distinct from ?)", Boolean.class, siteId, self))) {
            throw new InvalidInput("siteId", "already has a calendar");
        }
    }

    private static List<HolidayCommand> holidays(CalendarCommand cmd) {
        List<HolidayCommand> holidays = cmd.holidays() == null ? List.of() : cmd.holidays();
        Map<LocalDate, Integer> seen = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            Integer other = seen.putIfAbsent(holidays.get(i).day(), i);
            if (other != null) {
                throw new InvalidInput("holidays[" + i + "].day", "is already holidays[" + other + "]");
            }
        }
        return holidays;
    }

    private void writeHolidays(UUID id, List<HolidayCommand> holidays) {
        jdbc.batchUpdate("insert into public_holiday (calendar_id, day, name) values (?, ?, ?)", holidays.stream()
                .map(h -> new Object[] {id, Date.valueOf(h.day()), h.name().strip()}).toList());
    }

    private CalendarView view(UUID id) {
        List<HolidayView> holidays = jdbc.query("select day, name from public_holiday where calendar_id = ? order by day",
                (rs, n) -> new HolidayView(rs.getDate(1).toLocalDate(), rs.getString(2)), id);
        return jdbc.query("select c.id, c.code, c.name, c.site_id, s.code, c.working_days, c.hours_per_day, c.version "
                + "from work_calendar c left join site s on s.id = c.site_id where c.id = ?", (rs, n) -> new CalendarView(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), new ArrayList<>(WeekCapacity.parseDays(rs.getString(6))), rs.getBigDecimal(7),
                        holidays, rs.getLong(8)), id).stream().findFirst()
                .orElseThrow(() -> new ProblemException.NotFound("No calendar " + id));
    }

    private static Map<String, Object> snapshot(CalendarView c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("name", c.name());
        m.put("siteCode", c.siteCode());
        m.put("workingDays", WeekCapacity.formatDays(c.workingDays()));
        m.put("hoursPerDay", c.hoursPerDay());
        m.put("holidays", c.holidays().stream().map(h -> h.day().toString()).toList());
        return m;
    }
}
