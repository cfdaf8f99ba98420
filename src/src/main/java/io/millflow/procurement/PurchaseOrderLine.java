package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of a purchase order: what, how much (in {@code unit}), at which price (in the order's currency), by
 * when; then the supplier's confirmation and what was received, returned and invoiced. A cancelled line stays
 * (for the trail) and no longer counts in the total.
 */
@Entity
@Table(name = "purchase_order_line")
public class PurchaseOrderLine {

    @Id
    private UUID id;
    @Column(name = "purchase_order_id", nullable = false)
    private UUID purchaseOrderId;
    @Column(name = "line_no", nullable = false)
    private int lineNo;
    @Column(name = "requisition_line_id")
    private UUID requisitionLineId;
    @Column(name = "item_id")
    private UUID itemId;
    @Column(name = "supplier_item_id")
    private UUID supplierItemId;
    @Column(name = "supplier_sku")
    private String supplierSku;
    @Column(nullable = false)
    private String description;
    @Column(nullable = false, precision = 15, scale = 3)
    private BigDecimal quantity;
    @Column(nullable = false)
    private String unit;
    @Column(name = "unit_price", nullable = false, precision = 15, scale = 4)
    private BigDecimal unitPrice;
    @Column(name = "line_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal lineAmount;
    @Column(name = "delivery_date", nullable = false)
    private LocalDate deliveryDate;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LineConfirmation confirmation;
    @Column(name = "confirmed_quantity", precision = 15, scale = 3)
    private BigDecimal confirmedQuantity;
    @Column(name = "promised_date")
    private LocalDate promisedDate;
    @Column(name = "decline_reason")
    private String declineReason;
    @Column(name = "received_quantity", nullable = false, precision = 15, scale = 3)
    private BigDecimal receivedQuantity;
    @Column(name = "returned_quantity", nullable = false, precision = 15, scale = 3)
    private BigDecimal returnedQuantity;
    @Column(name = "invoiced_quantity", nullable = false, precision = 15, scale = 3)
    private BigDecimal invoicedQuantity;
    @Column(nullable = false)
    private boolean cancelled;

    protected PurchaseOrderLine() {
    }

    PurchaseOrderLine(UUID purchaseOrderId, int lineNo, UUID requisitionLineId, UUID itemId, UUID supplierItemId,
            String supplierSku, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            LocalDate deliveryDate) {
        this.id = UUID.randomUUID();
        this.purchaseOrderId = purchaseOrderId;
        this.lineNo = lineNo;
        this.requisitionLineId = requisitionLineId;
        this.itemId = itemId;
        this.supplierItemId = supplierItemId;
        this.supplierSku = supplierSku;
        this.description = description;
        this.quantity = quantity;
        this.unit = unit;
        this.unitPrice = unitPrice;
        this.lineAmount = amount(quantity, unitPrice);
        this.deliveryDate = deliveryDate;
        this.confirmation = LineConfirmation.OPEN;
        this.receivedQuantity = BigDecimal.ZERO;
        this.returnedQuantity = BigDecimal.ZERO;
        this.invoicedQuantity = BigDecimal.ZERO;
    }

    static BigDecimal amount(BigDecimal quantity, BigDecimal unitPrice) {
        return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
    }

    void change(BigDecimal quantity, BigDecimal unitPrice, LocalDate deliveryDate) {
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.lineAmount = amount(quantity, unitPrice);
        this.deliveryDate = deliveryDate;
    }

    void supplierItem(UUID supplierItemId, String supplierSku) {
        this.supplierItemId = supplierItemId;
        this.supplierSku = supplierSku;
    }

    void cancel() {
        this.cancelled = true;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPurchaseOrderId() {
        return purchaseOrderId;
    }

    public int getLineNo() {
        return lineNo;
    }

    public UUID getRequisitionLineId() {
        return requisitionLineId;
    }

    public UUID getItemId() {
        return itemId;
    }

    public UUID getSupplierItemId() {
        return supplierItemId;
    }

    public String getSupplierSku() {
        return supplierSku;
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

    public BigDecimal getLineAmount() {
        return lineAmount;
    }

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }

    public LineConfirmation getConfirmation() {
        return confirmation;
    }

    public BigDecimal getConfirmedQuantity() {
        return confirmedQuantity;
    }

    public LocalDate getPromisedDate() {
        return promisedDate;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public BigDecimal getReceivedQuantity() {
        return receivedQuantity;
    }

    public BigDecimal getReturnedQuantity() {
        return returnedQuantity;
    }

    public BigDecimal getInvoicedQuantity() {
        return invoicedQuantity;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    // Fulfilment (confirm, receive, return, invoice) adds its mutators below this line.

    void confirm(BigDecimal confirmedQuantity, LocalDate promisedDate) {
        this.confirmation = LineConfirmation.CONFIRMED;
        this.confirmedQuantity = confirmedQuantity;
        this.promisedDate = promisedDate;
        this.declineReason = null;
    }

    void decline(String reason) {
        this.confirmation = LineConfirmation.DECLINED;
        this.confirmedQuantity = null;
        this.promisedDate = null;
        this.declineReason = reason;
    }

    /** A changed order is sent again: the supplier answers anew. */
    void resetConfirmation() {
        this.confirmation = LineConfirmation.OPEN;
        this.confirmedQuantity = null;
        this.promisedDate = null;
        this.declineReason = null;
    }

    void received(BigDecimal quantity) {
        this.receivedQuantity = this.receivedQuantity.add(quantity);
    }

    void returned(BigDecimal quantity) {
        this.returnedQuantity = this.returnedQuantity.add(quantity);
    }

    void invoiced(BigDecimal quantity) {
        this.invoicedQuantity = this.invoicedQuantity.add(quantity);
    }

    /** Received minus returned. */
    public BigDecimal netReceivedQuantity() {
        return receivedQuantity.subtract(returnedQuantity);
    }

    /** What the supplier is to deliver: the confirmed quantity of a confirmed line, nothing otherwise. */
    public BigDecimal expectedQuantity() {
        return !cancelled && confirmation == LineConfirmation.CONFIRMED && confirmedQuantity != null
                ? confirmedQuantity : BigDecimal.ZERO;
    }

    /** Expected minus net received, never below zero. */
    public BigDecimal openQuantity() {
        BigDecimal open = expectedQuantity().subtract(netReceivedQuantity());
        return open.signum() < 0 ? BigDecimal.ZERO : open;
    }
}
