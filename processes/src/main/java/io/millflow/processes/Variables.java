package io.millflow.processes;

/** Names of process variables shared between models, services and workers. */
public final class Variables {

    /** UUID of the requisition (string). */
    public static final String REQUISITION_ID = "requisitionId";
    /** Username of the person who submitted the requisition. */
    public static final String REQUESTER = "requester";
    /** Total of the requisition converted to EUR (double), input of the approval DMN. */
    public static final String TOTAL_AMOUNT_EUR = "totalAmountEur";
    /** Ordered list of roles that must approve, output of the approval DMN. */
    public static final String APPROVAL_LEVELS = "approvalLevels";
    /** Whether the last decided approval level approved (boolean). */
    public static final String APPROVED = "approved";
    /** Role of the approval level a task or an escalation belongs to (task-local input). */
    public static final String APPROVAL_ROLE = "approvalRole";
    /** Role an escalated task is handed to (output of the escalation DMN). */
    public static final String ESCALATE_TO = "escalateTo";
    /** Numbers of the purchase orders created for the requisition (one per supplier), comma-separated. */
    public static final String PURCHASE_ORDER_NUMBER = "purchaseOrderNumber";
    /** UUID of the purchase order (string). */
    public static final String PURCHASE_ORDER_ID = "purchaseOrderId";
    /** UUID of a purchase order change waiting for approval (string). */
    public static final String PURCHASE_ORDER_CHANGE_ID = "purchaseOrderChangeId";
    /** Task-local flag set when an approval task has passed its due date. */
    public static final String OVERDUE = "overdue";

    /** UUID of the cycle count (string). */
    public static final String CYCLE_COUNT_ID = "cycleCountId";
    /** Username of the person who entered the counts (may not approve them). */
    public static final String COUNTER = "counter";
    /** Number of count lines whose difference exceeds the tolerance (integer). */
    public static final String LINES_OVER_TOLERANCE = "linesOverTolerance";
    /** Number of the stock document that posted approved count differences. */
    public static final String STOCK_DOCUMENT_NUMBER = "stockDocumentNumber";

    // purchase-order (fulfilment); the order's id is PURCHASE_ORDER_ID
    /** Whether the order has a supplier that is not blocked (boolean). */
    public static final String SUPPLIER_READY = "supplierReady";
    /** Whether the supplier declined every line (boolean, set with the confirmation message). */
    public static final String ALL_DECLINED = "allDeclined";
    /** Whether a submitted shipping notice waits to be received (boolean). */
    public static final String ASN_PENDING = "asnPending";
    /** Whether some confirmed quantity is not yet received (boolean). */
    public static final String QUANTITY_OPEN = "quantityOpen";
    /** Whether an invoice waits to be matched (boolean). */
    public static final String INVOICE_PENDING = "invoicePending";
    /** Whether the last three-way match found the invoice within tolerance (boolean). */
    public static final String INVOICE_MATCHED = "invoiceMatched";
    /** UUID of the invoice a match or message is about (string). */
    public static final String INVOICE_ID = "invoiceId";
    /** UUID of the shipping notice a message is about (string). */
    public static final String ASN_ID = "asnId";
    /** UUID of the replenishment run (string); also the business key of stock-replenishment. */
    public static final String REPLENISHMENT_RUN_ID = "replenishmentRunId";
    /** NIGHTLY or MANUAL. */
    public static final String RUN_TRIGGER = "runTrigger";
    /** Number of item × warehouse pairs a run planned (integer). */
    public static final String PAIRS = "pairs";
    /** Number of proposals of the run (integer). */
    public static final String PROPOSALS = "proposals";
    /** Number of proposals the auto-approval decision approved (integer). */
    public static final String AUTO_PROPOSALS = "autoProposals";
    /** Number of proposals a buyer reviews (integer). */
    public static final String REVIEW_PROPOSALS = "reviewProposals";
    /** Number of proposals the last ordering step ordered (integer). */
    public static final String ORDERED_PROPOSALS = "orderedProposals";

    // timesheet-approval (pms resources); the person is REQUESTER
    /** UUID of the timesheet (string); also the business key. */
    public static final String TIMESHEET_ID = "timesheetId";
    /** Username of the project manager who approves, or null when any MANAGER does. */
    public static final String APPROVER = "approver";
    /** Monday of the timesheet's week (ISO date string). */
    public static final String WEEK_START = "weekStart";
    /** Hours booked in the timesheet (double). */
    public static final String TOTAL_HOURS = "totalHours";
    // pms: project-intake, task-approval, project-material-request
    /** UUID of the project request (string); also the business key of project-intake. */
    public static final String PROJECT_REQUEST_ID = "projectRequestId";
    /**
     * Username of the person who asked (project request, task completion, material request). Not named
     * {@link #REQUESTER} on purpose: the inbox hides a process's tasks from its requester, and a manager who
     * requests a project must still see its kickoff.
     */
    public static final String REQUESTED_BY = "requestedBy";
    /** Ids of the departments that approve a project request, comma-separated, in the order of {@link #APPROVAL_HEADS}. */
    public static final String APPROVAL_DEPARTMENTS = "approvalDepartments";
    /** Usernames of the heads of {@link #APPROVAL_DEPARTMENTS}, comma-separated. */
    public static final String APPROVAL_HEADS = "approvalHeads";
    /** How many department heads approve a project request (integer; the loop cardinality). */
    public static final String APPROVAL_COUNT = "approvalCount";
    /** Index of the instance of a multi-instance activity (set by the engine): which approval department. */
    public static final String LOOP_COUNTER = "loopCounter";
    /** UUID of the project (string). */
    public static final String PROJECT_ID = "projectId";
    /** Username of the project's manager (assignee of kickoff and task approvals). */
    public static final String PROJECT_MANAGER = "projectManager";
    /** UUID of a project task (string); also the business key of task-approval. */
    public static final String TASK_ID = "taskId";
    /** UUID of the material request (string); also the business key of project-material-request. */
    public static final String MATERIAL_REQUEST_ID = "materialRequestId";
    /** Whether some requested quantity is not reserved yet (boolean). */
    public static final String MATERIAL_SHORT = "materialShort";
    /** Whether the shortfall has been requisitioned (boolean). */
    public static final String REQUISITION_RAISED = "requisitionRaised";
    /** Number of the requisition raised for a material request's shortfall. */
    public static final String REQUISITION_NUMBER = "requisitionNumber";

    private Variables() {
    }
}
