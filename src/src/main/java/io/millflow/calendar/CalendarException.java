package io.millflow.calendar;

import java.time.Duration;

/** A call to the external calendar failed; {@code retryAfter} is set when the calendar said when to try again. */
public class CalendarException extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    public CalendarException(String message, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public CalendarException(String message, int status) {
        this(message, status, null, null);
    }

    /** HTTP status of the last answer, 0 when none came. */
    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The token endpoint refused the credentials (e.g. {@code invalid_grant}); retrying will not help. */
    public static class Unauthorized extends CalendarException {
        public Unauthorized(String message, int status) {
            super(message, status);
        }
    }

    /** HTTP 410 on a sync token: the token expired, a full sync is needed. */
    public static class SyncTokenExpired extends CalendarException {
        public SyncTokenExpired(String message) {
            super(message, 410);
        }
    }
}
