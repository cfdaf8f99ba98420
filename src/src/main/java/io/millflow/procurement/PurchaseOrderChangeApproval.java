package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The decision of one approval level on a purchase order change. Immutable once written. */
@Entity
@Table(name = "purchase_order_change_approval")
public class PurchaseOrderChangeApproval {

    @Id
    private UUID id;
    @Column(name = "change_id", nullable = false)
    private UUID changeId;
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

    protected PurchaseOrderChangeApproval() {
    }

    PurchaseOrderChangeApproval(UUID changeId, int level, String role, String decidedBy, boolean approved,
            String comment, Instant decidedAt, String taskId) {
        this.id = UUID.randomUUID();
        this.changeId = changeId;
        this.level = level;
        this.role = role;
        this.decidedBy = decidedBy;
        this.decision = approved ? "APPROVED" : "REJECTED";
        this.comment = comment;
        this.decidedAt = decidedAt;
        this.taskId = taskId;
    }

    public UUID getChangeId() {
        return changeId;
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
}
