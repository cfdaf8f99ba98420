package io.millflow.ims;

import io.millflow.shared.ProblemException;
import java.util.Arrays;

/**
 * SAP-style movement types. Each has a direction (from a virtual location into the shelves, out of the
 * shelves into a virtual location, or between shelves) and a reversal type that undoes it.
 */
public enum MovementType {
    GOODS_RECEIPT("101", LocationType.SUPPLIER, null, true, "Goods receipt against a purchase order"),
    GOODS_RECEIPT_REVERSAL("102", null, LocationType.SUPPLIER, false, "Reversal of a goods receipt"),
    RETURN_TO_SUPPLIER("122", null, LocationType.SUPPLIER, true, "Return to supplier"),
    RETURN_TO_SUPPLIER_REVERSAL("123", LocationType.SUPPLIER, null, false, "Reversal of a return to supplier"),
    ISSUE_COST_CENTRE("201", null, LocationType.COST_CENTRE, true, "Issue to a cost centre"),
    ISSUE_COST_CENTRE_REVERSAL("202", LocationType.COST_CENTRE, null, false, "Reversal of an issue to a cost centre"),
    ISSUE_PROJECT("221", null, LocationType.PROJECT, true, "Issue to a project"),
    ISSUE_PROJECT_REVERSAL("222", LocationType.PROJECT, null, false, "Reversal of an issue to a project"),
    ISSUE_PRODUCTION("261", null, LocationType.PRODUCTION, true, "Issue to a production order"),
    ISSUE_PRODUCTION_REVERSAL("262", LocationType.PRODUCTION, null, false, "Reversal of an issue to production"),
    TRANSFER("311", null, null, false, "Transfer between locations"),
    TRANSFER_REVERSAL("312", null, null, false, "Reversal of a transfer"),
    RECEIPT_WITHOUT_ORDER("501", LocationType.SUPPLIER, null, false, "Receipt without purchase order"),
    RECEIPT_WITHOUT_ORDER_REVERSAL("502", null, LocationType.SUPPLIER, false, "Reversal of a receipt without order"),
    SCRAP("551", null, LocationType.INVENTORY_LOSS, false, "Scrapping"),
    SCRAP_REVERSAL("552", LocationType.INVENTORY_LOSS, null, false, "Reversal of scrapping"),
    INITIAL_ENTRY("561", LocationType.OPENING_BALANCE, null, false, "Initial entry of stock balances"),
    INITIAL_ENTRY_REVERSAL("562", null, LocationType.OPENING_BALANCE, false, "Reversal of an initial entry of stock"),
    COUNT_GAIN("701", LocationType.INVENTORY_LOSS, null, false, "Inventory count gain"),
    COUNT_LOSS("702", null, LocationType.INVENTORY_LOSS, false, "Inventory count loss");

    private final String code;
    private final LocationType virtualFrom;
    private final LocationType virtualTo;
    private final boolean referenceRequired;
    private final String label;

    MovementType(String code, LocationType virtualFrom, LocationType virtualTo, boolean referenceRequired,
            String label) {
        this.code = code;
        this.virtualFrom = virtualFrom;
        this.virtualTo = virtualTo;
        this.referenceRequired = referenceRequired;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The virtual location type stock comes from, or null when it comes from a shelf. */
    public LocationType virtualFrom() {
        return virtualFrom;
    }

    /** The virtual location type stock goes to, or null when it goes to a shelf. */
    public LocationType virtualTo() {
        return virtualTo;
    }

    /** Whether the document must name what it posts against (order, cost centre, project...). */
    public boolean referenceRequired() {
        return referenceRequired;
    }

    /** Brings stock into the shelves from outside (a receipt, count gain or reversed issue). */
    public boolean isInbound() {
        return virtualFrom != null;
    }

    /** Takes stock out of the shelves (an issue, scrap, count loss or reversed receipt). */
    public boolean isOutbound() {
        return virtualTo != null;
    }

    /** Consumes stock for a purpose: expired lots must not be issued so. */
    public boolean isConsumption() {
        return this == ISSUE_COST_CENTRE || this == ISSUE_PROJECT || this == ISSUE_PRODUCTION;
    }

    /** Whether this type undoes another (such documents cannot be reversed in turn). */
    public boolean isReversal() {
        return switch (this) {
            case GOODS_RECEIPT_REVERSAL, RETURN_TO_SUPPLIER_REVERSAL, ISSUE_COST_CENTRE_REVERSAL, ISSUE_PROJECT_REVERSAL,
                    ISSUE_PRODUCTION_REVERSAL, TRANSFER_REVERSAL, RECEIPT_WITHOUT_ORDER_REVERSAL, SCRAP_REVERSAL, INITIAL_ENTRY_REVERSAL -> true;
            default -> false;
        };
    }

    /**
     * The type that undoes this one: the next number (101 → 102). Count differences are each other's
     * reversal: a 701 gain is undone by a 702 loss and the other way round.
     */
    public MovementType reversal() {
        return switch (this) {
            case COUNT_GAIN -> COUNT_LOSS;
            case COUNT_LOSS -> COUNT_GAIN;
            default -> {
                if (isReversal()) {
                    throw new ProblemException.Conflict("A " + code + " document is itself a reversal; post a new "
                            + (Integer.parseInt(code) - 1) + " instead of reversing it");
                }
                yield of(String.valueOf(Integer.parseInt(code) + 1));
            }
        };
    }

    public static MovementType of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new ProblemException.InvalidInput("movementType",
                        "is not a known movement type: " + code + " (known: " + Arrays.stream(values())
                                .map(MovementType::code).toList() + ")"));
    }
}
