package io.millflow.pms.material;

/** Where a material request stands (column {@code material_request.status}). */
public enum MaterialRequestStatus {
    /** Just asked; nothing reserved yet. */
    REQUESTED,
    /** Part is reserved; the rest is requisitioned and awaited. */
    SHORT,
    /** Everything is reserved; the warehouse picks it. */
    RESERVED,
    /** Issued to the project (221). */
    ISSUED,
    /** Cancelled; its reservations were released. */
    CANCELLED
}
