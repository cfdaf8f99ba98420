package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An order to one supplier, with lines ({@link PurchaseOrderLine}). Created from an approved requisition, one
 * per supplier of its lines; DRAFT while it has no supplier or its supplier is blocked. The header's
 * {@code itemDescription}, {@code quantity} and {@code unitPrice} are left from the one-line orders of before
 * V7 (new orders keep a summary in {@code itemDescription} only); the total is the sum of the open lines.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String number;
    @Column(name = "requisition_id")
    private UUID requisitionId;
    @Column(name = "item_description")
    private String itemDescription;
    @Column(precision = 15, scale = 3)
    private BigDecimal quantity;
    @Column(name = "unit_price", precision = 15, scale = 2)
    private BigDecimal unitPrice;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "total_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal totalAmount;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurchaseOrderStatus status;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "supplier_id")
    private UUID supplierId;
    @Column(name = "warehouse_id")
    private UUID warehouseId;
    private String buyer;
    @Column(nullable = false)
    private int revision;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected PurchaseOrder() {
    }

    PurchaseOrder(String number, UUID requisitionId, UUID supplierId, UUID warehouseId, String currency,
            String buyer, String summary, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.requisitionId = requisitionId;
        this.supplierId = supplierId;
        this.warehouseId = warehouseId;
        this.currency = currency;
        this.buyer = buyer;
        this.itemDescription = summary;
        this.totalAmount = BigDecimal.ZERO.setScale(2);
        this.status = PurchaseOrderStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void total(BigDecimal totalAmount, Instant now) {
        this.totalAmount = totalAmount;
        this.updatedAt = now;
    }

    void send(Instant now) {
        this.status = PurchaseOrderStatus.SENT;
        this.sentAt = now;
        this.updatedAt = now;
    }

    void assignSupplier(UUID supplierId, String currency, String buyer, Instant now) {
        this.supplierId = supplierId;
        this.currency = currency;
        this.buyer = buyer;
        this.updatedAt = now;
    }

    void revised(BigDecimal totalAmount, Instant now) {
        this.revision++;
        this.totalAmount = totalAmount;
        this.updatedAt = now;
    }

    void cancel(String reason, Instant now) {
        this.status = PurchaseOrderStatus.CANCELLED;
        this.cancelReason = reason;
        this.updatedAt = now;
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

    public PurchaseOrderStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public UUID getWarehouseId() {
        return warehouseId;
    }

    public String getBuyer() {
        return buyer;
    }

    public int getRevision() {
        return revision;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    // Fulfilment (confirm, receive, invoice, close) adds its mutators below this line.

    /** The revision last sent to the supplier (null before the first sending). */
    @Column(name = "sent_revision")
    private Integer sentRevision;

    public Integer getSentRevision() {
        return sentRevision;
    }

    void processStarted(String processInstanceId, Instant now) {
        this.processInstanceId = processInstanceId;
        this.updatedAt = now;
    }

    /** Sent (again): this revision is what the supplier sees now. */
    void sent(Instant now) {
        if (status == PurchaseOrderStatus.DRAFT || status == PurchaseOrderStatus.SENT || sentAt == null) {
            this.status = PurchaseOrderStatus.SENT;
        }
        this.sentAt = now;
        this.sentRevision = revision;
        this.updatedAt = now;
    }

    void confirmed(Instant now) {
        this.status = PurchaseOrderStatus.CONFIRMED;
        this.confirmedAt = now;
        this.updatedAt = now;
    }

    /** After a receipt or a return: RECEIVED when nothing confirmed is open, else PARTIALLY_RECEIVED. */
    void receivingProgress(boolean quantityOpen, Instant now) {
        this.status = quantityOpen ? PurchaseOrderStatus.PARTIALLY_RECEIVED : PurchaseOrderStatus.RECEIVED;
        this.updatedAt = now;
    }

    void closed(Instant now) {
        this.status = PurchaseOrderStatus.CLOSED;
        this.closedAt = now;
        this.updatedAt = now;
    }

    void declinedBySupplier(String reason, Instant now) {
        cancel(reason, now);
    }
}
