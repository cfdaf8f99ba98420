package io.millflow.procurement;

/** The supplier's answer to one purchase order line (column {@code purchase_order_line.confirmation}). */
public enum LineConfirmation {
    /** Not answered yet. */
    OPEN,
    CONFIRMED,
    DECLINED
}
