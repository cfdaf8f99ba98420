package io.millflow.notification;

import io.millflow.audit.AuditService;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Housekeeping: deletes notifications read more than {@code millflow.notifications.retention-read} ago (default 90
 * days), reminder marks older than 30 days and digest items older than 30 days (a digest that never went out).
 * Audited as one {@code NOTIFICATIONS_PURGED} record with the counts.
 */
@Service
public class NotificationRetention {

    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final Duration keepRead;

    NotificationRetention(org.springframework.jdbc.core.JdbcTemplate jdbc, AuditService audit, Clock clock,
            @Value("${millflow.notifications.retention-read:90d}") Duration keepRead) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.keepRead = keepRead;
    }

    @Transactional
    public Map<String, Integer> runNow() {
        return run(clock.instant());
    }

    @Transactional
    public Map<String, Integer> run(Instant now) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("read", jdbc.update("delete from notification where read_at < ?",
                Timestamp.from(now.minus(keepRead))));
        counts.put("reminders", jdbc.update("delete from notification_reminder where day < ?",
                Date.valueOf(LocalDate.ofInstant(now, clock.getZone()).minusDays(30))));
        counts.put("digestItems", jdbc.update("delete from notification_digest_item where created_at < ?",
                Timestamp.from(now.minus(Duration.ofDays(30)))));
        if (counts.values().stream().anyMatch(c -> c > 0)) {
            audit.record("system", "NOTIFICATIONS_PURGED", Notifications.ENTITY, "retention", null, counts);
        }
        return counts;
    }
}
