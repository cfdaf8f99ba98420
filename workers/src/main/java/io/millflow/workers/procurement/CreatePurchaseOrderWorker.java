package io.millflow.workers.procurement;

import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.procurement.PurchaseOrder;
import io.millflow.procurement.PurchaseOrders;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code procurement.createPurchaseOrder}: the one purchase order of an approved requisition (idempotent). */
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
        PurchaseOrder po = orders.createForRequisition(requisitionId);
        return Map.of(Variables.PURCHASE_ORDER_NUMBER, po.getNumber());
    }
}
