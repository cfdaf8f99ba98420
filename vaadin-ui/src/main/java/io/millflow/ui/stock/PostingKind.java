package io.millflow.ui.stock;

import io.millflow.ims.MovementType;

/** The movement types a warehouse clerk posts by hand, and which fields each needs. */
enum PostingKind {
    GOODS_RECEIPT(MovementType.GOODS_RECEIPT, "Purchase order"),
    RECEIPT_WITHOUT_ORDER(MovementType.RECEIPT_WITHOUT_ORDER, "Reference (delivery note)"),
    ISSUE_COST_CENTRE(MovementType.ISSUE_COST_CENTRE, "Cost centre"),
    ISSUE_PROJECT(MovementType.ISSUE_PROJECT, "Project"),
    ISSUE_PRODUCTION(MovementType.ISSUE_PRODUCTION, "Production order"),
    TRANSFER(MovementType.TRANSFER, "Reference"),
    SCRAP(MovementType.SCRAP, "Reference");

    private final MovementType type;
    private final String referenceLabel;

    PostingKind(MovementType type, String referenceLabel) {
        this.type = type;
        this.referenceLabel = referenceLabel;
    }

    String code() {
        return type.code();
    }

    String label() {
        return type.code() + " · " + type.label();
    }

    String referenceLabel() {
        return referenceLabel;
    }

    boolean referenceRequired() {
        return type.referenceRequired();
    }

    /** Takes stock from a shelf (issues, transfers, scrap). */
    boolean needsFrom() {
        return type.virtualFrom() == null;
    }

    /** Puts stock on a shelf (receipts, transfers). */
    boolean needsTo() {
        return type.virtualTo() == null;
    }

    /** Receipts bring a new lot (with its expiry) and a unit cost. */
    boolean isReceipt() {
        return type.isInbound();
    }

    static PostingKind of(String code) {
        for (PostingKind k : values()) {
            if (k.code().equals(code)) {
                return k;
            }
        }
        return null;
    }
}
