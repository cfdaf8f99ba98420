package io.millflow.procurement;

import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.inbox.TaskDecisionHandler;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** Records approval decisions of {@code purchase-order-change} tasks on the change. */
@Component
class PurchaseOrderChangeApprovalHandler implements TaskDecisionHandler {

    private final PurchaseOrders orders;
    private final TaskService tasks;

    PurchaseOrderChangeApprovalHandler(PurchaseOrders orders, TaskService tasks) {
        this.orders = orders;
        this.tasks = tasks;
    }

    @Override
    public String processKey() {
        return ProcessKeys.PURCHASE_ORDER_CHANGE;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        Object role = tasks.getVariable(task.id(), Variables.APPROVAL_ROLE);
        if (!(role instanceof String approvalRole)) {
            throw new ProblemException.Conflict("Task " + task.id() + " is not an approval level");
        }
        orders.recordChangeDecision(UUID.fromString(task.businessKey()), approvalRole, user, decision.approved(),
                decision.comment(), task.id());
        return Map.of(Variables.APPROVED, decision.approved());
    }
}
