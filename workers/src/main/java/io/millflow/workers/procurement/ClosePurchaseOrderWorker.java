package io.millflow.workers.procurement;

import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.procurement.PurchaseOrderFulfilment;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code procurement.closePurchaseOrder}: closes the matched order (idempotent). */
@Component
class ClosePurchaseOrderWorker implements ExternalTaskWorker {

    private final PurchaseOrderFulfilment fulfilment;

    ClosePurchaseOrderWorker(PurchaseOrderFulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public String topic() {
        return Topics.PROCUREMENT_CLOSE_PURCHASE_ORDER;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID id = UUID.fromString((String) task.getVariables().get(Variables.PURCHASE_ORDER_ID));
        fulfilment.close(id);
        return Map.of();
    }
}
