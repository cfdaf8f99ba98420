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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A request to buy something, approved level by level before it becomes a purchase order. */
@Entity
@Table(name = "purchase_requisition")
public class PurchaseRequisition {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String number;
    @Column(nullable = false)
    private String requester;
    @Column(name = "item_description", nullable = false)
    private String itemDescription;
    @Column(nullable = false, precision = 15, scale = 3)
    private BigDecimal quantity;
    @Column(name = "unit_price", nullable = false, precision = 15, scale = 4)
    private BigDecimal unitPrice;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "total_amount", nullable = false, precision = 19, scale = 2)
    private BigDecimal totalAmount;
    @Column(name = "total_amount_eur", nullable = false, precision = 19, scale = 2)
    private BigDecimal totalAmountEur;
    @Column(name = "exchange_rate", nullable = false, precision = 18, scale = 8)
    private BigDecimal exchangeRate;
    @Column(name = "needed_by", nullable = false)
    private LocalDate neededBy;
    @Column(nullable = false)
    private String justification;
    @Column(name = "cost_centre", nullable = false)
    private String costCentre;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequisitionStatus status;
    @Column(name = "approval_levels")
    private String approvalLevels;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "purchase_order_number")
    private String purchaseOrderNumber;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequisitionSource source = RequisitionSource.EMPLOYEE;
    @Column(name = "warehouse_id")
    private UUID warehouseId;
    @Version
    private Long version;

    protected PurchaseRequisition() {
    }

    PurchaseRequisition(String number, String requester, String itemDescription, BigDecimal quantity,
            BigDecimal unitPrice, String currency, BigDecimal totalAmount, BigDecimal totalAmountEur,
            BigDecimal exchangeRate, LocalDate neededBy, String justification, String costCentre, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.requester = requester;
        this.itemDescription = itemDescription;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.currency = currency;
        this.totalAmount = totalAmount;
        this.totalAmountEur = totalAmountEur;
        this.exchangeRate = exchangeRate;
        this.neededBy = neededBy;
        this.justification = justification;
        this.costCentre = costCentre;
        this.status = RequisitionStatus.IN_APPROVAL;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void startedAs(String processInstanceId, List<String> levels, Instant now) {
        this.processInstanceId = processInstanceId;
        this.approvalLevels = String.join(",", levels);
        this.updatedAt = now;
    }

    void reject(String reason, Instant now) {
        this.status = RequisitionStatus.REJECTED;
        this.rejectionReason = reason;
        this.updatedAt = now;
    }

    void ordered(String purchaseOrderNumber, Instant now) {
        this.status = RequisitionStatus.ORDERED;
        this.purchaseOrderNumber = purchaseOrderNumber;
        this.updatedAt = now;
    }

    void raisedBy(RequisitionSource source, UUID warehouseId) {
        this.source = source;
        this.warehouseId = warehouseId;
    }

    public List<String> approvalLevelList() {
        return approvalLevels == null || approvalLevels.isBlank() ? List.of()
                : Arrays.stream(approvalLevels.split(",")).map(String::trim).toList();
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getRequester() {
        return requester;
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

    public BigDecimal getTotalAmountEur() {
        return totalAmountEur;
    }

    public BigDecimal getExchangeRate() {
        return exchangeRate;
    }

    public LocalDate getNeededBy() {
        return neededBy;
    }

    public String getJustification() {
        return justification;
    }

    public String getCostCentre() {
        return costCentre;
    }

    public RequisitionStatus getStatus() {
        return status;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getPurchaseOrderNumber() {
        return purchaseOrderNumber;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public RequisitionSource getSource() {
        return source;
    }

    public UUID getWarehouseId() {
        return warehouseId;
    }
}
