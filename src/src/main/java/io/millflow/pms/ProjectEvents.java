package io.millflow.pms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.security.CurrentUser;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells every app node that something in a project changed, like {@link io.millflow.ims.StockEvents}: a change sends
 * a PostgreSQL {@code NOTIFY} on channel {@value #CHANNEL} inside its own transaction (delivered only on commit, to
 * every node); each node keeps one connection that {@code LISTEN}s and hands the changes to its subscribers.
 */
@Component
public class ProjectEvents implements SmartLifecycle {

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

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final List<Consumer<ProjectChange>> subscribers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread listener;

    ProjectEvents(JdbcTemplate jdbc, DataSource dataSource, ObjectMapper json) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
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
            jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, CHANNEL,
                    json.writeValueAsString(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers a listener (called on the listener thread; keep it short). Run the returned action to unsubscribe. */
    public Runnable subscribe(Consumer<ProjectChange> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "project-events");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Project change listener lost its connection ({}); reconnecting", e.getMessage());
                    sleep();
                }
            } catch (RuntimeException e) {
                log.error("Project change listener failed; restarting it", e);
                sleep();
            }
        }
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

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
