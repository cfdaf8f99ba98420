package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * What every approval level's decision records, whatever it decides on (a requisition, a purchase order change):
 * level, role, who, APPROVED or REJECTED, comment, when and the task. Immutable once written.
 */
@MappedSuperclass
public abstract class ApprovalDecision {

    @Id
    private UUID id;
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

    protected ApprovalDecision() {
    }

    protected ApprovalDecision(int level, String role, String decidedBy, boolean approved, String comment,
            Instant decidedAt, String taskId) {
        this.id = UUID.randomUUID();
        this.level = level;
        this.role = role;
        this.decidedBy = decidedBy;
        this.decision = approved ? "APPROVED" : "REJECTED";
        this.comment = comment;
        this.decidedAt = decidedAt;
        this.taskId = taskId;
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
