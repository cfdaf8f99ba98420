package io.millflow.workers;

/** A business outcome the model handles with an error boundary event; the code is a constant of {@code Errors}. */
public class WorkerBpmnError extends RuntimeException {

    private final String errorCode;

    public WorkerBpmnError(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
