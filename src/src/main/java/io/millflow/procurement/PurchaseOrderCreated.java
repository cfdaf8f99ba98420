package io.millflow.procurement;

import java.util.UUID;

/**
 * A purchase order was created (status SENT when it has an unblocked supplier, DRAFT otherwise). Published
 * inside the creating transaction; the fulfilment branch starts the {@code purchase-order} process from it.
 */
public record PurchaseOrderCreated(UUID purchaseOrderId) {
}
