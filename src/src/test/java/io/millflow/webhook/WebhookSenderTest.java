package io.millflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.millflow.webhook.WebhookSender.Outcome;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One signed call against a JDK HTTP server on loopback. */
class WebhookSenderTest {

    private static final String SECRET = "whsec_sender-test";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private HttpServer server;
    private final Map<String, Object> seen = new ConcurrentHashMap<>();
    private WebhookSender sender;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ok", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            seen.put("body", body);
            seen.put("headers", Map.copyOf(ex.getRequestHeaders()));
            answer(ex, 204, new byte[0]);
        });
        server.createContext("/fail", ex -> answer(ex, 500, "x".repeat(5000).getBytes(StandardCharsets.UTF_8)));
        server.createContext("/gone", ex -> answer(ex, 410, "bye".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            answer(ex, 302, new byte[0]);
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, 200, new byte[0]);
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        WebhookProperties props = new WebhookProperties(null, null, null, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(1), null, null, null, null);
        sender = new WebhookSender(props, new WebhookUrlPolicy(false, List.of(), InetAddress::getAllByName),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCallCarriesTheContractHeadersAndAVerifiableSignature() {
        UUID delivery = UUID.randomUUID();
        String payload = "{\"id\":\"e1\",\"type\":\"ims.stockPosted\",\"data\":{\"text\":\"Grüße\"}}";
        Outcome o = sender.send(base + "/ok", SECRET, "ims.stockPosted", delivery, payload);
        assertThat(o.accepted()).isTrue();
        assertThat(o.statusCode()).isEqualTo(204);
        assertThat(o.error()).isNull();
        assertThat(o.signedAt()).isEqualTo(NOW.getEpochSecond());
        byte[] body = (byte[]) seen.get("body");
        assertThat(body).isEqualTo(payload.getBytes(StandardCharsets.UTF_8));
        Map<String, List<String>> h = (Map<String, List<String>>) seen.get("headers");
        assertThat(h.get("Millflow-event")).containsExactly("ims.stockPosted");
        assertThat(h.get("Millflow-delivery")).containsExactly(delivery.toString());
        assertThat(h.get("Millflow-timestamp")).containsExactly(Long.toString(NOW.getEpochSecond()));
        assertThat(h.get("Content-type").get(0)).startsWith("application/json");
        assertThat(WebhookSignatures.verify(SECRET, h.get("Millflow-timestamp").get(0), body,
                h.get("Millflow-signature").get(0), Duration.ofMinutes(5), NOW)).isTrue();
        assertThat(WebhookSignatures.verify("whsec_wrong", h.get("Millflow-timestamp").get(0), body,
                h.get("Millflow-signature").get(0), Duration.ofMinutes(5), NOW)).isFalse();
    }

    @Test
    void failuresAreOutcomesNotExceptions() {
        Outcome fail = sender.send(base + "/fail", SECRET, "t", UUID.randomUUID(), "{}");
        assertThat(fail.accepted()).isFalse();
        assertThat(fail.statusCode()).isEqualTo(500);
        assertThat(fail.error()).isEqualTo("HTTP 500");
        assertThat(fail.excerpt()).hasSize(WebhookSender.EXCERPT_BYTES);

        Outcome gone = sender.send(base + "/gone", SECRET, "t", UUID.randomUUID(), "{}");
        assertThat(gone.gone()).isTrue();
        assertThat(gone.excerpt()).isEqualTo("bye");

        Outcome moved = sender.send(base + "/moved", SECRET, "t", UUID.randomUUID(), "{}");
        assertThat(moved.statusCode()).as("redirects are not followed").isEqualTo(302);
        assertThat(moved.accepted()).isFalse();

        long start = System.nanoTime();
        Outcome slow = sender.send(base + "/slow", SECRET, "t", UUID.randomUUID(), "{}");
        assertThat(slow.statusCode()).isNull();
        assertThat(slow.error()).startsWith("No answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void closedPortsAndRefusedTargetsAreOutcomes() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Outcome refused = sender.send("http://127.0.0.1:" + closed + "/x", SECRET, "t", UUID.randomUUID(), "{}");
        assertThat(refused.statusCode()).isNull();
        assertThat(refused.error()).isNotBlank();

        Outcome metadata = sender.send("http://169.254.169.254/latest/", SECRET, "t", UUID.randomUUID(), "{}");
        assertThat(metadata.statusCode()).isNull();
        assertThat(metadata.error()).startsWith("Target refused");
    }

    @Test
    void retryPausesFollowTheScheduleWithinTheJitter() {
        List<Duration> delays = WebhookProperties.DEFAULT_RETRY_DELAYS;
        assertThat(WebhookDispatcher.delay(delays, 0.2, 1, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(WebhookDispatcher.delay(delays, 0.2, 1, 0.0)).isEqualTo(Duration.ofSeconds(24));
        assertThat(WebhookDispatcher.delay(delays, 0.2, 1, 1.0)).isEqualTo(Duration.ofSeconds(36));
        assertThat(WebhookDispatcher.delay(delays, 0.2, 3, 0.5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(WebhookDispatcher.delay(delays, 0.2, 6, 0.5)).isEqualTo(Duration.ofHours(6));
        assertThat(WebhookDispatcher.delay(delays, 0.2, 9, 0.5)).as("beyond the list: the last pause")
                .isEqualTo(Duration.ofHours(6));
        assertThat(WebhookProperties.defaults().maxAttempts()).isEqualTo(7);
    }
}
