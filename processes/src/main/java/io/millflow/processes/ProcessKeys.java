package io.millflow.processes;

/** Process definition keys. The key of a process equals the file name of its model in {@code bpmn/}. */
public final class ProcessKeys {

    public static final String PURCHASE_REQUISITION = "purchase-requisition";
    public static final String CYCLE_COUNT = "cycle-count";
    /** A purchase order from sending to closing (business key = the order's id); modelled by fulfilment. */
    public static final String PURCHASE_ORDER = "purchase-order";
    /** Approval of a purchase order change that raises its total (business key = the change's id). */
    public static final String PURCHASE_ORDER_CHANGE = "purchase-order-change";
    public static final String STOCK_REPLENISHMENT = "stock-replenishment";
    /** Approval of a submitted timesheet (business key = the timesheet's id). */
    public static final String TIMESHEET_APPROVAL = "timesheet-approval";

    /** A request for a new project: department heads approve, then the project is created and kicked off. */
    public static final String PROJECT_INTAKE = "project-intake";
    /** Approval of a task that needs approval before it is DONE (business key = the task's id). */
    public static final String TASK_APPROVAL = "task-approval";
    /** Materials for a project task: reserve, buy the shortfall, pick and issue (business key = the request's id). */
    public static final String PROJECT_MATERIAL_REQUEST = "project-material-request";

    /** Decision keys; the file of a decision table may hold several decisions. */
    public static final String DECISION_APPROVAL_LEVELS = "purchase-approval-levels";
    public static final String DECISION_APPROVAL_ESCALATION = "purchase-approval-escalation";
    /** Count tolerance per ABC class: outputs {@code tolerancePercent} and {@code toleranceQuantity}. */
    public static final String DECISION_COUNT_TOLERANCE = "cycle-count-tolerance";
    /**
     * Whether a replenishment proposal is ordered without a buyer: inputs {@code priced} (boolean),
     * {@code valueEur} (double or null) and {@code abcClass}; output {@code decision} (AUTO or REVIEW).
     */
    public static final String DECISION_REPLENISHMENT_AUTO_APPROVAL = "replenishment-auto-approval";

    /** Three-way match tolerances by order line amount: {@code priceTolerancePercent}, {@code quantityTolerancePercent}. */
    public static final String DECISION_INVOICE_MATCH_TOLERANCE = "invoice-match-tolerance";
    /** Over-delivery tolerance by ABC class: {@code overDeliveryPercent}. */
    public static final String DECISION_OVER_DELIVERY_TOLERANCE = "over-delivery-tolerance";

    private ProcessKeys() {
    }
}
