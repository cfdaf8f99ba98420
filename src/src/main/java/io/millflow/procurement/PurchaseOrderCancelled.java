package io.millflow.procurement;

import java.util.UUID;

/** A purchase order was cancelled (nothing had been received). */
public record PurchaseOrderCancelled(UUID purchaseOrderId, String reason) {
}
