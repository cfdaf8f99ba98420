package io.millflow.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: for each person with queued items whose digest hour (server time zone) has come today and who
 * had no digest yet today, hands the items that are not already read in the app (oldest first) to every
 * {@link NotificationChannel}'s {@code sendDigest} and empties their queue. One transaction per person; the person's
 * setting row is locked with {@code for update skip locked} and stamped with the day, so two nodes running the job
 * at once send one digest. Run by a Quartz job; {@link #run(Instant)} takes the time so tests choose it.
 */
@Service
public class NotificationDigests {

    private static final Logger log = LoggerFactory.getLogger(NotificationDigests.class);
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final List<NotificationChannel> outside;
    private final ObjectMapper json;
    private final Clock clock;

    public NotificationDigests(JdbcTemplate jdbc, PlatformTransactionManager transactions,
            List<NotificationChannel> outside, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.outside = List.copyOf(outside);
        this.json = json;
        this.clock = clock;
    }

    /** Runs the digests due now. */
    public int runNow() {
        return run(clock.instant());
    }

    /** Runs the digests due at {@code now}; answers how many people got one. */
    public int run(Instant now) {
        ZonedDateTime local = now.atZone(clock.getZone());
        LocalDate today = local.toLocalDate();
        int sent = 0;
        for (String username : jdbc.queryForList(
                "select distinct username from notification_digest_item where created_at <= ?", String.class,
                Timestamp.from(now))) {
            Boolean done = tx.execute(s -> digest(username, now, today, local.getHour()));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean digest(String username, Instant now, LocalDate today, int hour) {
        jdbc.update("insert into notification_setting (username, digest_hour) values (?, ?) on conflict do nothing",
                username, NotificationPreferences.DEFAULT_DIGEST_HOUR);
        List<Object[]> setting = jdbc.query("select digest_hour, last_digest_on from notification_setting "
                + "where username = ? for update skip locked",
                (rs, i) -> new Object[] {rs.getInt(1), rs.getDate(2)}, username);
        if (setting.isEmpty()) {
            return false; // another node is digesting this person right now
        }
        int digestHour = (Integer) setting.get(0)[0];
        Date last = (Date) setting.get(0)[1];
        if (hour < digestHour || (last != null && !last.toLocalDate().isBefore(today))) {
            return false;
        }
        List<Notification> items = jdbc.query("select d.* from notification_digest_item d where d.username = ? "
                + "and d.created_at <= ? and not exists (select 1 from notification n where n.id = d.id "
                + "and n.read_at is not null) order by d.created_at, d.id",
                (rs, i) -> new Notification(rs.getObject("id", UUID.class), username,
                        NotificationKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"),
                        rs.getString("link"), data(rs.getString("data")), rs.getTimestamp("created_at").toInstant(),
                        null),
                username, Timestamp.from(now));
        jdbc.update("delete from notification_digest_item where username = ? and created_at <= ?", username,
                Timestamp.from(now));
        jdbc.update("update notification_setting set last_digest_on = ? where username = ?", Date.valueOf(today),
                username);
        if (items.isEmpty()) {
            return false;
        }
        outside.forEach(c -> c.sendDigest(username, items));
        log.debug("Digest of {} items for {}", items.size(), username);
        return true;
    }

    private Map<String, String> data(String text) {
        try {
            return text == null ? Map.of() : Map.copyOf(json.readValue(text, DATA));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
