package io.millflow.webhook;

import io.millflow.audit.AuditService;
import io.millflow.webhook.WebhookRepository.Claimed;
import io.millflow.webhook.WebhookSender.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Every node may run it: a short transaction claims a batch with {@code for update skip
 * locked} and leases it; the HTTP calls run outside any transaction; each outcome is written in its own short
 * transaction. 2xx = succeeded; 410 Gone = the subscription is switched off and the delivery is dead; anything else
 * (other codes, no connection, timeouts) is tried again after the next pause of {@code millflow.webhooks.retry-delays}
 * (± jitter) until the last try, then the delivery is dead.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookRepository repository;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    WebhookDispatcher(WebhookRepository repository, WebhookSecrets secrets, WebhookSender sender,
            WebhookProperties properties, AuditService audit, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.secrets = secrets;
        this.sender = sender;
        this.properties = properties;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The scheduled poll of this node ({@code millflow.webhooks.sender-enabled}, {@code poll-interval}). */
    @Scheduled(fixedDelayString = "${millflow.webhooks.poll-interval:5s}",
            initialDelayString = "${millflow.webhooks.poll-interval:5s}")
    void poll() {
        if (!properties.senderEnabled()) {
            return;
        }
        try {
            deliverDue(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Webhook poll failed; the next poll tries again", e);
        }
    }

    /**
     * Sends every delivery due at {@code now}, batch by batch, and answers how many calls were made. Tests call it
     * with a clock of their own to walk through the retry schedule.
     */
    public int deliverDue(Instant now) {
        int calls = 0;
        while (true) {
            Instant leaseUntil = now.plus(properties.lease());
            List<Claimed> batch = tx.execute(s -> repository.claimDue(now, properties.batchSize(), leaseUntil));
            if (batch == null || batch.isEmpty()) {
                return calls;
            }
            for (Claimed claimed : batch) {
                attempt(claimed, now);
                calls++;
            }
            if (batch.size() < properties.batchSize()) {
                return calls;
            }
        }
    }

    private void attempt(Claimed c, Instant now) {
        Outcome outcome;
        try {
            String secret = secrets.decrypt(c.secretCipher(), c.subscriptionId().toString());
            outcome = sender.send(c.url(), secret, c.eventType(), c.id(), c.payload());
        } catch (RuntimeException e) {
            outcome = new Outcome(null, WebhookSender.truncate(e.getMessage()), null, 0, now.getEpochSecond());
        }
        int attempt = c.attempts() + 1;
        DeliveryStatus status;
        Instant next = null;
        if (outcome.accepted()) {
            status = DeliveryStatus.SUCCEEDED;
        } else if (outcome.gone() || attempt >= properties.maxAttempts()) {
            status = DeliveryStatus.DEAD;
        } else {
            status = DeliveryStatus.FAILED_RETRYING;
            next = now.plus(delayAfter(attempt));
        }
        Outcome o = outcome;
        DeliveryStatus st = status;
        Instant nx = next;
        tx.executeWithoutResult(s -> {
            boolean written = repository.recordAttempt(c.id(), c.series(), c.attempts(), st, nx, now, o.durationMs(),
                    o.signedAt(), o.statusCode(), o.error(), o.excerpt());
            if (written && o.gone() && repository.deactivate(c.subscriptionId(), "The receiver answered 410 Gone "
                    + "to delivery " + c.id(), clock.instant())) {
                audit.record("system", "DEACTIVATED", Webhooks.ENTITY, c.subscriptionId().toString(),
                        Map.of("active", true), Map.of("active", false, "reason", "410 Gone", "delivery",
                                c.id().toString()));
            }
        });
        if (status == DeliveryStatus.DEAD) {
            log.warn("Webhook delivery {} ({}) is dead after {} attempt(s): {}", c.id(), c.eventType(), attempt,
                    outcome.error());
        }
    }

    /** The pause after the {@code attempt}-th failed try (1-based), with jitter. */
    Duration delayAfter(int attempt) {
        return delay(properties.retryDelays(), properties.jitter(), attempt, random.getAsDouble());
    }

    /** The {@code attempt}-th pause of {@code delays} (the last one beyond the end), scaled by 1 ± jitter. */
    static Duration delay(List<Duration> delays, double jitter, int attempt, double random) {
        Duration base = delays.get(Math.min(Math.max(attempt, 1), delays.size()) - 1);
        double factor = 1 + jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor)));
    }
}
