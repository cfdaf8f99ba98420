package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The decision of one approval level on a requisition. Immutable once written. */
@Entity
@Table(name = "requisition_approval")
public class RequisitionApproval {

    @Id
    private UUID id;
    @Column(name = "requisition_id", nullable = false)
    private UUID requisitionId;
    @Column(nullable = false)
    private int level;
    @Column(nullable = false)
    private String role;
    @Column(name = "decided_by", nullable = false)
    private String decidedBy;
    @Column(nullable = false)
    private String decision;
    private String comment;
    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;
    @Column(name = "task_id", nullable = false)
    private String taskId;
    @Column(nullable = false)
    private boolean overdue;

    protected RequisitionApproval() {
    }

    RequisitionApproval(UUID requisitionId, int level, String role, String decidedBy, boolean approved, String comment,
            Instant decidedAt, String taskId, boolean overdue) {
        this.id = UUID.randomUUID();
        this.requisitionId = requisitionId;
        this.level = level;
        this.role = role;
        this.decidedBy = decidedBy;
        this.decision = approved ? "APPROVED" : "REJECTED";
        this.comment = comment;
        this.decidedAt = decidedAt;
        this.taskId = taskId;
        this.overdue = overdue;
    }

    public UUID getRequisitionId() {
        return requisitionId;
    }

    public int getLevel() {
        return level;
    }

    public String getRole() {
        return role;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getDecision() {
        return decision;
    }

    public boolean isApproved() {
        return "APPROVED".equals(decision);
    }

    public String getComment() {
        return comment;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getTaskId() {
        return taskId;
    }

    public boolean isOverdue() {
        return overdue;
    }
}
