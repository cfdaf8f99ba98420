package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The decision of one approval level on a requisition. Immutable once written. */
@Entity
@Table(name = "requisition_approval")
public class RequisitionApproval extends ApprovalDecision {

    @Column(name = "requisition_id", nullable = false)
    private UUID requisitionId;
    @Column(nullable = false)
    private boolean overdue;

    protected RequisitionApproval() {
    }

    RequisitionApproval(UUID requisitionId, int level, String role, String decidedBy, boolean approved, String comment,
            Instant decidedAt, String taskId, boolean overdue) {
        super(level, role, decidedBy, approved, comment, decidedAt, taskId);
        this.requisitionId = requisitionId;
        this.overdue = overdue;
    }

    public UUID getRequisitionId() {
        return requisitionId;
    }

    public boolean isOverdue() {
        return overdue;
    }
}
