package io.millflow.processes;

/** BPMN error codes that workers may throw. */
public final class Errors {

    /** The requisition a worker was asked to act on no longer exists or is in a state that forbids the step. */
    public static final String REQUISITION_INVALID = "REQUISITION_INVALID";

    private Errors() {
    }
}
