package io.millflow.pms;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only view of the dated things of the plan that belong in a calendar: milestones, due dates of open tasks and
 * weekly allocations of people. Used by the calendar capability (Google push, iCalendar feeds), which decides who may
 * see what before it calls; this class checks no permission and changes nothing.
 */
@Service
public class PlanCalendar {

    /** What a calendar entry stands for. */
    public enum Kind { MILESTONE, TASK_DUE, ALLOCATION }

    /**
     * One dated thing of the plan; {@code end} is inclusive (all-day entries), {@code person} the assignee or the
     * allocated person, {@code changedAt} when it last changed in Millflow.
     */
    public record Entry(Kind kind, UUID itemId, UUID projectId, String projectCode, String projectName,
            String projectStatus, String reference, String title, LocalDate start, LocalDate end, String person,
            Instant changedAt) {

        /** Stable key of the entry, e.g. {@code MILESTONE:<task id>}. */
        public String key() {
            return kind + ":" + itemId;
        }
    }

    private static final String TASKS = "select t.id, t.project_id, p.code, p.name, p.status, t.number, t.name, "
            + "t.milestone, t.start_date, t.due_date, t.assignee, t.updated_at, t.status "
            + "from task t join project p on p.id = t.project_id "
            + "where t.status <> 'CANCELLED' and (t.milestone or (t.due_date is not null and t.status <> 'DONE')) ";
    private static final String ALLOCATIONS = "select a.id, a.project_id, pr.code, pr.name, pr.status, a.week_start, "
            + "a.hours, pe.username, a.updated_at from allocation a join person pe on pe.id = a.person_id "
            + "join project pr on pr.id = a.project_id ";

    private final JdbcTemplate jdbc;

    PlanCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Milestones and due dates of the project's tasks, and the allocations to it. */
    @Transactional(readOnly = true)
    public List<Entry> forProject(UUID projectId) {
        List<Entry> out = new ArrayList<>(jdbc.query(TASKS + "and t.project_id = ? order by t.number",
                PlanCalendar::task, projectId));
        out.addAll(jdbc.query(ALLOCATIONS + "where a.project_id = ? order by a.week_start, pe.username",
                PlanCalendar::allocation, projectId));
        return out;
    }

    /**
     * A person's calendar: due dates and milestones assigned to them, milestones of projects they manage or are a
     * member of, and their allocations.
     */
    @Transactional(readOnly = true)
    public List<Entry> forPerson(String username) {
        Map<String, Entry> out = new LinkedHashMap<>();
        jdbc.query(TASKS + "and (t.assignee = ? or (t.milestone and (p.manager = ? or exists (select 1 from "
                + "project_member m where m.project_id = p.id and m.username = ?)))) order by t.start_date, t.number",
                PlanCalendar::task, username, username, username).forEach(e -> out.put(e.key(), e));
        jdbc.query(ALLOCATIONS + "where pe.username = ? order by a.week_start, pr.code", PlanCalendar::allocation,
                username).forEach(e -> out.put(e.key(), e));
        return List.copyOf(out.values());
    }

    /** Every entry: all milestones and open due dates, and allocations of weeks starting in [from, to]. */
    @Transactional(readOnly = true)
    public List<Entry> all(LocalDate allocationsFrom, LocalDate allocationsTo) {
        List<Entry> out = new ArrayList<>(jdbc.query(TASKS + "order by p.code, t.number", PlanCalendar::task));
        out.addAll(jdbc.query(ALLOCATIONS + "where a.week_start between ? and ? order by a.week_start",
                PlanCalendar::allocation, Date.valueOf(allocationsFrom), Date.valueOf(allocationsTo)));
        return out;
    }

    /** The entry of a task or allocation as it is now; empty when it no longer belongs in a calendar. */
    @Transactional(readOnly = true)
    public Optional<Entry> entry(Kind kind, UUID itemId) {
        List<Entry> found = switch (kind) {
            case MILESTONE -> jdbc.query(TASKS + "and t.milestone and t.id = ?", PlanCalendar::task, itemId);
            case TASK_DUE -> jdbc.query(TASKS + "and not t.milestone and t.id = ?", PlanCalendar::task, itemId);
            case ALLOCATION -> jdbc.query(ALLOCATIONS + "where a.id = ?", PlanCalendar::allocation, itemId);
        };
        return found.stream().findFirst();
    }

    /** Ids of the tasks of a project (for marking a whole project's entries changed). */
    @Transactional(readOnly = true)
    public List<UUID> taskIds(UUID projectId) {
        return jdbc.queryForList("select id from task where project_id = ?", UUID.class, projectId);
    }

    /** Ids of the allocations of a project. */
    @Transactional(readOnly = true)
    public List<UUID> allocationIds(UUID projectId) {
        return jdbc.queryForList("select id from allocation where project_id = ?", UUID.class, projectId);
    }

    private static Entry task(ResultSet rs, int n) throws SQLException {
        boolean milestone = rs.getBoolean(8);
        LocalDate day = milestone ? rs.getDate(9).toLocalDate() : rs.getDate(10).toLocalDate();
        String status = rs.getString(13);
        String name = rs.getString(7);
        String title = milestone ? "◆ " + name + ("DONE".equals(status) ? " (done)" : "") : "Due: " + name;
        return new Entry(milestone ? Kind.MILESTONE : Kind.TASK_DUE, rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(3) + " " + Task.keyOf(rs.getInt(6)), title + " [" + rs.getString(3) + "]", day, day,
                rs.getString(11), rs.getTimestamp(12).toInstant());
    }

    private static Entry allocation(ResultSet rs, int n) throws SQLException {
        LocalDate week = rs.getDate(6).toLocalDate();
        BigDecimal hours = rs.getBigDecimal(7).stripTrailingZeros();
        String person = rs.getString(8);
        return new Entry(Kind.ALLOCATION, rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(3) + " allocation",
                person + ": " + hours.toPlainString() + " h on " + rs.getString(3), week, week.plusDays(4), person,
                rs.getTimestamp(9).toInstant());
    }
}
