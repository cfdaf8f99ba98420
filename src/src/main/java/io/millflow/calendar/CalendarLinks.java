package io.millflow.calendar;

import io.millflow.pms.PlanCalendar.Kind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The rows of {@code calendar_event_link}: mapping to Google events and outbox of pushes (see V17). */
@Repository
class CalendarLinks {

    /** One row; dirty when {@code localVersion > pushedVersion}. */
    record Link(String itemKey, Kind kind, UUID itemId, UUID projectId, String googleEventId, String etag,
            String contentHash, long localVersion, long pushedVersion, Instant localChangedAt, boolean deleted,
            int attempts) {

        boolean dirty() {
            return localVersion > pushedVersion;
        }

        boolean everPushed() {
            return etag != null;
        }
    }

    private static final String COLUMNS = "item_key, kind, item_id, project_id, google_event_id, etag, content_hash, "
            + "local_version, pushed_version, local_changed_at, deleted, attempts";

    private final JdbcTemplate jdbc;

    CalendarLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change of an entry (or a possible one): creates the row or raises its local version. */
    void changed(Kind kind, UUID itemId, UUID projectId, Instant at) {
        Timestamp ts = Timestamp.from(at);
        jdbc.update("insert into calendar_event_link (item_key, kind, item_id, project_id, google_event_id, "
                + "local_changed_at, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (item_key) do update "
                + "set local_version = calendar_event_link.local_version + 1, local_changed_at = excluded.local_changed_at, "
                + "project_id = coalesce(excluded.project_id, calendar_event_link.project_id), attempts = 0, "
                + "next_attempt_at = excluded.next_attempt_at", CalendarEntries.key(kind, itemId), kind.name(), itemId,
                projectId, CalendarEntries.eventId(kind, itemId), ts, ts);
    }

    /** Raises the local version of every existing row of a project. */
    int projectChanged(UUID projectId, Instant at) {
        Timestamp ts = Timestamp.from(at);
        return jdbc.update("update calendar_event_link set local_version = local_version + 1, local_changed_at = ?, "
                + "attempts = 0, next_attempt_at = ? where project_id = ?", ts, ts, projectId);
    }

    /** Raises the local version of one existing row (e.g. to overwrite a change made in Google). */
    void repush(String itemKey, Instant at) {
        jdbc.update("update calendar_event_link set local_version = local_version + 1, attempts = 0, "
                + "next_attempt_at = ? where item_key = ?", Timestamp.from(at), itemKey);
    }

    /**
     * Claims up to {@code limit} due dirty rows for this run: they are locked ({@code skip locked}, so another node
     * takes others) and leased until {@code leaseUntil}, so a crashed run's rows come back later.
     */
    List<Link> claim(Instant now, Instant leaseUntil, int limit) {
        List<Link> due = jdbc.query("select " + COLUMNS + " from calendar_event_link where local_version > "
                + "pushed_version and next_attempt_at <= ? order by next_attempt_at limit ? for update skip locked",
                CalendarLinks::row, Timestamp.from(now), limit);
        for (Link l : due) {
            jdbc.update("update calendar_event_link set next_attempt_at = ? where item_key = ?",
                    Timestamp.from(leaseUntil), l.itemKey());
        }
        return due;
    }

    Optional<Link> byEventId(String googleEventId) {
        return jdbc.query("select " + COLUMNS + " from calendar_event_link where google_event_id = ?",
                CalendarLinks::row, googleEventId).stream().findFirst();
    }

    Optional<Link> byKey(String itemKey) {
        return jdbc.query("select " + COLUMNS + " from calendar_event_link where item_key = ?", CalendarLinks::row,
                itemKey).stream().findFirst();
    }

    List<Link> all() {
        return jdbc.query("select " + COLUMNS + " from calendar_event_link", CalendarLinks::row);
    }

    /** The push of {@code version} succeeded; the row stays dirty if it changed again meanwhile. */
    void pushed(String itemKey, long version, String etag, String contentHash, boolean deleted, Instant googleUpdated,
            Instant now) {
        jdbc.update("update calendar_event_link set pushed_version = greatest(pushed_version, ?), etag = ?, "
                + "content_hash = ?, deleted = ?, pushed_at = ?, google_updated_at = ?, attempts = 0, last_error = null, "
                + "next_attempt_at = ? where item_key = ?", version, etag, contentHash, deleted, Timestamp.from(now),
                googleUpdated == null ? null : Timestamp.from(googleUpdated), Timestamp.from(now), itemKey);
    }

    /** The change came from Google: what Millflow has now equals the event; nothing to push. */
    void tookFromGoogle(String itemKey, String etag, String contentHash, Instant googleUpdated, Instant now) {
        jdbc.update("update calendar_event_link set pushed_version = local_version, etag = ?, content_hash = ?, "
                + "google_updated_at = ?, attempts = 0, last_error = null, next_attempt_at = ? where item_key = ?",
                etag, contentHash, googleUpdated == null ? null : Timestamp.from(googleUpdated), Timestamp.from(now),
                itemKey);
    }

    void seen(String itemKey, String etag, Instant googleUpdated) {
        jdbc.update("update calendar_event_link set etag = ?, google_updated_at = ? where item_key = ?", etag,
                googleUpdated == null ? null : Timestamp.from(googleUpdated), itemKey);
    }

    void failed(String itemKey, String error, Instant nextAttempt) {
        jdbc.update("update calendar_event_link set attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                + "where item_key = ?", error.length() > 1000 ? error.substring(0, 1000) : error,
                Timestamp.from(nextAttempt), itemKey);
    }

    /** Forgets a row that never reached Google and whose entry is gone. */
    void forget(String itemKey, long version) {
        jdbc.update("delete from calendar_event_link where item_key = ? and local_version = ?", itemKey, version);
    }

    private static Link row(ResultSet rs, int n) throws SQLException {
        return new Link(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                rs.getLong(9), rs.getTimestamp(10).toInstant(), rs.getBoolean(11), rs.getInt(12));
    }
}
