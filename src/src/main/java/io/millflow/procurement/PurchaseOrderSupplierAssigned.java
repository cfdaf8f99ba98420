package io.millflow.procurement;

import java.util.UUID;

/** A buyer assigned an (unblocked) supplier to a DRAFT purchase order; it is SENT now. */
public record PurchaseOrderSupplierAssigned(UUID purchaseOrderId) {
}
