package io.millflow.shared.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened in Millflow that people (notifications, mail, calendars) and other systems (webhooks)
 * may want to hear about. The capability that made the change publishes it with {@link BusinessEvents} inside the
 * transaction of the change, so a listener annotated {@code @EventListener} writes its rows (a notification, a
 * webhook delivery) in the same transaction: they commit or roll back with the change. Work that must see the
 * committed change, or talks to the network, listens with {@code @TransactionalEventListener(AFTER_COMMIT)} or
 * goes through an outbox table.
 *
 * @param id          unique per event; webhook receivers use it to drop duplicates
 * @param type        one of {@link EventTypes}, {@code <capability>.<pastTenseVerbObject>}
 * @param subjectType what changed, e.g. {@code PurchaseOrder}, {@code ProjectTask}, {@code UserTask}
 * @param subjectId   its id (UUID, document number or engine id)
 * @param actor       username that caused it, or {@code system}
 * @param data        JSON-friendly values only (String, Number, Boolean, List, Map, null); never secrets
 */
public record BusinessEvent(UUID id, String type, String subjectType, String subjectId, String actor,
        Instant occurredAt, Map<String, Object> data) {

    public BusinessEvent {
        if (!EventTypes.ALL.contains(type)) {
            throw new IllegalArgumentException("Unknown event type " + type);
        }
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** The capability that published it: the part of the type before the dot. */
    public String capability() {
        return type.substring(0, type.indexOf('.'));
    }

    /** A data value as text, or null. */
    public String text(String key) {
        Object v = data.get(key);
        return v == null ? null : v.toString();
    }
}
