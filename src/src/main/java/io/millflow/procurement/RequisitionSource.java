package io.millflow.procurement;

/** Who raised a requisition (column {@code purchase_requisition.source}). */
public enum RequisitionSource {
    /** A person, through the form or the API; goes through the approval chain. */
    EMPLOYEE,
    /** Accepted replenishment proposals; approved when accepted, no approval chain. */
    REPLENISHMENT
}
