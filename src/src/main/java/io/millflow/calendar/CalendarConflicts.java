package io.millflow.calendar;

import io.millflow.pms.ProjectAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Conflicts of the Google sync (both sides changed an entry; the later change won), for project managers and ADMIN. */
@Service
public class CalendarConflicts {

    /** One resolved conflict; {@code winner} is GOOGLE or MILLFLOW. */
    public record ConflictView(UUID id, String itemKey, UUID projectId, String googleEventId, LocalDate googleStart,
            Instant googleUpdatedAt, LocalDate millflowStart, Instant millflowChangedAt, String winner,
            Instant resolvedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectAccess access;

    CalendarConflicts(JdbcTemplate jdbc, ProjectAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    /** The project's conflicts, newest first (at most 200): MANAGER, ADMIN or a manager of the project. */
    @Transactional(readOnly = true)
    @PreAuthorize(CalendarFeeds.INTERNAL)
    public List<ConflictView> ofProject(UUID projectId) {
        access.checkManage(projectId);
        return jdbc.query("select id, item_key, project_id, google_event_id, google_start, google_updated_at, "
                + "millflow_start, millflow_changed_at, winner, resolved_at from calendar_conflict where project_id = ? "
                + "order by resolved_at desc limit 200", (rs, n) -> new ConflictView(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), rs.getTimestamp(6).toInstant(),
                        rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getTimestamp(10).toInstant()), projectId);
    }
}
