package io.millflow.ims;

import java.util.Map;
import java.util.UUID;

/** The built-in virtual locations (created by the schema migration with these ids). */
public final class VirtualLocations {

    public static final UUID SUPPLIER = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    public static final UUID CUSTOMER = UUID.fromString("00000000-0000-0000-0000-00000000a002");
    public static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-00000000a003");
    public static final UUID COST_CENTRE = UUID.fromString("00000000-0000-0000-0000-00000000a004");
    public static final UUID PRODUCTION = UUID.fromString("00000000-0000-0000-0000-00000000a005");
    public static final UUID INVENTORY_LOSS = UUID.fromString("00000000-0000-0000-0000-00000000a006");
    /** Opening balances (561 initial entry of stock), added by migration V20. */
    public static final UUID OPENING_BALANCE = UUID.fromString("00000000-0000-0000-0000-00000000a007");

    private static final Map<LocationType, UUID> BY_TYPE = Map.of(LocationType.SUPPLIER, SUPPLIER,
            LocationType.CUSTOMER, CUSTOMER, LocationType.PROJECT, PROJECT, LocationType.COST_CENTRE, COST_CENTRE,
            LocationType.PRODUCTION, PRODUCTION, LocationType.INVENTORY_LOSS, INVENTORY_LOSS,
            LocationType.OPENING_BALANCE, OPENING_BALANCE);

    private VirtualLocations() {
    }

    public static UUID of(LocationType type) {
        UUID id = BY_TYPE.get(type);
        if (id == null) {
            throw new IllegalArgumentException(type + " is not a virtual location type");
        }
        return id;
    }
}
