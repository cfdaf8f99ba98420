package io.millflow.app.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A webhook receiver on a loopback port (JDK HTTP server): answers the scripted status codes in order, then
 * {@code thereafter}, and keeps every call it got.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One call: the Millflow headers, the raw body and what was answered. */
    public record Call(String event, String delivery, String timestamp, String signature, byte[] body, int answered) {
    }

    private final HttpServer server;
    private final Deque<Integer> script = new ArrayDeque<>();
    private final List<Call> calls = new ArrayList<>();
    private int thereafter = 200;

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            int status;
            synchronized (this) {
                status = script.isEmpty() ? thereafter : script.poll();
                calls.add(new Call(ex.getRequestHeaders().getFirst("Millflow-Event"),
                        ex.getRequestHeaders().getFirst("Millflow-Delivery"),
                        ex.getRequestHeaders().getFirst("Millflow-Timestamp"),
                        ex.getRequestHeaders().getFirst("Millflow-Signature"), body, status));
            }
            byte[] answer = ("answer " + status).getBytes();
            ex.sendResponseHeaders(status, answer.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** Answers these codes first, in order. */
    public synchronized WebhookReceiver answer(Integer... codes) {
        script.addAll(List.of(codes));
        return this;
    }

    /** What to answer once the script is used up (200 unless set). */
    public synchronized WebhookReceiver thereafter(int code) {
        thereafter = code;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Deletes (as admin, over REST) the subscriptions whose name starts with {@code prefix}. */
    public static void removeSubscriptions(int port, String prefix) {
        Api api = new Api(port);
        String token = Tokens.user(port, "admin");
        api.get("/api/v1/webhooks", token).body().forEach(s -> {
            if (s.get("name").asText().startsWith(prefix)) {
                api.delete("/api/v1/webhooks/" + s.get("id").asText(), token);
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
