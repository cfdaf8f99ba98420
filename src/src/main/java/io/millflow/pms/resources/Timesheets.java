package io.millflow.pms.resources;

import io.millflow.audit.AuditService;
import io.millflow.pms.ProjectAccess;
import io.millflow.pms.ProjectEvents;
import io.millflow.pms.resources.ResourceViews.DayTotal;
import io.millflow.pms.resources.ResourceViews.PersonView;
import io.millflow.pms.resources.ResourceViews.TimesheetCommand;
import io.millflow.pms.resources.ResourceViews.TimesheetEntryCommand;
import io.millflow.pms.resources.ResourceViews.TimesheetEntryView;
import io.millflow.pms.resources.ResourceViews.TimesheetView;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Roles;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.PageView;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Timesheets: a person's hours per task and day in an ISO week. DRAFT while the person edits it; submitting starts
 * {@code timesheet-approval} (the project manager, or any MANAGER, approves in the inbox); approval fixes the
 * person's rate for labour cost, rejection returns it to DRAFT with the reason. Roles: everyone internal who is a
 * person keeps their own timesheets; MANAGER and ADMIN read everyone's; other people's timesheets are 404.
 */
@Service
@Validated
public class Timesheets {

    static final String ENTITY = "Timesheet";
    private static final Logger log = LoggerFactory.getLogger(Timesheets.class);

    private final JdbcTemplate jdbc;
    private final People people;
    private final AuditService audit;
    private final RuntimeService runtime;
    private final ProjectAccess access;
    private final ProjectEvents events;
    private final Clock clock;

    Timesheets(JdbcTemplate jdbc, People people, AuditService audit, RuntimeService runtime, ProjectAccess access,
            ProjectEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.runtime = runtime;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** The caller's timesheet of the week of {@code day} (an empty DRAFT without id when nothing is saved yet). */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public TimesheetView mine(LocalDate day) {
        PersonView me = people.me();
        LocalDate monday = WeekCapacity.monday(day == null ? LocalDate.now(clock) : day);
        UUID id = idOf(me.id(), monday);
        return id == null ? empty(me, monday) : view(id);
    }

    /**
     * Replaces the entries of the caller's week (the Monday {@code weekStart}). Refused with nothing written when a
     * day would have more than 24 h, hours are negative, a day is outside the week, a task is not one the caller can
     * see, or the timesheet is not a DRAFT.
     */
    @Transactional
    @PreAuthorize(ResourceRoles.INTERNAL)
    public TimesheetView save(LocalDate weekStart, @Valid TimesheetCommand cmd) {
        CurrentUser user = CurrentUser.get();
        PersonView me = people.me();
        if (weekStart == null || weekStart.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new InvalidInput("weekStart", "must be the Monday of an ISO week");
        }
        List<TimesheetEntryCommand> entries = cmd.entries();
        TimesheetRules.check(weekStart, entries.stream()
                .map(e -> e == null ? null : new TimesheetRules.Line(e.taskId(), e.day(), e.hours())).toList());
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            UUID project = visibleProjectOfTask(user, entries.get(i).taskId());
            if (project == null) {
                throw new InvalidInput("entries[" + i + "].taskId", "is not a task of a project you belong to");
            }
            projects.add(project);
        }
        jdbc.query("select id from person where id = ? for update", rs -> { }, me.id());
        UUID id = idOf(me.id(), weekStart);
        Timestamp now = Timestamp.from(clock.instant());
        TimesheetView before = null;
        if (id == null) {
            id = UUID.randomUUID();
            jdbc.update("insert into timesheet (id, person_id, week_start, status, created_at, updated_at, version) "
                    + "values (?, ?, ?, 'DRAFT', ?, ?, 0)", id, me.id(), Date.valueOf(weekStart), now, now);
        } else {
            before = view(id);
            if (!"DRAFT".equals(before.status())) {
                throw new ProblemException.Conflict("The timesheet of the week of " + weekStart + " is " + before.status()
                        + "; only a DRAFT can be changed");
            }
            jdbc.update("delete from timesheet_entry where timesheet_id = ?", id);
            jdbc.update("update timesheet set updated_at = ?, version = version + 1 where id = ?", now, id);
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TimesheetEntryCommand e = entries.get(i);
            if (e.hours().signum() > 0) {
                rows.add(new Object[] {UUID.randomUUID(), id, e.taskId(), projects.get(i), Date.valueOf(e.day()), e.hours(),
                    Teams.blankToNull(e.note())});
            }
        }
        jdbc.batchUpdate("insert into timesheet_entry (id, timesheet_id, task_id, project_id, day, hours, note) "
                + "values (?, ?, ?, ?, ?, ?, ?)", rows);
        TimesheetView after = view(id);
        audit.record(user.username(), before == null ? "CREATED" : "UPDATED", ENTITY, id.toString(),
                before == null ? null : snapshot(before), snapshot(after));
        return after;
    }

    /** Sends the caller's DRAFT timesheet for approval. */
    @Transactional
    @PreAuthorize(ResourceRoles.INTERNAL)
    public TimesheetView submit(UUID id) {
        CurrentUser user = CurrentUser.get();
        TimesheetView ts = readable(id, user);
        if (!ts.username().equals(user.username())) {
            throw new ProblemException.Forbidden("Only " + ts.username() + " submits their own timesheet");
        }
        lock(id);
        ts = view(id);
        if (!"DRAFT".equals(ts.status())) {
            throw new ProblemException.Conflict("The timesheet is " + ts.status() + "; only a DRAFT can be submitted");
        }
        if (ts.entries().isEmpty()) {
            throw new InvalidInput("entries", "are empty: book some hours before submitting");
        }
        List<String> managers = jdbc.queryForList("select distinct p.manager from timesheet_entry e "
                + "join project p on p.id = e.project_id where e.timesheet_id = ? order by 1", String.class, id);
        // one project manager (not the person themselves) decides; otherwise any MANAGER does
        String approver = managers.size() == 1 && !managers.get(0).equals(ts.username()) ? managers.get(0) : null;
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put(Variables.TIMESHEET_ID, id.toString());
        vars.put(Variables.REQUESTER, ts.username());
        vars.put(Variables.APPROVER, approver);
        vars.put(Variables.WEEK_START, ts.weekStart().toString());
        vars.put(Variables.TOTAL_HOURS, ts.totalHours().doubleValue());
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.TIMESHEET_APPROVAL, id.toString(), vars);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update timesheet set status = 'SUBMITTED', submitted_at = ?, process_instance_id = ?, updated_at = ?, "
                + "version = version + 1 where id = ?", now, pi.getId(), now, id);
        TimesheetView after = view(id);
        Map<String, Object> change = snapshot(after);
        change.put("approver", approver == null ? Roles.MANAGER : approver);
        audit.record(user.username(), "SUBMITTED", ENTITY, id.toString(), Map.of("status", "DRAFT"), change);
        announce(id, user.username());
        log.info("Timesheet {} of {} for the week of {} submitted ({} h), approver {}", id, ts.username(), ts.weekStart(),
                ts.totalHours(), approver == null ? "any MANAGER" : approver);
        return after;
    }

    /**
     * Records the decision of the approval task (called by the inbox's handler, in its transaction). Approving takes
     * the person's current rate; rejecting needs a reason and returns the timesheet to DRAFT.
     */
    @Transactional
    public void recordDecision(UUID id, CurrentUser user, boolean approved, String comment) {
        lock(id);
        TimesheetView ts = view(id);
        if (!"SUBMITTED".equals(ts.status())) {
            throw new ProblemException.Conflict("The timesheet is " + ts.status() + ", not SUBMITTED");
        }
        if (user.username().equals(ts.username())) {
            throw new ProblemException.Forbidden("Nobody approves their own timesheet");
        }
        boolean projectManager = Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from timesheet_entry e "
                + "join project p on p.id = e.project_id where e.timesheet_id = ? and p.manager = ?)", Boolean.class, id,
                user.username()));
        if (!projectManager && !user.hasAnyRole(Roles.MANAGER, Roles.ADMIN)) {
            throw new ProblemException.Forbidden("Only a MANAGER or the project's manager decides a timesheet");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new InvalidInput("comment", "is required to reject a timesheet: say what to correct");
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (approved) {
            jdbc.update("update timesheet t set status = 'APPROVED', decided_by = ?, decided_at = ?, decision_comment = ?, "
                    + "hourly_rate = (select p.hourly_rate from person p where p.id = t.person_id), updated_at = ?, "
                    + "version = version + 1 where id = ?", user.username(), now, Teams.blankToNull(comment), now, id);
        } else {
            jdbc.update("update timesheet set status = 'DRAFT', decided_by = ?, decided_at = ?, decision_comment = ?, "
                    + "updated_at = ?, version = version + 1 where id = ?", user.username(), now, comment.strip(), now, id);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", approved ? "APPROVED" : "DRAFT");
        after.put("comment", comment == null ? "" : comment);
        after.put("totalHours", ts.totalHours());
        audit.record(user.username(), approved ? "APPROVED" : "REJECTED", ENTITY, id.toString(),
                Map.of("status", "SUBMITTED"), after);
        announce(id, user.username());
    }

    /** One timesheet: its person's, or any for MANAGER and ADMIN; 404 otherwise. */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public TimesheetView get(UUID id) {
        return readable(id, CurrentUser.get());
    }

    /**
     * Timesheets newest week first: the caller's own, or (MANAGER, ADMIN) anyone's by {@code username} or all;
     * asking for another person's without those roles is 403.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public PageView<TimesheetView> list(String username, String status, int page, int size) {
        CurrentUser user = CurrentUser.get();
        boolean all = user.hasAnyRole(Roles.MANAGER, Roles.ADMIN);
        String who = username == null || username.isBlank() ? (all ? null : user.username()) : username.strip();
        if (!all && !user.username().equals(who)) {
            throw new ProblemException.Forbidden("You may only see your own timesheets");
        }
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (who != null) {
            where.append(" and p.username = ?");
            args.add(who);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and t.status = ?");
            args.add(status.strip().toUpperCase(java.util.Locale.ROOT));
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        String from = " from timesheet t join person p on p.id = t.person_id";
        List<UUID> ids = jdbc.query("select t.id" + from + where + " order by t.week_start desc, p.username limit ? offset ?",
                (rs, n) -> rs.getObject(1, UUID.class), pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        return new PageView<>(ids.stream().map(this::view).toList(), Math.max(page, 0), limit, total == null ? 0 : total);
    }

    /** Open tasks of the projects the caller belongs to (or manages), to book time on; at most 500. */
    @Transactional(readOnly = true)
    @PreAuthorize(ResourceRoles.INTERNAL)
    public List<ResourceViews.BookableTask> bookableTasks() {
        CurrentUser user = CurrentUser.get();
        return jdbc.query("select t.id, p.id, p.code, t.number, t.name from task t join project p on p.id = t.project_id "
                + "where t.status not in ('DONE', 'CANCELLED') and p.status <> 'CLOSED' and (p.manager = ? "
                + "or exists(select 1 from project_member m where m.project_id = p.id and m.username = ?)) "
                + "order by (t.assignee = ?) desc nulls last, p.code, t.number limit 500",
                (rs, n) -> new ResourceViews.BookableTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getInt(4), rs.getString(5)),
                user.username(), user.username(), user.username());
    }

    private TimesheetView readable(UUID id, CurrentUser user) {
        TimesheetView ts = view(id);
        boolean projectManager = Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from timesheet_entry e "
                + "join project p on p.id = e.project_id where e.timesheet_id = ? and p.manager = ?)", Boolean.class, id,
                user.username()));
        if (!ts.username().equals(user.username()) && !projectManager && !user.hasAnyRole(Roles.MANAGER, Roles.ADMIN)) {
            throw new ProblemException.NotFound("No timesheet " + id);
        }
        return ts;
    }

    /** The project of a task the user may book on (a project they can read: member or manager; MANAGER, ADMIN any), or null. */
    private UUID visibleProjectOfTask(CurrentUser user, UUID taskId) {
        UUID project;
        try {
            project = access.projectOfTask(taskId);
        } catch (ProblemException.NotFound e) {
            return null;
        }
        return access.canRead(user.username(), user.roles(), project) ? project : null;
    }

    /** Tells the open views of the timesheet's projects that their hours changed. */
    private void announce(UUID id, String actor) {
        for (UUID project : jdbc.queryForList("select distinct project_id from timesheet_entry where timesheet_id = ?",
                UUID.class, id)) {
            events.changed(project, ProjectEvents.TIMESHEET, null, actor);
        }
    }

    private UUID idOf(UUID personId, LocalDate monday) {
        return jdbc.query("select id from timesheet where person_id = ? and week_start = ?",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, personId, Date.valueOf(monday));
    }

    private void lock(UUID id) {
        if (jdbc.query("select id from timesheet where id = ? for update", rs -> rs.next() ? id : null, id) == null) {
            throw new ProblemException.NotFound("No timesheet " + id);
        }
    }

    private TimesheetView empty(PersonView me, LocalDate monday) {
        List<DayTotal> totals = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            totals.add(new DayTotal(monday.plusDays(i), BigDecimal.ZERO.setScale(2)));
        }
        return new TimesheetView(null, me.id(), me.username(), monday, "DRAFT", List.of(), totals,
                BigDecimal.ZERO.setScale(2), null, null, null, null, 0);
    }

    TimesheetView view(UUID id) {
        List<TimesheetEntryView> entries = jdbc.query("select e.id, e.task_id, t.name, e.project_id, p.code, e.day, e.hours, "
                + "e.note from timesheet_entry e join task t on t.id = e.task_id join project p on p.id = e.project_id "
                + "where e.timesheet_id = ? order by p.code, t.number, e.day", (rs, n) -> new TimesheetEntryView(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getDate(6).toLocalDate(), rs.getBigDecimal(7), rs.getString(8)), id);
        return jdbc.query("select t.id, t.person_id, p.username, t.week_start, t.status, t.submitted_at, t.decided_by, "
                + "t.decided_at, t.decision_comment, t.version from timesheet t join person p on p.id = t.person_id "
                + "where t.id = ?", (rs, n) -> {
                    LocalDate monday = rs.getDate(4).toLocalDate();
                    List<DayTotal> totals = new ArrayList<>();
                    BigDecimal sum = BigDecimal.ZERO.setScale(2);
                    for (int i = 0; i < 7; i++) {
                        LocalDate d = monday.plusDays(i);
                        BigDecimal h = entries.stream().filter(e -> e.day().equals(d)).map(TimesheetEntryView::hours)
                                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
                        totals.add(new DayTotal(d, h));
                        sum = sum.add(h);
                    }
                    return new TimesheetView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            monday, rs.getString(5), entries, totals, sum,
                            rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7),
                            rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getLong(10));
                }, id).stream().findFirst().orElseThrow(() -> new ProblemException.NotFound("No timesheet " + id));
    }

    private static Map<String, Object> snapshot(TimesheetView t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weekStart", t.weekStart().toString());
        m.put("status", t.status());
        m.put("entries", t.entries().size());
        m.put("totalHours", t.totalHours());
        return m;
    }
}
