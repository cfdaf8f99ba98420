package io.millflow.app.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projects and tasks written straight into the pms tables, for tests that need exact dates and timestamps
 * (analytics) that the services would set to "now".
 */
public final class PmsRows {

    private final JdbcTemplate jdbc;

    public PmsRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public UUID department(String code, String head) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into department (id, code, name, head_username, created_at, version) values (?,?,?,?,now(),0)",
                id, code, "Department " + code, head);
        return id;
    }

    public UUID project(String code, UUID departmentId, String manager, LocalDate start, LocalDate end,
            BigDecimal budget) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into project (id, code, name, department_id, manager, start_date, end_date, budget, currency,"
                + " status, created_by, created_at, updated_at, version) values (?,?,?,?,?,?,?,?,'EUR','ACTIVE',?,now(),now(),0)",
                id, code, "Project " + code, departmentId, manager, start, end, budget, manager);
        return id;
    }

    public void member(UUID projectId, String username, String role) {
        jdbc.update("insert into project_member (project_id, username, project_role, added_at) values (?,?,?,now())",
                projectId, username, role);
    }

    /** A task; {@code completedAt} only matters for DONE. */
    public UUID task(UUID projectId, UUID parentId, int number, String status, BigDecimal estimate, Instant createdAt,
            Instant completedAt, LocalDate due, LocalDate start, LocalDate end) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into task (id, project_id, parent_id, number, name, status, board_rank, priority, milestone,"
                + " start_date, end_date, due_date, estimate_hours, needs_approval, completed_at, created_by, created_at,"
                + " updated_at, version) values (?,?,?,?,?,?,?, 'NORMAL', false, ?,?,?,?, false, ?, 'manager', ?, ?, 0)",
                id, projectId, parentId, number, "Task " + number, status, number, start, end, due, estimate,
                completedAt == null ? null : Timestamp.from(completedAt), Timestamp.from(createdAt),
                Timestamp.from(createdAt));
        return id;
    }

    /**
     * A timesheet of {@code username} (a person in resources) for the week starting {@code monday}, with one entry of
     * {@code hours} on each of {@code days} for the task; {@code rate} is the hourly rate it was approved at.
     */
    public UUID timesheet(String username, LocalDate monday, String status, BigDecimal rate, UUID taskId,
            UUID projectId, BigDecimal hours, LocalDate... days) {
        UUID person = jdbc.queryForObject("select id from person where username = ?", UUID.class, username);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into timesheet (id, person_id, week_start, status, hourly_rate, created_at, updated_at,"
                + " version) values (?,?,?,?,?,now(),now(),0)", id, person, monday, status, rate);
        for (LocalDate day : days) {
            jdbc.update("insert into timesheet_entry (id, timesheet_id, task_id, project_id, day, hours) values (?,?,?,?,?,?)",
                    UUID.randomUUID(), id, taskId, projectId, day, hours);
        }
        return id;
    }
}
