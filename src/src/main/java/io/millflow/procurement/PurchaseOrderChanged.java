package io.millflow.procurement;

import java.util.UUID;

/** A change of a purchase order was applied (after its approval when it raised the total); {@code revision} is the new one. */
public record PurchaseOrderChanged(UUID purchaseOrderId, int revision) {
}
