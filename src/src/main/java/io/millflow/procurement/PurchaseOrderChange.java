package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A requested change of a purchase order. One that raises the total waits IN_APPROVAL (process
 * {@code purchase-order-change}); it is APPLIED after the last approval or REJECTED; WITHDRAWN when the order
 * was cancelled meanwhile. A change that does not raise the total is APPLIED at once.
 */
@Entity
@Table(name = "purchase_order_change")
public class PurchaseOrderChange {

    public static final String IN_APPROVAL = "IN_APPROVAL";
    public static final String APPLIED = "APPLIED";
    public static final String REJECTED = "REJECTED";
    public static final String WITHDRAWN = "WITHDRAWN";

    @Id
    private UUID id;
    @Column(name = "purchase_order_id", nullable = false)
    private UUID purchaseOrderId;
    @Column(name = "base_revision", nullable = false)
    private int baseRevision;
    @Column(nullable = false)
    private String status;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    private String reason;
    @Column(name = "old_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal oldTotal;
    @Column(name = "new_total", nullable = false, precision = 19, scale = 2)
    private BigDecimal newTotal;
    @Column(name = "new_total_eur", nullable = false, precision = 19, scale = 2)
    private BigDecimal newTotalEur;
    @Column(name = "approval_levels")
    private String approvalLevels;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Version
    private long version;

    protected PurchaseOrderChange() {
    }

    PurchaseOrderChange(UUID purchaseOrderId, int baseRevision, String requestedBy, String reason,
            BigDecimal oldTotal, BigDecimal newTotal, BigDecimal newTotalEur, Instant now) {
        this.id = UUID.randomUUID();
        this.purchaseOrderId = purchaseOrderId;
        this.baseRevision = baseRevision;
        this.requestedBy = requestedBy;
        this.reason = reason;
        this.oldTotal = oldTotal;
        this.newTotal = newTotal;
        this.newTotalEur = newTotalEur;
        this.status = IN_APPROVAL;
        this.createdAt = now;
    }

    /** Whether the change raises the order's total (then it needs approval). */
    public boolean raisesTotal() {
        return newTotal.compareTo(oldTotal) > 0;
    }

    void startedAs(String processInstanceId, List<String> levels) {
        this.processInstanceId = processInstanceId;
        this.approvalLevels = String.join(",", levels);
    }

    void applied(Instant now) {
        this.status = APPLIED;
        this.decidedAt = now;
    }

    void rejected(String reason, Instant now) {
        this.status = REJECTED;
        this.rejectionReason = reason;
        this.decidedAt = now;
    }

    void withdrawn(Instant now) {
        this.status = WITHDRAWN;
        this.decidedAt = now;
    }

    public List<String> approvalLevelList() {
        return approvalLevels == null || approvalLevels.isBlank() ? List.of()
                : Arrays.stream(approvalLevels.split(",")).map(String::trim).toList();
    }

    public UUID getId() {
        return id;
    }

    public UUID getPurchaseOrderId() {
        return purchaseOrderId;
    }

    public int getBaseRevision() {
        return baseRevision;
    }

    public String getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getReason() {
        return reason;
    }

    public BigDecimal getOldTotal() {
        return oldTotal;
    }

    public BigDecimal getNewTotal() {
        return newTotal;
    }

    public BigDecimal getNewTotalEur() {
        return newTotalEur;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
