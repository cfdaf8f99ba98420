package io.millflow.pms;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A task of a project; dates are calendar days, inclusive. A milestone starts and ends on the same day. */
@Entity
@Table(name = "task")
class Task {

    @Id
    private UUID id;
    @Column(name = "project_id", nullable = false)
    private UUID projectId;
    @Column(name = "parent_id")
    private UUID parentId;
    @Column(nullable = false)
    private int number;
    @Column(nullable = false)
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskStatus status;
    @Column(name = "board_rank", nullable = false)
    private int boardRank;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskPriority priority;
    @Column(nullable = false)
    private boolean milestone;
    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;
    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Column(name = "estimate_hours")
    private BigDecimal estimateHours;
    private String assignee;
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 1000)
    @CollectionTable(name = "task_label", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "label")
    private Set<String> labels = new TreeSet<>();
    @Column(name = "needs_approval", nullable = false)
    private boolean needsApproval;
    @Column(name = "approval_state")
    private String approvalState;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Task() {
    }

    Task(UUID projectId, int number, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.number = number;
        this.status = TaskStatus.TODO;
        this.priority = TaskPriority.NORMAL;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String key() {
        return keyOf(number);
    }

    static String keyOf(int number) {
        return "T-" + number;
    }

    void setParentId(UUID parentId) { this.parentId = parentId; }
    void setName(String name) { this.name = name; }
    void setDescription(String description) { this.description = description; }
    void setPriority(TaskPriority priority) { this.priority = priority; }
    void setMilestone(boolean milestone) { this.milestone = milestone; }
    void setDates(LocalDate start, LocalDate end) { this.startDate = start; this.endDate = end; }
    void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    void setEstimateHours(BigDecimal estimateHours) { this.estimateHours = estimateHours; }
    void setAssignee(String assignee) { this.assignee = assignee; }
    void setNeedsApproval(boolean needsApproval) { this.needsApproval = needsApproval; }
    void setApprovalState(String approvalState) { this.approvalState = approvalState; }
    void setBoardRank(int boardRank) { this.boardRank = boardRank; }

    void setLabels(Set<String> labels) {
        this.labels.clear();
        this.labels.addAll(labels);
    }

    void setStatus(TaskStatus status, Instant now) {
        this.status = status;
        this.completedAt = status == TaskStatus.DONE ? now : null;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    UUID getId() { return id; }
    UUID getProjectId() { return projectId; }
    UUID getParentId() { return parentId; }
    int getNumber() { return number; }
    String getName() { return name; }
    String getDescription() { return description; }
    TaskStatus getStatus() { return status; }
    int getBoardRank() { return boardRank; }
    TaskPriority getPriority() { return priority; }
    boolean isMilestone() { return milestone; }
    LocalDate getStartDate() { return startDate; }
    LocalDate getEndDate() { return endDate; }
    LocalDate getDueDate() { return dueDate; }
    BigDecimal getEstimateHours() { return estimateHours; }
    String getAssignee() { return assignee; }
    Set<String> getLabels() { return labels; }
    boolean isNeedsApproval() { return needsApproval; }
    String getApprovalState() { return approvalState; }
    Instant getCompletedAt() { return completedAt; }
    long getVersion() { return version; }
}
