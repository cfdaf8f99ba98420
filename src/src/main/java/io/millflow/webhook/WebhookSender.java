package io.millflow.webhook;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes one signed HTTP call to a receiver (JDK {@code java.net.http}, no redirects followed, connect and read
 * timeouts, at most {@value #EXCERPT_BYTES} bytes of the answer kept). Never call it inside a database transaction.
 */
public final class WebhookSender {

    public static final String EVENT = "Millflow-Event";
    public static final String DELIVERY = "Millflow-Delivery";
    public static final String TIMESTAMP = "Millflow-Timestamp";
    public static final String SIGNATURE = "Millflow-Signature";
    static final int EXCERPT_BYTES = 1000;
    static final int ERROR_CHARS = 500;

    /** What came of a call: a status code, or an error when no answer arrived. */
    public record Outcome(Integer statusCode, String error, String excerpt, long durationMs, long signedAt) {
        public boolean accepted() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        public boolean gone() {
            return statusCode != null && statusCode == 410;
        }
    }

    private final HttpClient http;
    private final WebhookUrlPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;

    public WebhookSender(WebhookProperties properties, WebhookUrlPolicy policy, Clock clock) {
        this.connectTimeout = properties.connectTimeout();
        this.readTimeout = properties.readTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.policy = policy;
        this.clock = clock;
    }

    /** Signs {@code payload} with {@code secret} now and posts it to {@code url}. */
    public Outcome send(String url, String secret, String eventType, UUID deliveryId, String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        long signedAt = clock.instant().getEpochSecond();
        long start = System.nanoTime();
        URI target;
        try {
            target = policy.check(url);
        } catch (RuntimeException refused) {
            return new Outcome(null, truncate("Target refused: " + refused.getMessage()), null, 0, signedAt);
        }
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Millflow-Webhooks/1")
                .header(EVENT, eventType)
                .header(DELIVERY, deliveryId.toString())
                .header(TIMESTAMP, Long.toString(signedAt))
                .header(SIGNATURE, WebhookSignatures.header(secret, signedAt, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request,
                info -> HttpResponse.BodySubscribers.fromSubscriber(new Excerpt(), Excerpt::bytes));
        try {
            HttpResponse<byte[]> response = call.get(connectTimeout.plus(readTimeout).toMillis(), TimeUnit.MILLISECONDS);
            String excerpt = new String(response.body(), StandardCharsets.UTF_8);
            int code = response.statusCode();
            String error = code >= 200 && code < 300 ? null : "HTTP " + code;
            return new Outcome(code, error, excerpt.isEmpty() ? null : excerpt, millisSince(start), signedAt);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Outcome(null, "No answer within " + connectTimeout.plus(readTimeout).toSeconds() + " s", null,
                    millisSince(start), signedAt);
        } catch (ExecutionException e) {
            return new Outcome(null, truncate(describe(e.getCause())), null, millisSince(start), signedAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return new Outcome(null, "Interrupted", null, millisSince(start), signedAt);
        }
    }

    private String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "No connection within " + connectTimeout.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException) {
            return "No answer within " + readTimeout.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "Connection refused";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static String truncate(String text) {
        return text == null || text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS);
    }

    /** Keeps the first bytes of an answer and reads (and drops) the rest, so the connection can be reused. */
    private static final class Excerpt implements Flow.Subscriber<List<ByteBuffer>> {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                int take = Math.min(b.remaining(), EXCERPT_BYTES - kept.size());
                if (take > 0) {
                    byte[] chunk = new byte[take];
                    b.get(chunk);
                    kept.write(chunk, 0, take);
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the status code is what counts; an excerpt cut short is still an excerpt
        }

        @Override
        public void onComplete() {
            // nothing to finish
        }

        byte[] bytes() {
            // a character cut at the end decodes as U+FFFD; that is fine for an excerpt
            return kept.toByteArray();
        }
    }
}
