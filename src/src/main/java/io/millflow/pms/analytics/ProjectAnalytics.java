package io.millflow.pms.analytics;

import io.millflow.pms.analytics.AnalyticsSources.LabourCost;
import io.millflow.pms.analytics.AnalyticsSources.MaterialsIssued;
import io.millflow.pms.analytics.AnalyticsSources.TeamUtilisation;
import io.millflow.pms.analytics.AnalyticsViews.BudgetRow;
import io.millflow.pms.analytics.AnalyticsViews.BurnPoint;
import io.millflow.pms.analytics.AnalyticsViews.Burndown;
import io.millflow.pms.analytics.AnalyticsViews.CycleTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.MaterialRow;
import io.millflow.pms.analytics.AnalyticsViews.OnTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.UtilisationRow;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project analytics, read with SQL over the pms tables: burn-down/burn-up, on-time delivery, cycle time, budget
 * against actual (labour and materials from their capabilities), materials per project, utilisation per team.
 * Roles: MANAGER and ADMIN see every project; DEPARTMENT_HEAD the projects of departments they head (own or
 * involved) and those they are a member of. A project outside that scope answers 404. Days are calendar days in
 * {@code millflow.calendar.zone}.
 */
@Service
public class ProjectAnalytics {

    public static final String READERS = "hasAnyRole('MANAGER','DEPARTMENT_HEAD','ADMIN')";
    /** Longest burn-down drawn, in days. */
    static final int MAX_DAYS = 731;

    /** The projects the current user may analyse, as a condition on {@code p} with four arguments (see {@link #scopeArgs}). */
    private static final String SCOPE = "(? or p.id in (select m.project_id from project_member m where m.username = ?)"
            + " or p.department_id in (select d.id from department d where d.head_username = ?)"
            + " or p.id in (select pd.project_id from project_department pd join department d on d.id = pd.department_id"
            + " where d.head_username = ?))";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectProvider<LabourCost> labour;
    private final ObjectProvider<MaterialsIssued> materials;
    private final ObjectProvider<TeamUtilisation> utilisation;

    ProjectAnalytics(JdbcTemplate jdbc, Clock clock, @Value("${millflow.calendar.zone:Europe/Berlin}") String zone,
            ObjectProvider<LabourCost> labour, ObjectProvider<MaterialsIssued> materials,
            ObjectProvider<TeamUtilisation> utilisation) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.labour = labour;
        this.materials = materials;
        this.utilisation = utilisation;
    }

    private record Project(UUID id, String code, String name, LocalDate start, LocalDate end, BigDecimal budget,
            String currency) {
    }

    private static Object[] scopeArgs(Object... more) {
        CurrentUser user = CurrentUser.get();
        Object[] args = new Object[4 + more.length];
        args[0] = user.hasAnyRole(Roles.MANAGER, Roles.ADMIN);
        args[1] = user.username();
        args[2] = user.username();
        args[3] = user.username();
        System.arraycopy(more, 0, args, 4, more.length);
        return args;
    }

    /** Projects in scope, by code; {@code projectId} null for all. */
    private List<Project> projects(UUID projectId) {
        String sql = "select p.id, p.code, p.name, p.start_date, p.end_date, p.budget, p.currency from project p where "
                + SCOPE + (projectId == null ? "" : " and p.id = ?") + " order by p.code";
        Object[] args = projectId == null ? scopeArgs() : scopeArgs(projectId);
        List<Project> found = jdbc.query(sql, (rs, i) -> new Project(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBigDecimal(6),
                rs.getString(7)), args);
        if (projectId != null && found.isEmpty()) {
            throw new ProblemException.NotFound("No project " + projectId);
        }
        return found;
    }

    /** Projects the caller may analyse: id, code and name (for pickers). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ProjectRef> projectsInScope() {
        return projects(null).stream().map(p -> new ProjectRef(p.id(), p.code(), p.name())).toList();
    }

    public record ProjectRef(UUID id, String code, String name) {
    }

    /** Burn-down and burn-up of one project, one point per day from its start to its end (or today if later). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Burndown burndown(UUID projectId) {
        Project p = projects(projectId).get(0);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        record Work(LocalDate created, LocalDate completed, BigDecimal hours) {
        }
        List<Work> work = jdbc.query("select t.created_at, case when t.status = 'DONE' then t.completed_at end,"
                + " coalesce(t.estimate_hours, 0) from task t where t.project_id = ? and t.status <> 'CANCELLED'"
                + " and not exists (select 1 from task c where c.parent_id = t.id)",
                (rs, i) -> new Work(day(rs.getTimestamp(1)), day(rs.getTimestamp(2)), rs.getBigDecimal(3)), projectId);
        LocalDate end = p.end();
        boolean open = work.stream().anyMatch(w -> w.completed() == null);
        if (open && today.isAfter(end)) {
            end = today;
        }
        if (ChronoUnit.DAYS.between(p.start(), end) >= MAX_DAYS) {
            end = p.start().plusDays(MAX_DAYS - 1L);
        }
        BigDecimal totalHours = work.stream().map(Work::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        long span = ChronoUnit.DAYS.between(p.start(), p.end());
        List<BurnPoint> points = new ArrayList<>();
        for (LocalDate d = p.start(); !d.isAfter(end); d = d.plusDays(1)) {
            BigDecimal ideal = span <= 0 || d.isAfter(p.end()) ? BigDecimal.ZERO
                    : totalHours.multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(d, p.end())))
                            .divide(BigDecimal.valueOf(span), 2, RoundingMode.HALF_UP);
            if (d.isAfter(today)) {
                points.add(new BurnPoint(d, null, null, null, ideal, null, null));
                continue;
            }
            BigDecimal scope = BigDecimal.ZERO;
            BigDecimal done = BigDecimal.ZERO;
            int scopeTasks = 0;
            int doneTasks = 0;
            for (Work w : work) {
                if (w.created() != null && !w.created().isAfter(d) || w.created() == null) {
                    scope = scope.add(w.hours());
                    scopeTasks++;
                    if (w.completed() != null && !w.completed().isAfter(d)) {
                        done = done.add(w.hours());
                        doneTasks++;
                    }
                }
            }
            points.add(new BurnPoint(d, scale(scope), scale(done), scale(scope.subtract(done)), ideal, scopeTasks,
                    doneTasks));
        }
        return new Burndown(p.id(), p.code(), p.start(), end, points);
    }

    /** On-time delivery per project in scope: done tasks whose completion day is on or before their due date. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<OnTimeRow> onTime() {
        List<OnTimeRow> rows = new ArrayList<>();
        for (Project p : projects(null)) {
            int done = 0;
            int withDue = 0;
            int onTime = 0;
            for (Object[] t : jdbc.query("select completed_at, due_date from task where project_id = ? and status = 'DONE'",
                    (rs, i) -> new Object[] {rs.getTimestamp(1), rs.getObject(2, LocalDate.class)}, p.id())) {
                done++;
                LocalDate due = (LocalDate) t[1];
                LocalDate completed = day((Timestamp) t[0]);
                if (due != null) {
                    withDue++;
                    if (completed != null && !completed.isAfter(due)) {
                        onTime++;
                    }
                }
            }
            rows.add(new OnTimeRow(p.id(), p.code(), p.name(), done, withDue, onTime, rate(onTime, withDue)));
        }
        return rows;
    }

    /** Cycle time (created → completed) of done tasks per project in scope: average, median and 85th percentile. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<CycleTimeRow> cycleTime() {
        List<CycleTimeRow> rows = new ArrayList<>();
        for (Project p : projects(null)) {
            rows.add(jdbc.queryForObject("""
                    select count(*),
                           avg(extract(epoch from (completed_at - created_at)) / 86400),
                           percentile_cont(0.5) within group (order by extract(epoch from (completed_at - created_at)) / 86400),
                           percentile_cont(0.85) within group (order by extract(epoch from (completed_at - created_at)) / 86400)
                      from task where project_id = ? and status = 'DONE' and completed_at is not null""",
                    (rs, i) -> new CycleTimeRow(p.id(), p.code(), p.name(), rs.getInt(1), days(rs.getBigDecimal(2)),
                            days(rs.getBigDecimal(3)), days(rs.getBigDecimal(4))), p.id()));
        }
        return rows;
    }

    /** Budget against actual cost per project in scope ({@code projectId} null for all). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<BudgetRow> budget(UUID projectId) {
        return projects(projectId).stream().map(this::budgetRow).toList();
    }

    /**
     * Budget against actual of one project for whoever may read it (the project page's Cost tab): the caller
     * checks project visibility (ProjectAccess) first.
     */
    @Transactional(readOnly = true)
    public BudgetRow budgetOfReadableProject(UUID projectId) {
        List<Project> found = jdbc.query("select p.id, p.code, p.name, p.start_date, p.end_date, p.budget, p.currency"
                + " from project p where p.id = ?", (rs, i) -> new Project(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
                rs.getBigDecimal(6), rs.getString(7)), projectId);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No project " + projectId);
        }
        return budgetRow(found.get(0));
    }

    private BudgetRow budgetRow(Project p) {
        BigDecimal labourCost = figure(labour.getIfAvailable() == null ? null : () -> labour.getObject().labourCost(p.id()));
        BigDecimal materialCost = figure(materials.getIfAvailable() == null ? null
                : () -> materials.getObject().issuedValue(p.id()));
        BigDecimal actual = nz(labourCost).add(nz(materialCost));
        BigDecimal budget = money(p.budget());
        BigDecimal used = budget.signum() == 0 ? null : actual.divide(budget, 4, RoundingMode.HALF_UP);
        return new BudgetRow(p.id(), p.code(), p.name(), p.currency(), budget, money(labourCost), money(materialCost),
                actual, budget.subtract(actual), used, labourCost != null, materialCost != null);
    }

    /**
     * A figure from another capability, or null when that capability is not in the build or does not show it to
     * the caller (its own visibility rule, e.g. a department head who is not a member of the project).
     */
    private static BigDecimal figure(java.util.function.Supplier<BigDecimal> source) {
        if (source == null) {
            return null;
        }
        try {
            BigDecimal v = source.get();
            return v == null ? BigDecimal.ZERO : v;
        } catch (ProblemException.NotFound | org.springframework.security.access.AccessDeniedException e) {
            return null;
        }
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }

    /** Materials issued per project in scope and item; empty when ims's query is not in this build. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<MaterialRow> materials(UUID projectId) {
        MaterialsIssued m = materials.getIfAvailable();
        List<MaterialRow> rows = new ArrayList<>();
        for (Project p : projects(projectId)) {
            if (m != null) {
                try {
                    rows.addAll(m.materials(p.id(), p.code()));
                } catch (ProblemException.NotFound | org.springframework.security.access.AccessDeniedException e) {
                    // not shown to this caller by the materials' own rule
                }
            }
        }
        return rows;
    }

    public boolean materialsKnown() {
        return materials.getIfAvailable() != null;
    }

    public boolean utilisationKnown() {
        return utilisation.getIfAvailable() != null;
    }

    /** Utilisation per team and ISO week between two days; empty when resources are not in this build. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<UtilisationRow> utilisation(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ProblemException.InvalidInput("to", "must not be before from");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate f = from == null ? today.minusWeeks(8) : from;
        LocalDate t = to == null ? today : to;
        if (ChronoUnit.DAYS.between(f, t) > MAX_DAYS) {
            throw new ProblemException.InvalidInput("to", "at most " + MAX_DAYS + " days after from");
        }
        TeamUtilisation u = utilisation.getIfAvailable();
        return u == null ? List.of() : u.utilisation(f, t);
    }

    private LocalDate day(Timestamp t) {
        return t == null ? null : t.toInstant().atZone(zone).toLocalDate();
    }

    private static BigDecimal scale(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal days(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
