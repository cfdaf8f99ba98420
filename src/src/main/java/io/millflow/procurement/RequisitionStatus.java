package io.millflow.procurement;

/** Life of a purchase requisition. */
public enum RequisitionStatus {
    /** Submitted; the approval levels decide in turn. */
    IN_APPROVAL,
    /** A level rejected it; the reason is kept. Final. */
    REJECTED,
    /** All levels approved and the purchase order exists. Final. */
    ORDERED
}
