package io.millflow.shared.events;

import java.util.List;
import java.util.Set;

/**
 * The business events Millflow publishes ({@link BusinessEvent#type()}). Webhook subscribers choose among these;
 * the data keys each one carries are listed beside it.
 */
public final class EventTypes {

    // stock
    /** A stock posting: {@code documentNumber, movementType, itemIds[], locationIds[]}. */
    public static final String STOCK_POSTED = "ims.stockPosted";

    // purchasing
    /** {@code requisitionId, number, requester, amount, currency}. */
    public static final String REQUISITION_SUBMITTED = "procurement.requisitionSubmitted";
    /** {@code purchaseOrderId, number, supplierId, status}. */
    public static final String PURCHASE_ORDER_CREATED = "procurement.purchaseOrderCreated";
    /** {@code purchaseOrderId, number, supplierId, revision}: the order went to its supplier. */
    public static final String PURCHASE_ORDER_SENT = "procurement.purchaseOrderSent";
    /** {@code purchaseOrderId, number, reason}. */
    public static final String PURCHASE_ORDER_CANCELLED = "procurement.purchaseOrderCancelled";
    /** {@code purchaseOrderId, number, goodsReceiptNumber}. */
    public static final String GOODS_RECEIVED = "procurement.goodsReceived";

    // projects
    /** {@code projectId, code, name, manager, status}. */
    public static final String PROJECT_CREATED = "pms.projectCreated";
    /** {@code projectId, code, from, to}. */
    public static final String PROJECT_STATUS_CHANGED = "pms.projectStatusChanged";
    /** {@code taskId, projectId, projectCode, title, assignee, milestone, startDate, dueDate}. */
    public static final String TASK_CREATED = "pms.taskCreated";
    /** {@code taskId, projectId, projectCode, title, assignee, previousAssignee, dueDate}. */
    public static final String TASK_ASSIGNED = "pms.taskAssigned";
    /** {@code taskId, projectId, projectCode, title, milestone, startDate, dueDate, previousStartDate, previousDueDate}. */
    public static final String TASK_RESCHEDULED = "pms.taskRescheduled";
    /** {@code taskId, projectId, projectCode, title, from, to}. */
    public static final String TASK_STATUS_CHANGED = "pms.taskStatusChanged";

    // processes (Operaton)
    /** {@code processInstanceId, processDefinitionKey, businessKey}. */
    public static final String PROCESS_STARTED = "process.instanceStarted";
    /** {@code processInstanceId, processDefinitionKey, businessKey}. */
    public static final String PROCESS_COMPLETED = "process.instanceCompleted";
    /** {@code incidentId, processInstanceId, processDefinitionKey, activityId, message}. */
    public static final String INCIDENT_CREATED = "process.incidentCreated";
    /**
     * An inbox task appeared: {@code taskId, name, processDefinitionKey, processInstanceId, businessKey,
     * taskDefinitionKey, candidateGroups[], assignee, dueDate, approval} ({@code approval} true when the task is
     * decided with approve/reject, false when it has a form).
     */
    public static final String USER_TASK_CREATED = "process.userTaskCreated";
    /** {@code taskId, name, processDefinitionKey, businessKey, assignee, previousAssignee}. */
    public static final String USER_TASK_ASSIGNED = "process.userTaskAssigned";
    /** {@code taskId, name, processDefinitionKey, businessKey, assignee}. */
    public static final String USER_TASK_COMPLETED = "process.userTaskCompleted";

    public static final List<String> ORDERED = List.of(STOCK_POSTED, REQUISITION_SUBMITTED, PURCHASE_ORDER_CREATED,
            PURCHASE_ORDER_SENT, PURCHASE_ORDER_CANCELLED, GOODS_RECEIVED, PROJECT_CREATED, PROJECT_STATUS_CHANGED,
            TASK_CREATED, TASK_ASSIGNED, TASK_RESCHEDULED, TASK_STATUS_CHANGED, PROCESS_STARTED, PROCESS_COMPLETED,
            INCIDENT_CREATED, USER_TASK_CREATED, USER_TASK_ASSIGNED, USER_TASK_COMPLETED);

    public static final Set<String> ALL = Set.copyOf(ORDERED);

    private EventTypes() {
    }
}
