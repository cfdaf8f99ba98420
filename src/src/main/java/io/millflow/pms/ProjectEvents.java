package io.millflow.pms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.security.CurrentUser;
import io.millflow.shared.events.PgChannels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells every app node that something in a project changed, like {@link io.millflow.ims.StockEvents}: a change sends
 * a PostgreSQL {@code NOTIFY} on channel {@value #CHANNEL} inside its own transaction (delivered only on commit, to
 * every node); each node's {@link PgChannels} connection {@code LISTEN}s and this hands the changes to its
 * subscribers.
 */
@Component
public class ProjectEvents {

    public static final String CHANNEL = "millflow_pms";
    public static final String TASK = "TASK";
    public static final String COMMENT = "COMMENT";
    public static final String DEPENDENCY = "DEPENDENCY";
    public static final String PROJECT = "PROJECT";
    public static final String MATERIAL = "MATERIAL";
    public static final String TIMESHEET = "TIMESHEET";
    private static final Logger log = LoggerFactory.getLogger(ProjectEvents.class);

    /** What changed: the project, the kind of change, the task (or null) and who changed it. */
    public record ProjectChange(UUID projectId, String kind, UUID taskId, String actor) {
    }

    private final PgChannels channels;
    private final ObjectMapper json;
    private final List<Consumer<ProjectChange>> subscribers = new CopyOnWriteArrayList<>();

    ProjectEvents(PgChannels channels, ObjectMapper json) {
        this.channels = channels;
        this.json = json;
        channels.listen(CHANNEL, this::dispatch);
    }

    /** Call inside the changing transaction; the actor is the signed-in user, or "system". */
    public void changed(UUID projectId, String kind, UUID taskId) {
        String actor;
        try {
            actor = CurrentUser.get().username();
        } catch (RuntimeException e) {
            actor = "system";
        }
        changed(projectId, kind, taskId, actor);
    }

    public void changed(UUID projectId, String kind, UUID taskId, String actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("p", projectId);
        payload.put("k", kind);
        payload.put("t", taskId);
        payload.put("a", actor);
        try {
            channels.send(CHANNEL, json.writeValueAsString(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a listener (called on the listener thread; keep it short). Run the returned action to unsubscribe. */
    public Runnable subscribe(Consumer<ProjectChange> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void dispatch(String payload) {
        ProjectChange change;
        try {
            JsonNode node = json.readTree(payload);
            change = new ProjectChange(uuid(node.path("p")), node.path("k").asText(), uuid(node.path("t")),
                    node.path("a").isNull() ? null : node.path("a").asText());
        } catch (Exception e) {
            log.warn("Unreadable project change notification: {}", payload);
            return;
        }
        for (Consumer<ProjectChange> s : new ArrayList<>(subscribers)) {
            try {
                s.accept(change);
            } catch (RuntimeException e) {
                log.warn("A project change subscriber failed", e);
            }
        }
    }

    private static UUID uuid(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : UUID.fromString(n.asText());
    }
}
