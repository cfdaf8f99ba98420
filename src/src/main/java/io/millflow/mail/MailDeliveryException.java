package io.millflow.mail;

import java.time.Duration;

/**
 * A mail system refused or did not answer.
 *
 * @see #retryable()
 * @see #retryAfter()
 * @see #gatewayDown()
 */
public class MailDeliveryException extends RuntimeException {

    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean gatewayDown;

    public MailDeliveryException(String message, boolean retryable, Duration retryAfter, boolean gatewayDown,
            Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.gatewayDown = gatewayDown;
    }

    /** A failure of this one mail that will not go away by trying again (e.g. an invalid address). */
    public static MailDeliveryException permanent(String message, Throwable cause) {
        return new MailDeliveryException(message, false, null, false, cause);
    }

    /** A passing failure (5xx, timeout, 429); {@code retryAfter} is the wait the server asked for, or null. */
    public static MailDeliveryException transientFailure(String message, Duration retryAfter, Throwable cause) {
        return new MailDeliveryException(message, true, retryAfter, false, cause);
    }

    /**
     * The gateway cannot send anything now (no connection, refused credentials): the sender stops the current batch
     * instead of failing every further mail the same way; {@code retryAfter} is when to try again, or null.
     */
    public static MailDeliveryException gatewayDown(String message, Duration retryAfter, Throwable cause) {
        return new MailDeliveryException(message, true, retryAfter, true, cause);
    }

    /** Whether the same mail may succeed later. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the server asked to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whether the whole gateway is unusable now, not only this mail. */
    public boolean gatewayDown() {
        return gatewayDown;
    }
}
