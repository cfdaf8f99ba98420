package io.millflow.webhook;

import io.millflow.webhook.WebhookViews.AttemptView;
import io.millflow.webhook.WebhookViews.DeliveryView;
import io.millflow.webhook.WebhookViews.SubscriptionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The webhook tables (V19) in SQL; only this package uses it. */
@Repository
class WebhookRepository {

    private static final String SUBSCRIPTION = "select s.id, s.name, s.url, s.event_types, s.capabilities, s.active, "
            + "s.secret_hint, s.secret_rotated_at, s.deactivated_reason, s.created_by, s.created_at, s.updated_at, "
            + "s.version, "
            + "(select count(*) from webhook_delivery d where d.subscription_id = s.id "
            + "   and d.status in ('PENDING', 'FAILED_RETRYING')) pending, "
            + "(select count(*) from webhook_delivery d where d.subscription_id = s.id and d.status = 'DEAD') dead "
            + "from webhook_subscription s ";
    private static final String DELIVERY = "select d.id, d.subscription_id, s.name, d.event_id, d.event_type, "
            + "d.status, d.series, d.attempts, d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, "
            + "d.response_excerpt, d.last_duration_ms, d.delivered_at, d.created_at "
            + "from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id ";

    private final JdbcTemplate jdbc;

    WebhookRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the outbox needs to match an event: id, event types, capabilities of the active subscriptions. */
    record Matcher(UUID id, List<String> eventTypes, List<String> capabilities) {
        boolean matches(String type, String capability) {
            return (eventTypes.contains(WebhookViews.ALL_EVENTS) || eventTypes.contains(type))
                    && (capabilities.isEmpty() || capabilities.contains(capability));
        }
    }

    /** A delivery claimed by the sender, with what the call needs. */
    record Claimed(UUID id, UUID subscriptionId, String url, String secretCipher, String eventType, String payload,
            int series, int attempts) {
    }

    record NewSubscription(UUID id, String name, String url, String eventTypes, String capabilities, boolean active,
            String secretCipher, String secretHint, String createdBy, Instant now) {
    }

    // --- subscriptions

    void insert(NewSubscription s) {
        Timestamp now = Timestamp.from(s.now());
        jdbc.update("insert into webhook_subscription (id, name, url, event_types, capabilities, active, "
                + "secret_cipher, secret_hint, secret_rotated_at, created_by, created_at, updated_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", s.id(), s.name(), s.url(), s.eventTypes(),
                s.capabilities(), s.active(), s.secretCipher(), s.secretHint(), now, s.createdBy(), now, now);
    }

    /** Changes the editable fields; false when the version did not match (or the row is gone). */
    boolean update(UUID id, Long expectedVersion, String name, String url, String eventTypes, String capabilities,
            boolean active, Instant now) {
        return jdbc.update("update webhook_subscription set name = ?, url = ?, event_types = ?, capabilities = ?, "
                + "active = ?, deactivated_reason = case when ? then null else deactivated_reason end, "
                + "updated_at = ?, version = version + 1 where id = ? and (?::bigint is null or version = ?)",
                name, url, eventTypes, capabilities, active, active, Timestamp.from(now), id, expectedVersion,
                expectedVersion) == 1;
    }

    void replaceSecret(UUID id, String cipher, String hint, Instant now) {
        jdbc.update("update webhook_subscription set secret_cipher = ?, secret_hint = ?, secret_rotated_at = ?, "
                + "updated_at = ?, version = version + 1 where id = ?", cipher, hint, Timestamp.from(now),
                Timestamp.from(now), id);
    }

    /** Switches a subscription off for a reason; false when it was off already. */
    boolean deactivate(UUID id, String reason, Instant now) {
        return jdbc.update("update webhook_subscription set active = false, deactivated_reason = ?, updated_at = ?, "
                + "version = version + 1 where id = ? and active", reason, Timestamp.from(now), id) == 1;
    }

    boolean delete(UUID id) {
        return jdbc.update("delete from webhook_subscription where id = ?", id) == 1;
    }

    Optional<SubscriptionView> subscription(UUID id) {
        return jdbc.query(SUBSCRIPTION + "where s.id = ?", WebhookRepository::subscription, id).stream().findFirst();
    }

    List<SubscriptionView> subscriptions() {
        return jdbc.query(SUBSCRIPTION + "order by lower(s.name), s.created_at", WebhookRepository::subscription);
    }

    Optional<String> secretCipher(UUID id) {
        return jdbc.queryForList("select secret_cipher from webhook_subscription where id = ?", String.class, id)
                .stream().findFirst();
    }

    List<Matcher> activeMatchers() {
        return jdbc.query("select id, event_types, capabilities from webhook_subscription where active",
                (rs, i) -> new Matcher(rs.getObject(1, UUID.class), split(rs.getString(2)), split(rs.getString(3))));
    }

    // --- deliveries

    /**
     * Writes a delivery unless the subscription is gone or off by now, or the event was recorded already: the
     * business change that publishes the event must never fail because of a webhook.
     */
    void insertDelivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String payload, Instant now) {
        Timestamp ts = Timestamp.from(now);
        jdbc.update("insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status, "
                + "next_attempt_at, created_at) select ?, s.id, ?, ?, ?, 'PENDING', ?, ? from webhook_subscription s "
                + "where s.id = ? and s.active on conflict (subscription_id, event_id) do nothing", id, eventId,
                eventType, payload, ts, ts, subscriptionId);
    }

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions for this node: locks them, skipping rows
     * another node holds, and moves their next attempt to {@code leaseUntil} so nobody else takes them while the
     * call runs. Run inside a short transaction.
     */
    List<Claimed> claimDue(Instant now, int limit, Instant leaseUntil) {
        List<Claimed> claimed = jdbc.query("select d.id, d.subscription_id, s.url, s.secret_cipher, d.event_type, "
                + "d.payload, d.series, d.attempts from webhook_delivery d "
                + "join webhook_subscription s on s.id = d.subscription_id "
                + "where d.status in ('PENDING', 'FAILED_RETRYING') and d.next_attempt_at <= ? and s.active "
                + "order by d.next_attempt_at limit ? for update of d skip locked",
                (rs, i) -> new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8)),
                Timestamp.from(now), limit);
        if (!claimed.isEmpty()) {
            Timestamp lease = Timestamp.from(leaseUntil);
            jdbc.batchUpdate("update webhook_delivery set next_attempt_at = ? where id = ?",
                    claimed.stream().map(c -> new Object[] {lease, c.id()}).toList());
        }
        return claimed;
    }

    /**
     * Writes the outcome of attempt {@code attempts + 1} of series {@code series}; false (and nothing written)
     * when the delivery moved on meanwhile (re-sent, deleted).
     */
    boolean recordAttempt(UUID id, int series, int attemptsBefore, DeliveryStatus status, Instant nextAttemptAt,
            Instant startedAt, long durationMs, long signedAt, Integer statusCode, String error, String excerpt) {
        Timestamp started = Timestamp.from(startedAt);
        int changed = jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, "
                + "next_attempt_at = ?, last_attempt_at = ?, last_status_code = ?, last_error = ?, response_excerpt = ?, "
                + "last_duration_ms = ?, delivered_at = case when ? = 'SUCCEEDED' then ? else delivered_at end "
                + "where id = ? and series = ? and attempts = ?", status.name(),
                nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt), started, statusCode, error, excerpt,
                durationMs, status.name(), started, id, series, attemptsBefore);
        if (changed == 0) {
            return false;
        }
        jdbc.update("insert into webhook_attempt (delivery_id, series, attempt, started_at, duration_ms, signed_at, "
                + "status_code, error, response_excerpt) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, series,
                attemptsBefore + 1, started, durationMs, signedAt, statusCode, error, excerpt);
        return true;
    }

    /** Starts a new series of attempts now; false when the delivery is gone. */
    boolean restart(UUID id, Instant now) {
        return jdbc.update("update webhook_delivery set status = 'PENDING', series = series + 1, attempts = 0, "
                + "next_attempt_at = ?, last_status_code = null, last_error = null, response_excerpt = null, "
                + "last_duration_ms = null where id = ?", Timestamp.from(now), id) == 1;
    }

    Optional<DeliveryView> delivery(UUID id) {
        return jdbc.query(DELIVERY + "where d.id = ?", WebhookRepository::delivery, id).stream().findFirst();
    }

    Optional<String> payload(UUID id) {
        return jdbc.queryForList("select payload from webhook_delivery where id = ?", String.class, id).stream()
                .findFirst();
    }

    List<DeliveryView> deliveries(UUID subscriptionId, DeliveryStatus status, int offset, int limit) {
        return jdbc.query(DELIVERY + "where (?::uuid is null or d.subscription_id = ?) "
                + "and (?::varchar is null or d.status = ?) order by d.created_at desc, d.id limit ? offset ?",
                WebhookRepository::delivery, subscriptionId, subscriptionId, name(status), name(status), limit,
                offset);
    }

    long countDeliveries(UUID subscriptionId, DeliveryStatus status) {
        Long n = jdbc.queryForObject("select count(*) from webhook_delivery d where (?::uuid is null or "
                + "d.subscription_id = ?) and (?::varchar is null or d.status = ?)", Long.class, subscriptionId,
                subscriptionId, name(status), name(status));
        return n == null ? 0 : n;
    }

    List<AttemptView> attempts(UUID deliveryId) {
        return jdbc.query("select series, attempt, started_at, duration_ms, signed_at, status_code, error, "
                + "response_excerpt from webhook_attempt where delivery_id = ? order by series, attempt",
                (rs, i) -> new AttemptView(rs.getInt(1), rs.getInt(2), instant(rs, 3), rs.getLong(4), rs.getLong(5),
                        (Integer) rs.getObject(6), rs.getString(7), rs.getString(8)), deliveryId);
    }

    // --- mapping

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String name(DeliveryStatus status) {
        return status == null ? null : status.name();
    }

    private static SubscriptionView subscription(ResultSet rs, int row) throws SQLException {
        return new SubscriptionView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("url"),
                split(rs.getString("event_types")), split(rs.getString("capabilities")), rs.getBoolean("active"),
                rs.getString("secret_hint"), instant(rs, "secret_rotated_at"), rs.getString("deactivated_reason"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"),
                rs.getLong("version"), rs.getLong("pending"), rs.getLong("dead"));
    }

    private static DeliveryView delivery(ResultSet rs, int row) throws SQLException {
        return new DeliveryView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
                instant(rs, 9), instant(rs, 10), (Integer) rs.getObject(11), rs.getString(12), rs.getString(13),
                (Long) rs.getObject(14), instant(rs, 15), instant(rs, 16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
