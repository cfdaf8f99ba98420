package io.millflow.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.millflow.shared.events.EventTypes;
import io.millflow.webhook.WebhookRepository.NewSubscription;
import io.millflow.webhook.WebhookSender.Outcome;
import io.millflow.webhook.WebhookViews.DeliveryDetail;
import io.millflow.webhook.WebhookViews.DeliveryView;
import io.millflow.webhook.WebhookViews.IssuedSecret;
import io.millflow.webhook.WebhookViews.PingResult;
import io.millflow.webhook.WebhookViews.SubscriptionCommand;
import io.millflow.webhook.WebhookViews.SubscriptionView;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Webhook subscriptions, their delivery log and the dead-letter list. Roles: ADMIN only (Millflow has no
 * integration role). Every change writes an audit record ({@value #ENTITY}, {@value #DELIVERY_ENTITY}).
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class Webhooks {

    static final String ENTITY = "WebhookSubscription";
    static final String DELIVERY_ENTITY = "WebhookDelivery";
    static final String PING = "webhook.ping";
    /** The capabilities that publish events, in the order of {@link EventTypes#ORDERED}. */
    public static final List<String> CAPABILITIES = EventTypes.ORDERED.stream()
            .map(t -> t.substring(0, t.indexOf('.'))).distinct().toList();

    private final WebhookRepository repository;
    private final WebhookUrlPolicy policy;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final AuditService audit;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final Clock clock;

    Webhooks(WebhookRepository repository, WebhookUrlPolicy policy, WebhookSecrets secrets, WebhookSender sender,
            AuditService audit, ObjectMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.policy = policy;
        this.secrets = secrets;
        this.sender = sender;
        this.audit = audit;
        this.json = json;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public List<String> eventTypes() {
        return EventTypes.ORDERED;
    }

    @Transactional(readOnly = true)
    public List<SubscriptionView> list() {
        return repository.subscriptions();
    }

    @Transactional(readOnly = true)
    public SubscriptionView get(UUID id) {
        return repository.subscription(id)
                .orElseThrow(() -> new ProblemException.NotFound("No webhook subscription " + id));
    }

    /** A new subscription with a new secret, which is in the answer and never again. */
    @Transactional
    public IssuedSecret create(SubscriptionCommand cmd) {
        String actor = CurrentUser.get().username();
        Valid v = validate(cmd);
        UUID id = UUID.randomUUID();
        String secret = WebhookSecrets.newSecret();
        repository.insert(new NewSubscription(id, v.name, v.url, v.eventTypes, v.capabilities, v.active,
                secrets.encrypt(secret, id.toString()), WebhookSecrets.hint(secret), actor, clock.instant()));
        SubscriptionView view = get(id);
        audit.record(actor, "CREATED", ENTITY, id.toString(), null, view);
        return new IssuedSecret(view, secret);
    }

    @Transactional
    public SubscriptionView update(UUID id, SubscriptionCommand cmd) {
        String actor = CurrentUser.get().username();
        SubscriptionView before = get(id);
        Valid v = validate(cmd);
        if (!repository.update(id, cmd.version(), v.name, v.url, v.eventTypes, v.capabilities, v.active,
                clock.instant())) {
            throw new ProblemException.Conflict("The subscription was changed meanwhile (version " + before.version()
                    + "); reload and try again.");
        }
        SubscriptionView after = get(id);
        audit.record(actor, "CHANGED", ENTITY, id.toString(), before, after);
        return after;
    }

    /** Removes a subscription with its delivery log. */
    @Transactional
    public void delete(UUID id) {
        String actor = CurrentUser.get().username();
        SubscriptionView before = get(id);
        repository.delete(id);
        audit.record(actor, "DELETED", ENTITY, id.toString(), before, null);
    }

    /** Replaces the secret; the new one is in the answer and never again. Calls from now on use it. */
    @Transactional
    public IssuedSecret rotateSecret(UUID id) {
        String actor = CurrentUser.get().username();
        SubscriptionView before = get(id);
        String secret = WebhookSecrets.newSecret();
        repository.replaceSecret(id, secrets.encrypt(secret, id.toString()), WebhookSecrets.hint(secret),
                clock.instant());
        SubscriptionView after = get(id);
        audit.record(actor, "SECRET_ROTATED", ENTITY, id.toString(), Map.of("secretHint", before.secretHint()),
                Map.of("secretHint", after.secretHint()));
        return new IssuedSecret(after, secret);
    }

    /**
     * Sends a signed {@value #PING} event to the subscription now (also when it is switched off) and answers what
     * came back. Not retried, not in the delivery log; audited.
     */
    public PingResult ping(UUID id) {
        String actor = CurrentUser.get().username();
        SubscriptionView s = get(id);
        String secret = secrets.decrypt(repository.secretCipher(id).orElseThrow(), id.toString());
        UUID eventId = UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", eventId);
        body.put("type", PING);
        body.put("subjectType", ENTITY);
        body.put("subjectId", id.toString());
        body.put("actor", actor);
        body.put("occurredAt", clock.instant());
        body.put("data", Map.of("name", s.name()));
        String payload;
        try {
            payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Outcome o = sender.send(s.url(), secret, PING, eventId, payload);
        PingResult result = new PingResult(o.accepted(), o.statusCode(), o.durationMs(), o.error(), o.excerpt());
        tx.executeWithoutResult(t -> audit.record(actor, "PINGED", ENTITY, id.toString(), null, result));
        return result;
    }

    /** The delivery log, newest first; {@code subscriptionId} and {@code status} are optional filters. */
    @Transactional(readOnly = true)
    public PageView<DeliveryView> deliveries(UUID subscriptionId, DeliveryStatus status, int page, int size) {
        if (subscriptionId != null) {
            get(subscriptionId);
        }
        int p = Math.max(page, 0);
        int n = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        return new PageView<>(repository.deliveries(subscriptionId, status, p * n, n), p, n,
                repository.countDeliveries(subscriptionId, status));
    }

    /** Deliveries whose last try failed (or that a 410 ended), newest first. */
    public PageView<DeliveryView> deadLetters(int page, int size) {
        return deliveries(null, DeliveryStatus.DEAD, page, size);
    }

    @Transactional(readOnly = true)
    public DeliveryDetail delivery(UUID id) {
        DeliveryView d = repository.delivery(id)
                .orElseThrow(() -> new ProblemException.NotFound("No webhook delivery " + id));
        return new DeliveryDetail(d, repository.payload(id).orElseThrow(), repository.attempts(id));
    }

    /**
     * Sends a dead or succeeded delivery again: a new series of attempts with the same body and delivery id
     * (receivers drop duplicates by {@code Millflow-Delivery} or the event {@code id}), starting at the next poll.
     */
    @Transactional
    public DeliveryView resend(UUID deliveryId) {
        String actor = CurrentUser.get().username();
        DeliveryView before = repository.delivery(deliveryId)
                .orElseThrow(() -> new ProblemException.NotFound("No webhook delivery " + deliveryId));
        DeliveryStatus status = DeliveryStatus.valueOf(before.status());
        if (status != DeliveryStatus.DEAD && status != DeliveryStatus.SUCCEEDED) {
            throw new ProblemException.Conflict("The delivery is still being sent (" + status + "); only dead or "
                    + "succeeded deliveries can be sent again.");
        }
        SubscriptionView s = get(before.subscriptionId());
        if (!s.active()) {
            throw new ProblemException.Conflict("The subscription '" + s.name() + "' is switched off; switch it on "
                    + "before sending again.");
        }
        repository.restart(deliveryId, clock.instant());
        DeliveryView after = repository.delivery(deliveryId).orElseThrow();
        audit.record(actor, "RESENT", DELIVERY_ENTITY, deliveryId.toString(), snapshot(before), snapshot(after));
        return after;
    }

    private static Map<String, Object> snapshot(DeliveryView d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subscriptionId", d.subscriptionId().toString());
        m.put("eventId", d.eventId().toString());
        m.put("status", d.status());
        m.put("series", d.series());
        m.put("attempts", d.attempts());
        m.put("lastStatusCode", d.lastStatusCode());
        return m;
    }

    private record Valid(String name, String url, String eventTypes, String capabilities, boolean active) {
    }

    private Valid validate(SubscriptionCommand cmd) {
        if (cmd == null) {
            throw new ProblemException.InvalidInput("body", "is required");
        }
        String name = cmd.name() == null ? "" : cmd.name().strip();
        if (name.isEmpty()) {
            throw new ProblemException.InvalidInput("name", "is required");
        }
        if (name.length() > 100) {
            throw new ProblemException.InvalidInput("name", "must be at most 100 characters");
        }
        URI url = policy.check(cmd.url());
        if (cmd.eventTypes() == null || cmd.eventTypes().isEmpty()) {
            throw new ProblemException.InvalidInput("eventTypes", "choose at least one event type, or \"*\" for all");
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : cmd.eventTypes()) {
            if (t == null || !(t.equals(WebhookViews.ALL_EVENTS) || EventTypes.ALL.contains(t))) {
                throw new ProblemException.InvalidInput("eventTypes", "'" + t + "' is not an event type; known: "
                        + String.join(", ", EventTypes.ORDERED));
            }
            types.add(t);
        }
        boolean all = types.contains(WebhookViews.ALL_EVENTS);
        if (all && types.size() > 1) {
            throw new ProblemException.InvalidInput("eventTypes", "\"*\" (all) cannot be combined with single types");
        }
        List<String> orderedTypes = all ? List.of(WebhookViews.ALL_EVENTS)
                : EventTypes.ORDERED.stream().filter(types::contains).toList();
        List<String> capabilities = new ArrayList<>();
        for (String c : cmd.capabilities() == null ? List.<String>of() : cmd.capabilities()) {
            if (c == null || !CAPABILITIES.contains(c)) {
                throw new ProblemException.InvalidInput("capabilities", "'" + c + "' is not a capability; known: "
                        + String.join(", ", CAPABILITIES));
            }
            if (!capabilities.contains(c)) {
                capabilities.add(c);
            }
        }
        if (!all && !capabilities.isEmpty() && orderedTypes.stream()
                .noneMatch(t -> capabilities.contains(t.substring(0, t.indexOf('.'))))) {
            throw new ProblemException.InvalidInput("capabilities", "none of the chosen event types belongs to "
                    + String.join(", ", capabilities) + ": the subscription would never receive anything");
        }
        return new Valid(name, url.toString(), String.join(",", orderedTypes), WebhookRepository.join(capabilities),
                cmd.active() == null || cmd.active());
    }
}
