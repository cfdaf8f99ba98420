package io.millflow.integration.carrier;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.integration.carrier.CarrierProblems.CarrierNotAuthorized;
import io.millflow.integration.carrier.CarrierProblems.CarrierProblem;
import io.millflow.integration.carrier.CarrierProblems.CarrierRateLimited;
import io.millflow.integration.carrier.CarrierProblems.CarrierRejected;
import io.millflow.integration.carrier.CarrierProblems.CarrierTimeout;
import io.millflow.integration.carrier.CarrierProblems.CarrierUnavailable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Turns FedEx's failures into {@link CarrierProblems}: error answers
 * ({@code {"transactionId": ..., "errors": [{"code": ..., "message": ...}]}}) by status, and calls that got no
 * answer by what went wrong on the way.
 */
class FedExErrors {

    static final String CARRIER = FedExCarrier.CODE;

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Clock clock;

    FedExErrors(Clock clock) {
        this.clock = clock;
    }

    /**
     * The problem for an error answer.
     *
     * @param operation    what was asked, for the message (e.g. "rate quote")
     * @param safeToRepeat whether doing the call twice is harmless; if not, gateway errors leave the outcome open
     */
    CarrierProblem answer(String operation, HttpStatusCode status, HttpHeaders headers, byte[] body,
            boolean safeToRepeat) {
        FedExJson.ErrorResponse error = parse(body);
        List<FedExJson.Error> errors = error == null || error.errors() == null ? List.of() : error.errors();
        String code = errors.isEmpty() ? null : errors.get(0).code();
        String transactionId = error == null ? null : error.transactionId();
        String detail = errors.isEmpty() ? "HTTP " + status.value()
                : errors.stream().map(e -> e.code() + " – " + e.message()).collect(Collectors.joining("; "));
        String suffix = transactionId == null ? "" : " (FedEx transaction " + transactionId + ")";
        int value = status.value();
        if (value == 429) {
            Duration retryAfter = retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER));
            return new CarrierRateLimited(CARRIER, code, "FedEx limits the rate of calls and refused the " + operation
                    + (retryAfter == null ? "" : "; it asks to wait " + retryAfter.toSeconds() + " s") + ": " + detail
                    + suffix, transactionId, retryAfter);
        }
        if (value == 401 || value == 403) {
            return new CarrierNotAuthorized(CARRIER, code, "FedEx did not accept Millflow's credentials for the "
                    + operation + ": " + detail + suffix + "; check millflow.carriers.fedex.client-id, client-secret "
                    + "and account-number", transactionId);
        }
        if (status.is4xxClientError()) {
            return new CarrierRejected(CARRIER, code, "FedEx refused the " + operation + ": " + detail + suffix,
                    transactionId);
        }
        boolean gateway = value == 502 || value == 504;
        return new CarrierUnavailable(CARRIER, code, "FedEx failed on the " + operation + ": " + detail + suffix,
                transactionId, gateway && !safeToRepeat);
    }

    /** The problem for a call that got no answer: no connection, or no answer within the read timeout. */
    CarrierUnavailable unanswered(String operation, Exception e, boolean safeToRepeat) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                return new CarrierUnavailable(CARRIER, null, "FedEx could not be reached for the " + operation + ": "
                        + cause.getMessage(), null, false);
            }
            if (cause instanceof HttpTimeoutException) {
                return new CarrierTimeout(CARRIER, "FedEx did not answer the " + operation + " in time"
                        + (safeToRepeat ? "" : "; it may have been carried out, so check at FedEx before trying again"),
                        !safeToRepeat);
            }
            cause = cause.getCause();
        }
        return new CarrierUnavailable(CARRIER, null, "The " + operation + " to FedEx broke off: " + e.getMessage()
                + (safeToRepeat ? "" : "; it may have been carried out, so check at FedEx before trying again"), null,
                !safeToRepeat);
    }

    /** The problem for a successful answer that cannot be read; a booking may have happened all the same. */
    CarrierUnavailable unreadable(String operation, String why, boolean safeToRepeat) {
        return new CarrierUnavailable(CARRIER, null, "FedEx's answer to the " + operation + " cannot be read: " + why
                + (safeToRepeat ? "" : "; it may have been carried out, so check at FedEx before trying again"), null,
                !safeToRepeat);
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(value));
        }
        try {
            Duration wait = Duration.between(clock.instant(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private FedExJson.ErrorResponse parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, FedExJson.ErrorResponse.class);
        } catch (IOException e) {
            return null;
        }
    }
}
