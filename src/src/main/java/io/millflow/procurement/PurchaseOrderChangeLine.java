package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One step of a purchase order change: CHANGE an existing line (new quantity, price, delivery date), ADD a
 * line, or CANCEL a line.
 */
@Entity
@Table(name = "purchase_order_change_line")
public class PurchaseOrderChangeLine {

    public static final String CHANGE = "CHANGE";
    public static final String ADD = "ADD";
    public static final String CANCEL = "CANCEL";

    @Id
    private UUID id;
    @Column(name = "change_id", nullable = false)
    private UUID changeId;
    @Column(nullable = false)
    private int seq;
    @Column(nullable = false)
    private String action;
    @Column(name = "purchase_order_line_id")
    private UUID purchaseOrderLineId;
    @Column(name = "item_id")
    private UUID itemId;
    @Column(name = "supplier_item_id")
    private UUID supplierItemId;
    private String description;
    @Column(precision = 15, scale = 3)
    private BigDecimal quantity;
    private String unit;
    @Column(name = "unit_price", precision = 15, scale = 4)
    private BigDecimal unitPrice;
    @Column(name = "delivery_date")
    private LocalDate deliveryDate;

    protected PurchaseOrderChangeLine() {
    }

    PurchaseOrderChangeLine(UUID changeId, int seq, String action, UUID purchaseOrderLineId, UUID itemId,
            UUID supplierItemId, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            LocalDate deliveryDate) {
        this.id = UUID.randomUUID();
        this.changeId = changeId;
        this.seq = seq;
        this.action = action;
        this.purchaseOrderLineId = purchaseOrderLineId;
        this.itemId = itemId;
        this.supplierItemId = supplierItemId;
        this.description = description;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
        this.deliveryDate = deliveryDate;
    }

    public UUID getId() {
        return id;
    }

    public UUID getChangeId() {
        return changeId;
    }

    public int getSeq() {
        return seq;
    }

    public String getAction() {
        return action;
    }

    public UUID getPurchaseOrderLineId() {
        return purchaseOrderLineId;
    }

    public UUID getItemId() {
        return itemId;
    }

    public UUID getSupplierItemId() {
        return supplierItemId;
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

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }
}
