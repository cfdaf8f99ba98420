package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order to a supplier, created from a fully approved requisition (at most one per requisition). */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String number;
    @Column(name = "requisition_id", nullable = false, unique = true)
    private UUID requisitionId;
    @Column(name = "item_description", nullable = false)
    private String itemDescription;
    @Column(nullable = false, precision = 15, scale = 3)
    private BigDecimal quantity;
    @Column(name = "unit_price", nullable = false, precision = 15, scale = 2)
    private BigDecimal unitPrice;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "total_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal totalAmount;
    @Column(nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PurchaseOrder() {
    }

    PurchaseOrder(String number, PurchaseRequisition requisition, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.requisitionId = requisition.getId();
        this.itemDescription = requisition.getItemDescription();
        this.quantity = requisition.getQuantity();
        this.unitPrice = requisition.getUnitPrice();
        this.currency = requisition.getCurrency();
        this.totalAmount = requisition.getTotalAmount();
        this.status = "CREATED";
        this.createdAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public UUID getRequisitionId() {
        return requisitionId;
    }

    public String getItemDescription() {
        return itemDescription;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
