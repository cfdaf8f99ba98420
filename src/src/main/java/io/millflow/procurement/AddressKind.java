package io.millflow.procurement;

/** What a supplier address is for (one of each kind per supplier). */
public enum AddressKind {
    ORDERING,
    REMIT_TO,
    SHIP_FROM,
    RETURNS
}
