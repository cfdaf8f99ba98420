package io.millflow.procurement;

import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The services' side of the {@code purchase-order} process: messages correlated by business key (the order's id)
 * and user tasks completed when the service that does their work has done it. Runs in the caller's transaction.
 */
@Component
class PurchaseOrderProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final JdbcTemplate jdbc;
    private final PurchaseOrderLineRepository lines;

    PurchaseOrderProcess(RuntimeService runtime, TaskService tasks, JdbcTemplate jdbc, PurchaseOrderLineRepository lines) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.lines = lines;
    }

    boolean running(UUID poId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PURCHASE_ORDER)
                .processInstanceBusinessKey(poId.toString()).active().count() > 0;
    }

    /** Delivers a message when the order's process waits for it; returns whether it did. */
    boolean correlate(UUID poId, String message, Map<String, Object> variables) {
        return !runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(poId.toString()).setVariables(variables).correlateAllWithResult().isEmpty();
    }

    /** The open user task of the order's process at {@code activityId}, if any. */
    Task openTask(UUID poId, String activityId) {
        List<Task> open = tasks.createTaskQuery().processDefinitionKey(ProcessKeys.PURCHASE_ORDER)
                .processInstanceBusinessKey(poId.toString()).taskDefinitionKey(activityId).active().list();
        return open.isEmpty() ? null : open.get(0);
    }

    /** Completes the open task at {@code activityId} (assigned to {@code actor}); returns whether there was one. */
    boolean completeTask(UUID poId, String activityId, String actor, Map<String, Object> variables) {
        Task task = openTask(poId, activityId);
        if (task == null) {
            return false;
        }
        if (task.getAssignee() == null) {
            tasks.setAssignee(task.getId(), actor);
        }
        tasks.complete(task.getId(), variables);
        return true;
    }

    /** The variables the receiving loop decides on, from what is recorded now. */
    Map<String, Object> receivingState(UUID poId) {
        boolean quantityOpen = lines.findByPurchaseOrderIdOrderByLineNo(poId).stream()
                .anyMatch(l -> l.openQuantity().signum() > 0);
        return Map.of(Variables.QUANTITY_OPEN, quantityOpen,
                Variables.ASN_PENDING, exists("select 1 from advance_shipping_notice where purchase_order_id = ? "
                        + "and status = 'SUBMITTED'", poId),
                Variables.INVOICE_PENDING, invoicePending(poId));
    }

    boolean invoicePending(UUID poId) {
        return exists("select 1 from supplier_invoice where purchase_order_id = ? and status = 'RECEIVED'", poId);
    }

    boolean putAwayPending(UUID poId) {
        return exists("select 1 from goods_receipt_line l join goods_receipt r on r.id = l.goods_receipt_id "
                + "where r.purchase_order_id = ? and l.put_away_quantity < l.quantity", poId);
    }

    private boolean exists(String sql, UUID poId) {
        return !jdbc.queryForList(sql + " limit 1", poId).isEmpty();
    }
}
