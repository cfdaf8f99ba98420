package io.millflow.ims;

/** Kinds of location. The first group are shelves in a warehouse; the rest are virtual. */
public enum LocationType {
    /** A grouping node (zone, aisle) that holds no stock itself. */
    VIEW(false, false),
    STORAGE(false, true),
    RECEIVING(false, true),
    SHIPPING(false, true),
    QUALITY_HOLD(false, false),
    SCRAP(false, false),
    SUPPLIER(true, false),
    CUSTOMER(true, false),
    PROJECT(true, false),
    COST_CENTRE(true, false),
    PRODUCTION(true, false),
    INVENTORY_LOSS(true, false),
    /** Where opening balances come from (movement type 561, initial entry of stock). */
    OPENING_BALANCE(true, false);

    private final boolean virtual;
    private final boolean reservable;

    LocationType(boolean virtual, boolean reservable) {
        this.virtual = virtual;
        this.reservable = reservable;
    }

    public boolean isVirtual() {
        return virtual;
    }

    /** Whether stock here may be reserved (not in quality hold or scrap). */
    public boolean isReservable() {
        return reservable;
    }

    /** Whether stock may be posted here. */
    public boolean holdsStock() {
        return !virtual && this != VIEW;
    }
}
