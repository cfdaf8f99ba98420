package io.millflow.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.millflow.shared.events.PgChannels;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre. {@link #notify} stores an in-app notification when the person wants that kind in the app,
 * hands it to every {@link NotificationChannel} (mail) when they want it by mail at once, or queues it for their daily
 * digest; it announces the new row on channel {@value #CHANNEL} (PostgreSQL NOTIFY, delivered on commit to every
 * node) so open browsers update their bell. Reading and marking work on the signed-in person's own notifications
 * only: another person's id answers 404.
 */
@Service
public class Notifications {

    public static final String CHANNEL = "millflow_notification";
    static final String ENTITY = "Notification";
    private static final int TITLE_MAX = 300;
    private static final int BODY_MAX = 2000;
    private static final int LINK_MAX = 500;
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };
    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcTemplate jdbc;
    private final NotificationPreferences preferences;
    private final PgChannels channels;
    private final List<NotificationChannel> outside;
    private final UserAccounts users;
    private final AuditService audit;
    private final ObjectMapper json;
    private final Clock clock;

    /** Spring passes every {@link NotificationChannel} bean (none, or the mail module's). */
    public Notifications(JdbcTemplate jdbc, NotificationPreferences preferences, PgChannels channels,
            List<NotificationChannel> outside, UserAccounts users, AuditService audit, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.preferences = preferences;
        this.channels = channels;
        this.outside = List.copyOf(outside);
        this.users = users;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Notifies a person (inside the caller's transaction). Answers the notification, also when only mailed or queued
     * for the digest, or empty when the person does not exist or wants this kind neither in the app nor by mail.
     */
    @Transactional
    public Optional<Notification> notify(String username, NotificationKind kind, String title, String body,
            String link, Map<String, String> data) {
        if (username == null || !users.exists(username)) {
            log.debug("No notification for unknown user {}", username);
            return Optional.empty();
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a notification needs a title");
        }
        if (link != null && !link.startsWith("/")) {
            throw new IllegalArgumentException("a notification link is app-relative: " + link);
        }
        KindPreference pref = preferences.of(username, kind);
        Notification n = new Notification(UUID.randomUUID(), username, kind, cut(title, TITLE_MAX),
                body == null ? null : cut(body, BODY_MAX), link == null ? null : cut(link, LINK_MAX),
                data == null ? Map.of() : Map.copyOf(data), clock.instant(), null);
        boolean mailed = !outside.isEmpty() && pref.mail() != MailMode.OFF;
        if (!pref.inApp() && !mailed) {
            return Optional.empty();
        }
        if (pref.inApp()) {
            jdbc.update("insert into notification (id, username, kind, title, body, link, data, created_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)", n.id(), username, kind.name(), n.title(), n.body(),
                    n.link(), toJson(n.data()), Timestamp.from(n.createdAt()));
            channels.send(CHANNEL, username);
        }
        if (pref.mail() == MailMode.IMMEDIATE) {
            outside.forEach(c -> c.sendNow(n));
        } else if (pref.mail() == MailMode.DIGEST && !outside.isEmpty()) {
            jdbc.update("insert into notification_digest_item (id, username, kind, title, body, link, data, created_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?::jsonb, ?)", n.id(), username, kind.name(), n.title(), n.body(),
                    n.link(), toJson(n.data()), Timestamp.from(n.createdAt()));
        }
        return Optional.of(n);
    }

    /**
     * Calls {@code subscriber} with the username each time a notification for them is stored on any node (on the
     * listener thread; keep it short). Run the returned action to stop.
     */
    public Runnable subscribe(Consumer<String> subscriber) {
        return channels.listen(CHANNEL, subscriber);
    }

    // ---------------------------------------------------------------- the signed-in person's own

    /** Unread notifications of the signed-in person. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        return jdbc.queryForObject("select count(*) from notification where username = ? and read_at is null",
                Long.class, me());
    }

    /** The signed-in person's notifications, newest first (only unread ones when asked). */
    @Transactional(readOnly = true)
    public PageView<Notification> mine(boolean unreadOnly, int page, int size) {
        String me = me();
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 200);
        String where = " where username = ?" + (unreadOnly ? " and read_at is null" : "");
        long total = jdbc.queryForObject("select count(*) from notification" + where, Long.class, me);
        List<Notification> items = jdbc.query("select * from notification" + where
                + " order by created_at desc, id limit ? offset ?", this::row, me, s, (long) p * s);
        return new PageView<>(items, p, s, total);
    }

    /** Marks one of the signed-in person's notifications read (again is a no-op); another's id answers 404. */
    @Transactional
    public Notification markRead(UUID id) {
        String me = me();
        List<Notification> found = jdbc.query("select * from notification where id = ? and username = ? for update",
                this::row, id, me);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No notification " + id);
        }
        Notification n = found.get(0);
        if (n.readAt() != null) {
            return n;
        }
        Instant now = clock.instant();
        jdbc.update("update notification set read_at = ? where id = ?", Timestamp.from(now), id);
        audit.record(me, "NOTIFICATION_READ", ENTITY, id.toString(), null, Map.of("readAt", now.toString()));
        return new Notification(n.id(), n.username(), n.kind(), n.title(), n.body(), n.link(), n.data(), n.createdAt(),
                now);
    }

    /** Marks all of the signed-in person's unread notifications read; answers how many. */
    @Transactional
    public int markAllRead() {
        String me = me();
        Instant now = clock.instant();
        int marked = jdbc.update("update notification set read_at = ? where username = ? and read_at is null",
                Timestamp.from(now), me);
        if (marked > 0) {
            audit.record(me, "NOTIFICATIONS_ALL_READ", ENTITY, me, null, Map.of("marked", marked));
        }
        return marked;
    }

    /** The signed-in person's username; a principal that is no user account (a machine client) gets 403. */
    public String ownUsername() {
        return me();
    }

    private String me() {
        String username = CurrentUser.get().username();
        if (!users.exists(username)) {
            throw new ProblemException.Forbidden("Notifications belong to user accounts; " + username + " is none");
        }
        return username;
    }

    // ---------------------------------------------------------------- helpers

    Notification row(ResultSet rs, int i) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new Notification(rs.getObject("id", UUID.class), rs.getString("username"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), fromJson(rs.getString("data")), rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }

    String toJson(Map<String, String> data) {
        try {
            return json.writeValueAsString(new LinkedHashMap<>(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> fromJson(String text) {
        try {
            return text == null ? Map.of() : Map.copyOf(json.readValue(text, DATA));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
