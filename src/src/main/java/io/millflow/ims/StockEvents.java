package io.millflow.ims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.shared.events.PgChannels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells every app node that stock changed. A posting sends a PostgreSQL {@code NOTIFY} in its own
 * transaction (so it is delivered only when the posting commits, and to every node listening on the same
 * database); each node's {@link PgChannels} connection {@code LISTEN}s and this hands the changes to its subscribers
 * (the live views). Nothing is kept in a node's memory that another node needs.
 */
@Component
public class StockEvents {

    static final String CHANNEL = "millflow_stock";
    private static final int MAX_PAYLOAD = 7000;
    private static final Logger log = LoggerFactory.getLogger(StockEvents.class);

    /** What changed: the document, and the items and shelf locations it touched ({@code all} when too many to list). */
    public record StockChange(String documentNumber, Set<UUID> itemIds, Set<UUID> locationIds, boolean all) {
        public boolean touchesItem(UUID itemId) {
            return all || itemIds.contains(itemId);
        }

        public boolean touchesAnyLocation(Collection<UUID> ids) {
            return all || ids.stream().anyMatch(locationIds::contains);
        }
    }

    private final PgChannels channels;
    private final ObjectMapper json;
    private final List<Consumer<StockChange>> subscribers = new CopyOnWriteArrayList<>();

    StockEvents(PgChannels channels, ObjectMapper json) {
        this.channels = channels;
        this.json = json;
        channels.listen(CHANNEL, this::dispatch);
    }

    /** Called by the ledger inside the posting transaction. */
    void stockChanged(String documentNumber, Set<UUID> itemIds, Set<UUID> locationIds) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("doc", documentNumber);
        payload.put("items", itemIds);
        payload.put("locations", locationIds);
        String text;
        try {
            text = json.writeValueAsString(payload);
            if (text.length() > MAX_PAYLOAD) {
                text = json.writeValueAsString(Map.of("doc", documentNumber, "all", true));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        channels.send(CHANNEL, text);
    }

    /** Registers a listener (called on the listener thread; keep it short). Run the returned action to unsubscribe. */
    public Runnable subscribe(Consumer<StockChange> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void dispatch(String payload) {
        StockChange change;
        try {
            JsonNode node = json.readTree(payload);
            Set<UUID> items = new HashSet<>();
            Set<UUID> locations = new HashSet<>();
            node.path("items").forEach(n -> items.add(UUID.fromString(n.asText())));
            node.path("locations").forEach(n -> locations.add(UUID.fromString(n.asText())));
            change = new StockChange(node.path("doc").asText(), Set.copyOf(items), Set.copyOf(locations),
                    node.path("all").asBoolean(false));
        } catch (Exception e) {
            log.warn("Unreadable stock change notification: {}", payload);
            return;
        }
        for (Consumer<StockChange> s : new ArrayList<>(subscribers)) {
            try {
                s.accept(change);
            } catch (RuntimeException e) {
                log.warn("A stock change subscriber failed", e);
            }
        }
    }
}
