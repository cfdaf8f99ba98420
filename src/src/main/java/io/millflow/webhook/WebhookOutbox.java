package io.millflow.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.shared.events.BusinessEvent;
import io.millflow.webhook.WebhookRepository.Matcher;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes one delivery per matching active subscription for each {@link BusinessEvent}, in the transaction of the
 * change that published it (outbox): a change that rolls back leaves no delivery, and a committed change always has
 * its deliveries. No network I/O here; {@link WebhookDispatcher} sends them.
 */
@Component
class WebhookOutbox {

    private final WebhookRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(BusinessEvent event) {
        List<Matcher> matching = repository.activeMatchers().stream()
                .filter(m -> m.matches(event.type(), event.capability())).toList();
        if (matching.isEmpty()) {
            return;
        }
        String payload = payload(event);
        for (Matcher m : matching) {
            repository.insertDelivery(UUID.randomUUID(), m.id(), event.id(), event.type(), payload, clock.instant());
        }
    }

    /** The body receivers get: the event's fields in a fixed order. */
    String payload(BusinessEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id());
        body.put("type", event.type());
        body.put("subjectType", event.subjectType());
        body.put("subjectId", event.subjectId());
        body.put("actor", event.actor());
        body.put("occurredAt", event.occurredAt());
        body.put("data", event.data());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.type() + " cannot be written as JSON", e);
        }
    }
}
