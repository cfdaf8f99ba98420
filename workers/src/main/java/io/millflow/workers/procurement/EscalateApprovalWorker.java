package io.millflow.workers.procurement;

import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.procurement.PurchaseRequisitions;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code procurement.escalateApproval}: hands a late approval to the next level's group, marks it overdue. */
@Component
class EscalateApprovalWorker implements ExternalTaskWorker {

    private final PurchaseRequisitions requisitions;

    EscalateApprovalWorker(PurchaseRequisitions requisitions) {
        this.requisitions = requisitions;
    }

    @Override
    public String topic() {
        return Topics.PROCUREMENT_ESCALATE_APPROVAL;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID requisitionId = UUID.fromString((String) task.getVariables().get(Variables.REQUISITION_ID));
        String role = (String) task.getVariables().get(Variables.APPROVAL_ROLE);
        requisitions.escalate(requisitionId, role);
        return Map.of();
    }
}
