package io.millflow.shared.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL {@code NOTIFY}/{@code LISTEN} for every app node. {@link #send} notifies inside the caller's transaction,
 * so the message is delivered only when that transaction commits, to every node on the same database. Each node
 * keeps ONE connection that {@code LISTEN}s on every channel somebody {@linkplain #listen listens} to (channels
 * added while running are picked up within half a second) and hands each payload to that channel's handlers on its
 * listener thread; a lost connection is reopened and every channel listened to again. Nothing is kept in a node's
 * memory that another node needs.
 */
@Component
public class PgChannels implements SmartLifecycle {

    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Logger log = LoggerFactory.getLogger(PgChannels.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread listener;

    PgChannels(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Sends {@code payload} (at most about 8000 bytes) on {@code channel}; delivered when the transaction commits. */
    public void send(String channel, String payload) {
        jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, checked(channel), payload);
    }

    /**
     * Calls {@code handler} with the payload of every message on {@code channel} (on the listener thread: keep it
     * short, never throw for a bad payload). Run the returned action to stop.
     */
    public Runnable listen(String channel, Consumer<String> handler) {
        List<Consumer<String>> list = handlers.computeIfAbsent(checked(channel), c -> new CopyOnWriteArrayList<>());
        list.add(handler);
        return () -> list.remove(handler);
    }

    private static String checked(String channel) {
        if (channel == null || !NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        return channel;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::run, "pg-channels");
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

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection pg = connection.unwrap(PGConnection.class);
                Set<String> listening = new HashSet<>();
                while (running) {
                    for (String channel : handlers.keySet()) {
                        if (listening.add(channel)) {
                            try (Statement st = connection.createStatement()) {
                                st.execute("LISTEN " + channel);
                            }
                            log.debug("Listening on {}", channel);
                        }
                    }
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getName(), n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Channel listener lost its connection ({}); reconnecting", e.getMessage());
                    sleep();
                }
            } catch (RuntimeException e) {
                log.error("Channel listener failed; restarting it", e);
                sleep();
            }
        }
    }

    private void dispatch(String channel, String payload) {
        for (Consumer<String> handler : handlers.getOrDefault(channel, List.of())) {
            try {
                handler.accept(payload);
            } catch (RuntimeException e) {
                log.warn("A handler of channel {} failed", channel, e);
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
