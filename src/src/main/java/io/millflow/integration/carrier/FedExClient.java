package io.millflow.integration.carrier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.millflow.integration.carrier.CarrierProblems.CarrierCircuitOpen;
import io.millflow.integration.carrier.CarrierProblems.CarrierRateLimited;
import io.millflow.integration.carrier.CarrierProblems.CarrierUnavailable;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * HTTP to FedEx: bearer token, timeouts, error translation, retries and the circuit breaker.
 * <ul>
 * <li>Every attempt fetches a token if needed; a 401 renews the token once and repeats the call.</li>
 * <li>Retries, with exponential backoff: 429 (waiting {@code Retry-After} when it is given and not longer than
 * {@code retry.max-retry-after}), 5xx and calls that got no answer; never other 4xx, and never a call that may have
 * taken effect when repeating it is not harmless (a shipment booking that timed out).</li>
 * <li>The circuit breaker counts outages (5xx, timeouts, no connection) per attempt; once open, calls fail at once
 * with {@link CarrierCircuitOpen} until {@code circuit-breaker.open-duration} has passed.</li>
 * </ul>
 */
class FedExClient {

    private final FedExProperties props;
    private final RestClient http;
    private final FedExErrors errors;
    private final FedExTokens tokens;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    FedExClient(FedExProperties props, RestClient.Builder builder, Clock clock) {
        this.props = props;
        HttpClient jdk = HttpClient.newBuilder()
                .connectTimeout(props.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(props.readTimeout());
        this.http = builder.clone().baseUrl(props.baseUrl().toString()).requestFactory(factory).build();
        this.errors = new FedExErrors(clock);
        this.tokens = new FedExTokens(this::fetchToken, clock, props.tokenRefreshBefore());
        this.retry = Retry.of("fedex", retryConfig(props.retry()));
        this.circuitBreaker = CircuitBreaker.of("fedex", circuitBreakerConfig(props.circuitBreaker()));
    }

    /**
     * Sends one API call and reads its answer.
     *
     * @param operation    what is asked, for messages ("rate quote", "shipment", ...)
     * @param safeToRepeat whether sending the call twice is harmless (quotes, tracking, cancellation), so that
     *                     calls without an answer may be retried
     */
    <T> T call(String operation, HttpMethod method, String path, Object body, Class<T> answer, boolean safeToRepeat) {
        String transactionId = UUID.randomUUID().toString();
        Supplier<T> attempt = () -> withToken(operation, method, path, body, answer, safeToRepeat, transactionId);
        try {
            return retry.executeSupplier(CircuitBreaker.decorateSupplier(circuitBreaker, attempt));
        } catch (CallNotPermittedException e) {
            throw new CarrierCircuitOpen(FedExCarrier.CODE, "FedEx failed too often lately, so the " + operation
                    + " is not sent; calls are refused for up to " + props.circuitBreaker().openDuration().toSeconds()
                    + " s before FedEx is tried again");
        }
    }

    private <T> T withToken(String operation, HttpMethod method, String path, Object body, Class<T> answer,
            boolean safeToRepeat, String transactionId) {
        String token = tokens.current();
        try {
            return send(operation, method, path, body, answer, safeToRepeat, transactionId, token, true);
        } catch (TokenRefused e) {
            String renewed = tokens.replace(token);
            return send(operation, method, path, body, answer, safeToRepeat, transactionId, renewed, false);
        }
    }

    private <T> T send(String operation, HttpMethod method, String path, Object body, Class<T> answer,
            boolean safeToRepeat, String transactionId, String token, boolean mayRenewToken) {
        try {
            return http.method(method).uri(path)
                    .headers(h -> {
                        h.setBearerAuth(token);
                        h.setContentType(MediaType.APPLICATION_JSON);
                        h.setAccept(List.of(MediaType.APPLICATION_JSON));
                        h.set("X-locale", props.locale());
                        h.set("x-customer-transaction-id", transactionId);
                    })
                    .body(body)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            T value = response.bodyTo(answer);
                            if (value == null) {
                                throw errors.unreadable(operation, "it was empty", safeToRepeat);
                            }
                            return value;
                        }
                        byte[] raw = response.getBody().readAllBytes();
                        if (response.getStatusCode().value() == 401 && mayRenewToken) {
                            throw new TokenRefused();
                        }
                        throw errors.answer(operation, response.getStatusCode(), response.getHeaders(), raw,
                                safeToRepeat);
                    });
        } catch (ResourceAccessException e) {
            throw errors.unanswered(operation, e, safeToRepeat);
        } catch (RestClientException e) {
            throw errors.unreadable(operation, e.getMessage(), safeToRepeat);
        }
    }

    private FedExJson.TokenResponse fetchToken() {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", props.clientId());
        form.add("client_secret", props.clientSecret());
        try {
            return http.post().uri("/oauth/token")
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return response.bodyTo(FedExJson.TokenResponse.class);
                        }
                        throw errors.answer("token request", response.getStatusCode(), response.getHeaders(),
                                response.getBody().readAllBytes(), true);
                    });
        } catch (RestClientException e) {
            throw errors.unanswered("token request", e, true);
        }
    }

    private RetryConfig retryConfig(FedExProperties.Retry config) {
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof CarrierRateLimited limited
                    && limited.retryAfter() != null) {
                return limited.retryAfter().toMillis();
            }
            return config.backoff(attempt).toMillis();
        };
        return RetryConfig.custom()
                .maxAttempts(config.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(e -> retryable(e, config))
                .build();
    }

    private static boolean retryable(Throwable e, FedExProperties.Retry config) {
        if (e instanceof CarrierRateLimited limited) {
            return limited.retryAfter() == null || limited.retryAfter().compareTo(config.maxRetryAfter()) <= 0;
        }
        return e instanceof CarrierUnavailable unavailable && !unavailable.outcomeUnknown();
    }

    private static CircuitBreakerConfig circuitBreakerConfig(FedExProperties.CircuitBreaker config) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.slidingWindowSize())
                .minimumNumberOfCalls(config.minimumCalls())
                .failureRateThreshold(config.failureRateThreshold())
                .waitDurationInOpenState(config.openDuration())
                .recordException(e -> e instanceof CarrierUnavailable)
                .ignoreException(e -> e instanceof CarrierRateLimited)
                .build();
    }

    /** FedEx answered 401 to a call: the token may have expired before its time. */
    private static final class TokenRefused extends RuntimeException {
        TokenRefused() {
            super("FedEx refused the access token", null, false, false);
        }
    }
}
