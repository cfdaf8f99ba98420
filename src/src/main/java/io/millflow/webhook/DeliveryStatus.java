package io.millflow.webhook;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Written with the event, not tried yet (or re-sent). */
    PENDING,
    /** A receiver answered 2xx. */
    SUCCEEDED,
    /** Tried and failed; tried again at {@code next_attempt_at}. */
    FAILED_RETRYING,
    /** The last try failed, or the receiver answered 410 Gone: in the dead-letter list until re-sent. */
    DEAD
}
