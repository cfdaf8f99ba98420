package io.millflow.workers.procurement;

import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.procurement.PurchaseOrders;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code procurement.applyPurchaseOrderChange}: applies an approved purchase order change (idempotent). */
@Component
class ApplyPurchaseOrderChangeWorker implements ExternalTaskWorker {

    private final PurchaseOrders orders;

    ApplyPurchaseOrderChangeWorker(PurchaseOrders orders) {
        this.orders = orders;
    }

    @Override
    public String topic() {
        return Topics.PROCUREMENT_APPLY_PURCHASE_ORDER_CHANGE;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID changeId = UUID.fromString((String) task.getVariables().get(Variables.PURCHASE_ORDER_CHANGE_ID));
        orders.applyApprovedChange(changeId);
        return Map.of();
    }
}
