package io.millflow.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.AppTest;
import io.millflow.audit.AuditService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox sender against the real database with stand-in gateways: retries with backoff and giving up,
 * permanent failures, a gateway that is down, the gateway "off", and two senders (nodes) at once sending each mail
 * exactly once. The senders here run ten years ahead, so the app's own scheduled sender (today) never takes their
 * rows, and they finish the rows they made.
 */
@AppTest
class MailOutboxSenderTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditService audit;
    @Autowired
    PlatformTransactionManager transactions;

    private final Clock future = Clock.offset(Clock.systemUTC(), Duration.ofDays(3650));

    /** A gateway that answers each send with what {@code answer} says (null = accepted) and counts sends by id. */
    private static final class StandIn implements MailGateway {
        final Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
        final Function<MailMessage, MailDeliveryException> answer;
        final String name;

        StandIn(String name, Function<MailMessage, MailDeliveryException> answer) {
            this.name = name;
            this.answer = answer;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(MailMessage message) {
            sends.computeIfAbsent(message.id(), k -> new AtomicInteger()).incrementAndGet();
            MailDeliveryException e = answer.apply(message);
            if (e != null) {
                throw e;
            }
        }

        @Override
        public List<InboundMail> readUnread(int max) {
            return List.of();
        }

        @Override
        public void markRead(InboundMail mail) {
        }
    }

    private MailOutbox outbox(MailGateway gateway, int maxAttempts, int batchSize) {
        MailProperties props = new MailProperties("smtp", null, null, null, null, null, null,
                new MailProperties.Outbox(true, null, batchSize, maxAttempts, Duration.ofSeconds(1),
                        Duration.ofSeconds(10)), null, null);
        return new MailOutbox(jdbc, gateway, props, audit, future, transactions);
    }

    private UUID enqueue(MailOutbox outbox, String subject) {
        return new TransactionTemplate(transactions).execute(s -> outbox.enqueue(new OutgoingMail("GENERIC", "en",
                null, List.of("someone@millflow.test"), List.of(), null, new RenderedMail(subject, "text", null),
                "Test", subject, List.of()), "test"));
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.queryForMap("select status, attempts, last_error, next_attempt_at from mail_outbox where id = ?", id);
    }

    /** Runs the sender once more at the time the row is next due. */
    private void dueAgain(UUID id) {
        jdbc.update("update mail_outbox set next_attempt_at = next_attempt_at - interval '1 day' where id = ?", id);
    }

    @Test
    void passingFailuresAreRetriedWithGrowingBackoffThenGivenUpAndAdminMaySendAgain() {
        StandIn gateway = new StandIn("smtp", m -> MailDeliveryException.transientFailure("451 try later", null, null));
        MailOutbox outbox = outbox(gateway, 3, 50);
        UUID id = enqueue(outbox, "retry-" + UUID.randomUUID());

        Instant before = future.instant();
        outbox.sendDue();
        Map<String, Object> first = row(id);
        assertThat(first.get("status")).isEqualTo("PENDING");
        assertThat(first.get("attempts")).isEqualTo(1);
        assertThat(first.get("last_error")).isEqualTo("451 try later");
        Instant next1 = ((java.sql.Timestamp) first.get("next_attempt_at")).toInstant();
        assertThat(Duration.between(before, next1)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));

        outbox.sendDue();
        assertThat(row(id).get("attempts")).as("not due yet: no attempt").isEqualTo(1);

        dueAgain(id);
        Instant before2 = future.instant();
        outbox.sendDue();
        Map<String, Object> second = row(id);
        assertThat(second.get("attempts")).isEqualTo(2);
        Instant next2 = ((java.sql.Timestamp) second.get("next_attempt_at")).toInstant();
        assertThat(Duration.between(before2, next2)).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(6));

        dueAgain(id);
        outbox.sendDue();
        Map<String, Object> last = row(id);
        assertThat(last.get("status")).isEqualTo("FAILED");
        assertThat(last.get("attempts")).isEqualTo(3);
        assertThat(gateway.sends.get(id.toString()).get()).isEqualTo(3);
        assertThat(jdbc.queryForList("select action from audit_record where entity_type = 'Mail' and entity_id = ? "
                + "order by occurred_at", String.class, id.toString())).containsExactly("MAIL_QUEUED",
                        "MAIL_RETRY_SCHEDULED", "MAIL_RETRY_SCHEDULED", "MAIL_FAILED");

        dueAgain(id);
        outbox.sendDue();
        assertThat(gateway.sends.get(id.toString()).get()).as("a given-up mail is not sent").isEqualTo(3);
    }

    @Test
    void aPermanentFailureIsGivenUpAtOnceAndARetryAfterIsRespected() {
        String bad = "bad-" + UUID.randomUUID();
        String slow = "slow-" + UUID.randomUUID();
        StandIn gateway = new StandIn("graph", m -> m.subject().equals(bad)
                ? MailDeliveryException.permanent("ErrorInvalidRecipients", null)
                : MailDeliveryException.transientFailure("429 TooManyRequests", Duration.ofMinutes(10), null));
        MailOutbox outbox = outbox(gateway, 5, 50);
        UUID permanent = enqueue(outbox, bad);
        UUID throttled = enqueue(outbox, slow);

        Instant before = future.instant();
        outbox.sendDue();

        assertThat(row(permanent).get("status")).isEqualTo("FAILED");
        assertThat(row(permanent).get("attempts")).isEqualTo(1);
        Instant next = ((java.sql.Timestamp) row(throttled).get("next_attempt_at")).toInstant();
        assertThat(Duration.between(before, next)).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void whenTheGatewayIsDownTheRestOfTheBatchWaitsUntried() {
        StandIn gateway = new StandIn("graph", m -> MailDeliveryException.gatewayDown(
                "Graph token refused: 401 invalid_client", Duration.ofMinutes(5), null));
        MailOutbox outbox = outbox(gateway, 5, 50);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(enqueue(outbox, "down-" + UUID.randomUUID()));
        }

        MailOutbox.SendReport report = outbox.sendDue();

        int tried = (int) ids.stream().filter(id -> gateway.sends.containsKey(id.toString())).count();
        assertThat(tried).isEqualTo(1);
        assertThat(report.putBack()).isGreaterThanOrEqualTo(2);
        for (UUID id : ids) {
            Map<String, Object> r = row(id);
            assertThat(r.get("status")).isEqualTo("PENDING");
            assertThat(r.get("attempts")).isEqualTo(gateway.sends.containsKey(id.toString()) ? 1 : 0);
        }
    }

    @Test
    void withTheGatewayOffMailsAreMarkedNotSent() {
        MailOutbox outbox = outbox(new OffMailGateway(), 5, 50);
        UUID id = enqueue(outbox, "off-" + UUID.randomUUID());

        outbox.sendDue();

        assertThat(row(id).get("status")).isEqualTo("NOT_SENT");
        assertThat(row(id).get("last_error")).isEqualTo("not sent: gateway off");
    }

    @Test
    void twoNodesSendingAtOnceSendEveryMailExactlyOnce() throws Exception {
        StandIn gateway = new StandIn("smtp", m -> {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
        MailOutbox nodeA = outbox(gateway, 5, 7);
        MailOutbox nodeB = outbox(gateway, 5, 7);
        Set<String> mine = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 40; i++) {
            mine.add(enqueue(nodeA, "both-" + UUID.randomUUID()).toString());
        }

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (MailOutbox node : List.of(nodeA, nodeB)) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 10; i++) {
                    node.sendDue();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();

        for (String id : mine) {
            assertThat(gateway.sends.get(id)).as("mail " + id).isNotNull();
            assertThat(gateway.sends.get(id).get()).as("mail " + id).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where id = any(?::uuid[]) and status = 'SENT'",
                Integer.class, (Object) mine.toArray(String[]::new))).isEqualTo(40);
    }
}
