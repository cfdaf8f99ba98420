package io.millflow.calendar.google;

import io.millflow.calendar.CalendarException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request and retries what Google's documentation says to retry: 429 and 403 {@code rateLimitExceeded} /
 * {@code userRateLimitExceeded} (waiting {@code Retry-After} when given, else exponential back-off), 5xx and
 * connection failures, at most {@code maxAttempts} attempts in all. Any other answer goes back to the caller.
 */
final class HttpRetry {

    /** Pauses between attempts; tests replace it to record the pauses instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(HttpRetry.class);

    private final HttpClient http;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private final Clock clock;

    HttpRetry(HttpClient http, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper,
            Clock clock) {
        this.http = http;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** Sends the request built by {@code request} (built anew per attempt, e.g. with a fresh token). */
    HttpResponse<String> send(String what, Supplier<HttpRequest> request) {
        CalendarException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                last = new CalendarException(what + ": " + e, 0, null, e);
                pause(what, attempt, backoff(attempt), "no answer");
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CalendarException(what + ": interrupted", 0, null, e);
            }
            int status = response.statusCode();
            boolean rateLimited = status == 429 || status == 403 && GoogleErrors.rateLimited(response.body());
            if (!rateLimited && status < 500) {
                return response;
            }
            Duration retryAfter = retryAfter(response);
            last = new CalendarException(what + ": HTTP " + status + " " + GoogleErrors.message(response.body()),
                    status, retryAfter, null);
            if (retryAfter != null && retryAfter.compareTo(maxBackoff) > 0) {
                throw last; // the caller's outbox tries again after retryAfter
            }
            pause(what, attempt, retryAfter != null ? retryAfter : backoff(attempt), "HTTP " + status);
        }
        throw new CalendarException(last.getMessage() + " (gave up after " + maxAttempts + " attempts)",
                last.status(), last.retryAfter(), last.getCause());
    }

    private void pause(String what, int attempt, Duration pause, String why) {
        if (attempt >= maxAttempts) {
            return;
        }
        log.info("{}: {}, attempt {} of {}, retrying in {} ms", what, why, attempt, maxAttempts, pause.toMillis());
        try {
            sleeper.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarException(what + ": interrupted", 0, null, e);
        }
    }

    Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
