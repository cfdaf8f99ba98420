package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The decision of one approval level on a purchase order change. Immutable once written. */
@Entity
@Table(name = "purchase_order_change_approval")
public class PurchaseOrderChangeApproval extends ApprovalDecision {

    @Column(name = "change_id", nullable = false)
    private UUID changeId;

    protected PurchaseOrderChangeApproval() {
    }

    PurchaseOrderChangeApproval(UUID changeId, int level, String role, String decidedBy, boolean approved,
            String comment, Instant decidedAt, String taskId) {
        super(level, role, decidedBy, approved, comment, decidedAt, taskId);
        this.changeId = changeId;
    }

    public UUID getChangeId() {
        return changeId;
    }
}
