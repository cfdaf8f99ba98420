package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.app.support.AppTest;
import io.millflow.audit.AuditService;
import io.millflow.notification.MailMode;
import io.millflow.notification.Notification;
import io.millflow.notification.NotificationChannel;
import io.millflow.notification.NotificationDigests;
import io.millflow.notification.NotificationKind;
import io.millflow.notification.NotificationPreferences;
import io.millflow.notification.Notifications;
import io.millflow.notification.PreferencesCommand;
import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import io.millflow.shared.events.PgChannels;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What reaches a {@link NotificationChannel} (the mail module's port): the shared context has no channel until the
 * mail module lands, and the context may not be changed, so this test builds {@link Notifications} and
 * {@link NotificationDigests} itself from the context's real beans (database, preferences, channels) with a
 * recording channel. IMMEDIATE calls {@code sendNow}; DIGEST queues; the digest job sends once per person per day
 * at or after their hour, grouped per person, oldest first, without items already read in the app; OFF sends nothing.
 */
@AppTest
class NotificationChannelsTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ZoneId ZONE = ZoneId.systemDefault();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationPreferences preferences;
    @Autowired
    PgChannels channels;
    @Autowired
    UserAccounts users;
    @Autowired
    AuditService audit;
    @Autowired
    ObjectMapper json;
    @Autowired
    PlatformTransactionManager transactions;

    static final class Recording implements NotificationChannel {
        final List<Notification> now = Collections.synchronizedList(new ArrayList<>());
        final List<Map.Entry<String, List<Notification>>> digests = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sendNow(Notification notification) {
            now.add(notification);
        }

        @Override
        public void sendDigest(String username, List<Notification> items) {
            digests.add(Map.entry(username, List.copyOf(items)));
        }
    }

    String user() {
        String name = "nc" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        users.create("system", name, "password1", name, name + "@example.test", Set.of(Roles.EMPLOYEE));
        return name;
    }

    Notifications notifications(Recording channel, Clock clock) {
        return new Notifications(jdbc, preferences, channels, List.of(channel), users, audit, json, clock);
    }

    static Clock at(LocalDate day, int hour, int minute) {
        return Clock.fixed(day.atTime(hour, minute).atZone(ZONE).toInstant(), ZONE);
    }

    void mail(String username, NotificationKind kind, MailMode mode, Boolean inApp, Integer hour) {
        preferences.update(username, username, new PreferencesCommand(null, hour,
                List.of(new PreferencesCommand.Entry(kind.name(), inApp, mode.name()))));
    }

    @Test
    void immediateGoesToTheChannelAtOnceAndOffNowhere() {
        Recording channel = new Recording();
        String u = user();
        Notifications n = notifications(channel, Clock.systemDefaultZone());
        Notification sent = n.notify(u, NotificationKind.APPROVAL_NEEDED, "Approve", "body", "/inbox?task=1",
                Map.of("taskId", "1")).orElseThrow();
        assertThat(channel.now).containsExactly(sent);
        assertThat(jdbc.queryForObject("select count(*) from notification where id = ?", Long.class, sent.id()))
                .isEqualTo(1);

        mail(u, NotificationKind.TASK_ASSIGNED, MailMode.OFF, false, null);
        assertThat(n.notify(u, NotificationKind.TASK_ASSIGNED, "Nothing", null, null, Map.of())).isEmpty();
        assertThat(channel.now).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from notification_digest_item where username = ?", Long.class,
                u)).isZero();

        // mail only (in-app off): the channel gets it, no in-app row
        mail(u, NotificationKind.MILESTONE_MOVED, MailMode.IMMEDIATE, false, null);
        Notification mailOnly = n.notify(u, NotificationKind.MILESTONE_MOVED, "Moved", null, null, Map.of())
                .orElseThrow();
        assertThat(channel.now).last().isEqualTo(mailOnly);
        assertThat(jdbc.queryForObject("select count(*) from notification where id = ?", Long.class, mailOnly.id()))
                .isZero();
    }

    @Test
    void theDigestGroupsPerPersonRespectsTheHourAndGoesOncePerDay() {
        Recording channel = new Recording();
        LocalDate day = LocalDate.of(2031, 3, 4);
        String early = user();
        String late = user();
        mail(early, NotificationKind.TASK_OVERDUE, MailMode.DIGEST, true, 6);
        mail(late, NotificationKind.TASK_OVERDUE, MailMode.DIGEST, false, 17);
        Notifications n = notifications(channel, at(day, 1, 0));
        Notification e1 = n.notify(early, NotificationKind.TASK_OVERDUE, "Overdue 1", null, null, Map.of()).orElseThrow();
        Notifications later = notifications(channel, at(day, 2, 0));
        Notification e2 = later.notify(early, NotificationKind.TASK_OVERDUE, "Overdue 2", null, null, Map.of())
                .orElseThrow();
        Notification e3 = later.notify(early, NotificationKind.TASK_OVERDUE, "Overdue 3 (read)", null, null, Map.of())
                .orElseThrow();
        jdbc.update("update notification set read_at = now() where id = ?", e3.id());
        Notification l1 = later.notify(late, NotificationKind.TASK_OVERDUE, "Late 1", null, null, Map.of()).orElseThrow();
        assertThat(channel.now).isEmpty();

        NotificationDigests digests = new NotificationDigests(jdbc, transactions, List.of(channel), json, at(day, 5, 0));
        digests.run(at(day, 5, 59).instant());
        assertThat(mine(channel, early, late)).isEmpty(); // nobody's hour yet

        digests.run(at(day, 6, 0).instant());
        assertThat(mine(channel, early, late)).hasSize(1);
        Map.Entry<String, List<Notification>> first = mine(channel, early, late).get(0);
        assertThat(first.getKey()).isEqualTo(early);
        assertThat(first.getValue()).extracting(Notification::id).containsExactly(e1.id(), e2.id());

        digests.run(at(day, 9, 0).instant()); // once a day: nothing new for early, not late's hour
        assertThat(mine(channel, early, late)).hasSize(1);

        digests.run(at(day, 17, 15).instant());
        assertThat(mine(channel, early, late)).hasSize(2);
        assertThat(mine(channel, early, late).get(1).getKey()).isEqualTo(late);
        assertThat(mine(channel, early, late).get(1).getValue()).extracting(Notification::title)
                .containsExactly("Late 1");
        assertThat(l1.readAt()).isNull();

        // the next day's item waits for the next day's hour
        notifications(channel, at(day, 20, 0)).notify(early, NotificationKind.TASK_OVERDUE, "Overdue 4", null, null,
                Map.of());
        digests.run(at(day, 23, 0).instant());
        assertThat(mine(channel, early, late)).hasSize(2);
        digests.run(at(day.plusDays(1), 6, 30).instant());
        assertThat(mine(channel, early, late)).hasSize(3);
        assertThat(mine(channel, early, late).get(2).getValue()).extracting(Notification::title)
                .containsExactly("Overdue 4");
        assertThat(jdbc.queryForObject("select count(*) from notification_digest_item where username in (?, ?)",
                Long.class, early, late)).isZero();
    }

    /** The digests of these people (other tests' queued items may be digested in the same run). */
    private static List<Map.Entry<String, List<Notification>>> mine(Recording channel, String... people) {
        Set<String> who = Set.of(people);
        return channel.digests.stream().filter(d -> who.contains(d.getKey())).toList();
    }
}
