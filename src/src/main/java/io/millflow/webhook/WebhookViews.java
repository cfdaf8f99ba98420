package io.millflow.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the webhook service takes and answers with. */
public final class WebhookViews {

    /** Every event type. */
    public static final String ALL_EVENTS = "*";

    private WebhookViews() {
    }

    /**
     * A subscription as people create or change it.
     *
     * @param eventTypes   event types from {@code EventTypes.ALL}, or {@code ["*"]} for all
     * @param capabilities optional filter on the capability that published the event ({@code ims, procurement,
     *                     pms, process}); empty or null = any
     * @param active       null = true
     * @param version      when changing: the version read, to refuse a lost update (null = no check)
     */
    public record SubscriptionCommand(String name, String url, List<String> eventTypes, List<String> capabilities,
            Boolean active, Long version) {
    }

    /** A subscription; its secret is never part of it (only {@code secretHint}, its last four characters). */
    public record SubscriptionView(UUID id, String name, String url, List<String> eventTypes,
            List<String> capabilities, boolean active, String secretHint, Instant secretRotatedAt,
            String deactivatedReason, String createdBy, Instant createdAt, Instant updatedAt, long version,
            long pending, long dead) {
    }

    /** A new subscription or a rotated secret: the only time the secret is shown. */
    public record IssuedSecret(SubscriptionView subscription, String secret) {
    }

    /** One event for one subscription and where its sending stands. */
    public record DeliveryView(UUID id, UUID subscriptionId, String subscriptionName, UUID eventId, String eventType,
            String status, int series, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
            Integer lastStatusCode, String lastError, String responseExcerpt, Long lastDurationMs,
            Instant deliveredAt, Instant createdAt) {
    }

    /** One HTTP call made for a delivery. */
    public record AttemptView(int series, int attempt, Instant startedAt, long durationMs, long signedAt,
            Integer statusCode, String error, String responseExcerpt) {
    }

    /** A delivery with its exact body and all its attempts, oldest first. */
    public record DeliveryDetail(DeliveryView delivery, String payload, List<AttemptView> attempts) {
    }

    /** The answer of a receiver to a test ping. */
    public record PingResult(boolean succeeded, Integer statusCode, long durationMs, String error,
            String responseExcerpt) {
    }
}
