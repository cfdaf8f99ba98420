package io.millflow.pms;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only: assigned project tasks past their due date that are neither DONE nor CANCELLED, for reminders (the
 * notification module's overdue job, which runs without a signed-in user, so no method security here: it answers
 * only what a reminder needs and changes nothing).
 */
@Service
public class OverdueTasks {

    /** A task due before the day asked for, with the person it is assigned to. */
    public record OverdueTask(UUID taskId, UUID projectId, String projectCode, String key, String name,
            String assignee, LocalDate dueDate) {
    }

    private final JdbcTemplate jdbc;

    OverdueTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Assigned tasks with a due date before {@code day}, not DONE or CANCELLED, oldest due first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<OverdueTask> dueBefore(LocalDate day, int limit) {
        return jdbc.query("select t.id, t.project_id, p.code, t.number, t.name, t.assignee, t.due_date from task t "
                + "join project p on p.id = t.project_id where t.due_date < ? and t.assignee is not null "
                + "and t.status not in ('DONE', 'CANCELLED') order by t.due_date, t.id limit ?",
                (rs, i) -> new OverdueTask(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        "T-" + rs.getInt(4), rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate()),
                Date.valueOf(day), limit);
    }
}
