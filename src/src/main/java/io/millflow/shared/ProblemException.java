package io.millflow.shared;

import org.springframework.http.HttpStatus;

/**
 * A failure that is an answer to the caller: it becomes an RFC 7807 problem with a stable type.
 * Services throw the subclasses; the REST layer and the views translate them.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String field;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    protected ProblemException(HttpStatus status, String type, String message, String field) {
        super(message);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    /** Stable problem type, the last segment of the problem's type URI (e.g. {@code not-found}). */
    public String type() {
        return type;
    }

    /**
     * Extension members of the problem (RFC 7807 section 3.2), e.g. the list of model problems of a refused
     * deployment or the field errors of a form. Never null.
     */
    public java.util.Map<String, Object> properties() {
        return java.util.Collections.unmodifiableMap(properties);
    }

    /** Adds an extension member; returns this problem for chaining. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Name of the input field at fault, or null. */
    public String field() {
        return field;
    }

    public static class NotFound extends ProblemException {
        public NotFound(String message) {
            super(HttpStatus.NOT_FOUND, "not-found", message, null);
        }
    }

    public static class Forbidden extends ProblemException {
        public Forbidden(String message) {
            super(HttpStatus.FORBIDDEN, "forbidden", message, null);
        }
    }

    public static class Conflict extends ProblemException {
        public Conflict(String message) {
            super(HttpStatus.CONFLICT, "conflict", message, null);
        }
    }

    public static class InvalidInput extends ProblemException {
        public InvalidInput(String field, String message) {
            super(HttpStatus.BAD_REQUEST, "invalid-input", message, field);
        }
    }
}
