package io.millflow.workers.procurement;

import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.procurement.PurchaseOrderFulfilment;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/**
 * {@code procurement.sendPurchaseOrder}: marks the order SENT and visible to its supplier; resets the confirmations
 * when a changed revision is sent (idempotent).
 */
@Component
class SendPurchaseOrderWorker implements ExternalTaskWorker {

    private final PurchaseOrderFulfilment fulfilment;

    SendPurchaseOrderWorker(PurchaseOrderFulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public String topic() {
        return Topics.PROCUREMENT_SEND_PURCHASE_ORDER;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID id = UUID.fromString((String) task.getVariables().get(Variables.PURCHASE_ORDER_ID));
        fulfilment.send(id);
        return Map.of();
    }
}
