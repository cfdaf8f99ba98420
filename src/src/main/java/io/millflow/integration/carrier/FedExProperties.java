package io.millflow.integration.carrier;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Access to FedEx's REST APIs ({@code millflow.carriers.fedex.*}). Credentials come from the FedEx Developer
 * Portal project; sandbox and production have different ones.
 *
 * @param enabled          whether the FedEx carrier is offered at all (needs the credentials below)
 * @param baseUrl          {@code https://apis-sandbox.fedex.com} (test, the default) or {@code https://apis.fedex.com}
 * @param clientId         the project's API key
 * @param clientSecret     the project's secret key
 * @param accountNumber    the FedEx shipping account that is billed
 * @param senderCountryCode country of the shipping account, sent with cancellations; null leaves it out
 * @param locale           {@code X-locale} header, the language of FedEx's messages
 * @param connectTimeout   longest wait for a connection
 * @param readTimeout      longest wait for an answer once the request is sent
 * @param tokenRefreshBefore how long before {@code expires_in} runs out a new OAuth token is fetched
 * @param pickupType       how goods reach FedEx, e.g. {@code DROPOFF_AT_FEDEX_LOCATION} or {@code USE_SCHEDULED_PICKUP}
 * @param packagingType    FedEx packaging, {@code YOUR_PACKAGING} for own boxes
 * @param labelStockType   label paper, e.g. {@code PAPER_85X11_TOP_HALF_LABEL} or {@code STOCK_4X6}
 * @param retry            retries of failed calls
 * @param circuitBreaker   when to stop calling FedEx for a while
 * @param webhook          verification of FedEx's tracking webhook calls
 */
@ConfigurationProperties("millflow.carriers.fedex")
public record FedExProperties(
        Boolean enabled,
        URI baseUrl,
        String clientId,
        String clientSecret,
        String accountNumber,
        String senderCountryCode,
        String locale,
        Duration connectTimeout,
        Duration readTimeout,
        Duration tokenRefreshBefore,
        String pickupType,
        String packagingType,
        String labelStockType,
        Retry retry,
        CircuitBreaker circuitBreaker,
        Webhook webhook) {

    /** FedEx's documented test environment. */
    public static final URI SANDBOX = URI.create("https://apis-sandbox.fedex.com");

    public FedExProperties {
        enabled = enabled != null && enabled;
        baseUrl = baseUrl == null ? SANDBOX : baseUrl;
        locale = locale == null ? "en_US" : locale;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        tokenRefreshBefore = tokenRefreshBefore == null ? Duration.ofMinutes(5) : tokenRefreshBefore;
        pickupType = pickupType == null ? "DROPOFF_AT_FEDEX_LOCATION" : pickupType;
        packagingType = packagingType == null ? "YOUR_PACKAGING" : packagingType;
        labelStockType = labelStockType == null ? "PAPER_85X11_TOP_HALF_LABEL" : labelStockType;
        retry = retry == null ? new Retry(null, null, null, null, null) : retry;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null, null) : circuitBreaker;
        webhook = webhook == null ? new Webhook(null, null, null, null, null) : webhook;
    }

    /**
     * Retries of calls that failed with 429 or 5xx or did not reach FedEx; 4xx answers are never retried.
     *
     * @param maxAttempts    attempts in all, the first included
     * @param initialBackoff pause before the first retry; it grows by {@code multiplier} with each further one
     * @param multiplier     growth of the pause
     * @param maxBackoff     longest pause between attempts
     * @param maxRetryAfter  longest {@code Retry-After} of a 429 that is waited for; a longer one fails at once
     */
    public record Retry(Integer maxAttempts, Duration initialBackoff, Double multiplier, Duration maxBackoff,
            Duration maxRetryAfter) {

        public Retry {
            maxAttempts = maxAttempts == null ? 3 : Math.max(1, maxAttempts);
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            multiplier = multiplier == null ? 2.0 : multiplier;
            maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
            maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(30) : maxRetryAfter;
        }

        /** The pause before retry number {@code retry} (1 for the first). */
        Duration backoff(int retry) {
            double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, retry - 1));
            return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
        }
    }

    /**
     * A count-based circuit breaker over the last calls; it counts outages (5xx, timeouts, no connection), not
     * refusals (4xx).
     *
     * @param failureRateThreshold percentage of failed calls that opens the circuit
     * @param slidingWindowSize    calls looked at
     * @param minimumCalls         calls needed before the rate counts
     * @param openDuration         how long calls fail fast before a few trial calls are let through
     */
    public record CircuitBreaker(Float failureRateThreshold, Integer slidingWindowSize, Integer minimumCalls,
            Duration openDuration) {

        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            slidingWindowSize = slidingWindowSize == null ? 20 : slidingWindowSize;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            openDuration = openDuration == null ? Duration.ofSeconds(60) : openDuration;
        }
    }

    /**
     * FedEx signs each webhook call with {@code fdx-signature}: Base64 of HMAC-SHA256 over the raw body, keyed
     * with the security token entered when the webhook was set up.
     *
     * @param secret           that security token; without it webhook calls are refused
     * @param signatureHeader  header with the signature
     * @param timestampHeader  header with the sending time in epoch seconds (added by a relay or a carrier that
     *                         supports it); when present it is signed too
     *                         ({@code timestamp + "." + body}) and checked against {@code maxAge}
     * @param requireTimestamp whether calls without a timestamp are refused (replay protection); FedEx's own push
     *                         sends none, so a direct FedEx subscription needs {@code false}
     * @param maxAge           how far the timestamp may be from now, either way
     */
    public record Webhook(String secret, String signatureHeader, String timestampHeader, Boolean requireTimestamp,
            Duration maxAge) {

        public Webhook {
            signatureHeader = signatureHeader == null ? "fdx-signature" : signatureHeader;
            timestampHeader = timestampHeader == null ? "X-Webhook-Timestamp" : timestampHeader;
            requireTimestamp = requireTimestamp == null || requireTimestamp;
            maxAge = maxAge == null ? Duration.ofMinutes(5) : maxAge;
        }
    }
}
