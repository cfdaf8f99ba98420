package io.millflow.procurement;

/** Life of a purchase order (column {@code purchase_order.status}). */
public enum PurchaseOrderStatus {
    /** Not sent: no supplier yet, or its supplier is blocked. A buyer assigns a supplier. */
    DRAFT,
    /** Sent to its supplier; waiting for the confirmation. */
    SENT,
    /** The supplier answered every line, at least one confirmed. */
    CONFIRMED,
    /** Some goods received. */
    PARTIALLY_RECEIVED,
    /** Everything received. */
    RECEIVED,
    /** Received and three-way matched. Final. */
    CLOSED,
    /** Cancelled before anything was received. Final. */
    CANCELLED;

    /** Whether the order is still open for change or cancellation (nothing received, not final). */
    public boolean isChangeable() {
        return this == DRAFT || this == SENT || this == CONFIRMED;
    }
}
