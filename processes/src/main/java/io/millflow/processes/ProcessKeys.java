package io.millflow.processes;

/** Process definition keys. The key of a process equals the file name of its model in {@code bpmn/}. */
public final class ProcessKeys {

    public static final String PURCHASE_REQUISITION = "purchase-requisition";

    /** Decision keys; the file of a decision table may hold several decisions. */
    public static final String DECISION_APPROVAL_LEVELS = "purchase-approval-levels";
    public static final String DECISION_APPROVAL_ESCALATION = "purchase-approval-escalation";

    private ProcessKeys() {
    }
}
