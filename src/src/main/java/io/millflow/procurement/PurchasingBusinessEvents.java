package io.millflow.procurement;

import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells other capabilities and systems (webhooks, mail) about purchase orders created and cancelled: turns the
 * purchasing module's own events into {@link io.millflow.shared.events.BusinessEvent}s in the same transaction.
 */
@Component
class PurchasingBusinessEvents {

    private final PurchaseOrderRepository orders;
    private final BusinessEvents events;

    PurchasingBusinessEvents(PurchaseOrderRepository orders, BusinessEvents events) {
        this.orders = orders;
        this.events = events;
    }

    @EventListener
    void created(PurchaseOrderCreated created) {
        orders.findById(created.purchaseOrderId()).ifPresent(po -> {
            Map<String, Object> data = summary(po);
            data.put("status", po.getStatus().name());
            data.put("buyer", po.getBuyer());
            events.publish(EventTypes.PURCHASE_ORDER_CREATED, "PurchaseOrder", po.getId().toString(), data);
        });
    }

    @EventListener
    void cancelled(PurchaseOrderCancelled cancelled) {
        orders.findById(cancelled.purchaseOrderId()).ifPresent(po -> {
            Map<String, Object> data = summary(po);
            data.put("reason", cancelled.reason());
            events.publish(EventTypes.PURCHASE_ORDER_CANCELLED, "PurchaseOrder", po.getId().toString(), data);
        });
    }

    private static Map<String, Object> summary(PurchaseOrder po) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("purchaseOrderId", po.getId().toString());
        data.put("number", po.getNumber());
        data.put("supplierId", po.getSupplierId() == null ? null : po.getSupplierId().toString());
        data.put("totalAmount", po.getTotalAmount());
        data.put("currency", po.getCurrency());
        return data;
    }
}
