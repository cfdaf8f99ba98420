package io.millflow.workers.procurement;

import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.procurement.PurchaseOrder;
import io.millflow.procurement.PurchaseOrders;
import io.millflow.workers.ExternalTaskWorker;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code procurement.createPurchaseOrder}: the purchase orders of an approved requisition, one per supplier (idempotent). */
@Component
class CreatePurchaseOrderWorker implements ExternalTaskWorker {

    private final PurchaseOrders orders;

    CreatePurchaseOrderWorker(PurchaseOrders orders) {
        this.orders = orders;
    }

    @Override
    public String topic() {
        return Topics.PROCUREMENT_CREATE_PURCHASE_ORDER;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID requisitionId = UUID.fromString((String) task.getVariables().get(Variables.REQUISITION_ID));
        List<PurchaseOrder> created = orders.createForRequisition(requisitionId);
        return Map.of(Variables.PURCHASE_ORDER_NUMBER,
                String.join(",", created.stream().map(PurchaseOrder::getNumber).toList()));
    }
}
