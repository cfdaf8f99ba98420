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

/** Records approval decisions of {@code purchase-requisition} tasks on the requisition. */
@Component
class RequisitionApprovalHandler implements TaskDecisionHandler {

    private final PurchaseRequisitions requisitions;
    private final TaskService tasks;

    RequisitionApprovalHandler(PurchaseRequisitions requisitions, TaskService tasks) {
        this.requisitions = requisitions;
        this.tasks = tasks;
    }

    @Override
    public String processKey() {
        return ProcessKeys.PURCHASE_REQUISITION;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        Object role = tasks.getVariable(task.id(), Variables.APPROVAL_ROLE);
        if (!(role instanceof String approvalRole)) {
            throw new ProblemException.Conflict("Task " + task.id() + " is not an approval level");
        }
        requisitions.recordDecision(UUID.fromString(task.businessKey()), approvalRole, user, decision.approved(),
                decision.comment(), task.id(), overdue);
        return Map.of(Variables.APPROVED, decision.approved());
    }
}
