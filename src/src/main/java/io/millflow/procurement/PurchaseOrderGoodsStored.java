package io.millflow.procurement;

import java.util.UUID;

/**
 * Goods of a purchase order were put away into storage bins (311 from receiving): they can be reserved now. Published
 * inside the put-away's transaction; {@code requisitionId} and {@code warehouseId} may be null (orders made without a
 * requisition or a warehouse).
 */
public record PurchaseOrderGoodsStored(UUID purchaseOrderId, UUID requisitionId, UUID warehouseId) {
}
