package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Failures of carrier calls, as answers with stable problem types. */
public final class CarrierProblems {

    private CarrierProblems() {
    }

    /** Base of the failures that came from (or on the way to) a carrier. */
    public abstract static class CarrierProblem extends ProblemException {

        private final String carrier;
        private final String carrierCode;
        private final String transactionId;

        protected CarrierProblem(HttpStatus status, String type, String message, String carrier, String carrierCode,
                String transactionId) {
            super(status, type, message, null);
            this.carrier = carrier;
            this.carrierCode = carrierCode;
            this.transactionId = transactionId;
        }

        /** Millflow's code of the carrier, e.g. {@code fedex}. */
        public String carrier() {
            return carrier;
        }

        /** The carrier's own error code (e.g. FedEx {@code SHIPPER.POSTALSTATE.MISMATCH}), or null. */
        public String carrierCode() {
            return carrierCode;
        }

        /** The carrier's id of the failed transaction, for its support desk, or null. */
        public String transactionId() {
            return transactionId;
        }
    }

    /** The carrier understood the request and refused it (4xx): the input needs changing, trying again won't help. */
    public static class CarrierRejected extends CarrierProblem {
        public CarrierRejected(String carrier, String carrierCode, String message, String transactionId) {
            super(HttpStatus.UNPROCESSABLE_ENTITY, "carrier-rejected", message, carrier, carrierCode, transactionId);
        }
    }

    /** The carrier refused Millflow's credentials or token: a configuration problem, not the user's. */
    public static class CarrierNotAuthorized extends CarrierProblem {
        public CarrierNotAuthorized(String carrier, String carrierCode, String message, String transactionId) {
            super(HttpStatus.BAD_GATEWAY, "carrier-not-authorized", message, carrier, carrierCode, transactionId);
        }
    }

    /** The carrier asked Millflow to slow down and the wait it asked for is longer than a caller should wait. */
    public static class CarrierRateLimited extends CarrierProblem {

        private final Duration retryAfter;

        public CarrierRateLimited(String carrier, String carrierCode, String message, String transactionId,
                Duration retryAfter) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "carrier-rate-limited", message, carrier, carrierCode,
                    transactionId);
            this.retryAfter = retryAfter;
        }

        /** The wait the carrier asked for, or null when it named none. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The carrier failed (5xx) or could not be reached; trying again later may work. */
    public static class CarrierUnavailable extends CarrierProblem {

        private final boolean outcomeUnknown;

        public CarrierUnavailable(String carrier, String carrierCode, String message, String transactionId,
                boolean outcomeUnknown) {
            this(HttpStatus.SERVICE_UNAVAILABLE, "carrier-unavailable", carrier, carrierCode, message, transactionId,
                    outcomeUnknown);
        }

        protected CarrierUnavailable(HttpStatus status, String type, String carrier, String carrierCode,
                String message, String transactionId, boolean outcomeUnknown) {
            super(status, type, message, carrier, carrierCode, transactionId);
            this.outcomeUnknown = outcomeUnknown;
        }

        /**
         * Whether the carrier may have done the work although no answer came (a timeout after the request was
         * sent): then a booking must be checked before it is sent again.
         */
        public boolean outcomeUnknown() {
            return outcomeUnknown;
        }
    }

    /** The carrier did not answer within the read timeout. */
    public static class CarrierTimeout extends CarrierUnavailable {
        public CarrierTimeout(String carrier, String message, boolean outcomeUnknown) {
            super(HttpStatus.GATEWAY_TIMEOUT, "carrier-timeout", carrier, null, message, null, outcomeUnknown);
        }
    }

    /** Calls to the carrier are cut off for a while because it failed too often (circuit breaker open). */
    public static class CarrierCircuitOpen extends CarrierUnavailable {
        public CarrierCircuitOpen(String carrier, String message) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "carrier-circuit-open", carrier, null, message, null, false);
        }
    }

    /** The carrier does not know this tracking number. */
    public static class UnknownTrackingNumber extends CarrierProblem {
        public UnknownTrackingNumber(String carrier, String carrierCode, String message, String transactionId) {
            super(HttpStatus.NOT_FOUND, "unknown-tracking-number", message, carrier, carrierCode, transactionId);
        }
    }

    /** The carrier cannot do this (e.g. print labels for goods sent without an integration). */
    public static class NotSupported extends CarrierProblem {
        public NotSupported(String carrier, String message) {
            super(HttpStatus.CONFLICT, "carrier-not-supported", message, carrier, null, null);
        }
    }

    /** The carrier answered with a label that is not a PDF document. */
    public static class InvalidLabel extends CarrierProblem {
        public InvalidLabel(String carrier, String message) {
            super(HttpStatus.BAD_GATEWAY, "carrier-label-invalid", message, carrier, null, null);
        }
    }

    /** A signed carrier callback failed verification: wrong or missing signature, or too old. */
    public static class InvalidWebhookSignature extends ProblemException {
        public InvalidWebhookSignature(String message) {
            super(HttpStatus.UNAUTHORIZED, "invalid-webhook-signature", message, null);
        }

        protected InvalidWebhookSignature(HttpStatus status, String type, String message) {
            super(status, type, message, null);
        }
    }

    /**
     * A carrier callback that was already received, or whose timestamp is too far from now: a replay, refused
     * before anything is written. A stale or future timestamp answers 401 (the call cannot be trusted), a
     * second delivery of a call already processed answers 409.
     */
    public static class WebhookReplay extends InvalidWebhookSignature {
        public WebhookReplay(HttpStatus status, String message) {
            super(status, "webhook-replay", message);
        }
    }
}
