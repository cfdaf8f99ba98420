package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a requisition: a catalogue line (item, and the supplier item whose price it took) or a free-text
 * line (description, price typed in, optionally a supplier). Quantity is in {@code unit}; the line amount is in
 * the requisition's currency.
 */
@Entity
@Table(name = "purchase_requisition_line")
public class PurchaseRequisitionLine {

    @Id
    private UUID id;
    @Column(name = "requisition_id", nullable = false)
    private UUID requisitionId;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(name = "item_id")
    private UUID itemId;
    @Column(name = "supplier_item_id")
    private UUID supplierItemId;
    @Column(name = "supplier_id")
    private UUID supplierId;
    @Column(nullable = false)
    private String description;
    @Column(nullable = false, precision = 15, scale = 3)
    private BigDecimal quantity;
    @Column(nullable = false)
    private String unit;
    @Column(name = "unit_price", nullable = false, precision = 15, scale = 4)
    private BigDecimal unitPrice;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "line_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal lineAmount;
    @Column(name = "needed_by", nullable = false)
    private LocalDate neededBy;
    @Column(name = "purchase_order_line_id")
    private UUID purchaseOrderLineId;
    @Column(name = "proposal_id")
    private UUID proposalId;

    protected PurchaseRequisitionLine() {
    }

    PurchaseRequisitionLine(UUID requisitionId, int lineNo, UUID itemId, UUID supplierItemId, UUID supplierId,
            String description, BigDecimal quantity, String unit, BigDecimal unitPrice, String currency,
            BigDecimal lineAmount, LocalDate neededBy) {
        this.id = UUID.randomUUID();
        this.requisitionId = requisitionId;
        this.lineNo = lineNo;
        this.itemId = itemId;
        this.supplierItemId = supplierItemId;
        this.supplierId = supplierId;
        this.description = description;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.lineAmount = lineAmount;
        this.neededBy = neededBy;
    }

    void forProposal(UUID proposalId) {
        this.proposalId = proposalId;
    }

    void orderedAs(UUID purchaseOrderLineId) {
        this.purchaseOrderLineId = purchaseOrderLineId;
    }

    /** Whether the line names a catalogue item. */
    public boolean isCatalogue() {
        return itemId != null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getRequisitionId() {
        return requisitionId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public UUID getItemId() {
        return itemId;
    }

    public UUID getSupplierItemId() {
        return supplierItemId;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getLineAmount() {
        return lineAmount;
    }

    public LocalDate getNeededBy() {
        return neededBy;
    }

    public UUID getPurchaseOrderLineId() {
        return purchaseOrderLineId;
    }

    /** The replenishment proposal this line orders, or null. */
    public UUID getProposalId() {
        return proposalId;
    }
}
