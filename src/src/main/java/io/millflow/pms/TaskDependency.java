package io.millflow.pms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "task_dependency")
@IdClass(EdgeKey.class)
class TaskDependency {

    @Id
    @Column(name = "predecessor_id")
    private UUID predecessorId;
    @Id
    @Column(name = "successor_id")
    private UUID successorId;
    @Column(name = "project_id", nullable = false)
    private UUID projectId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DependencyKind kind;
    @Column(name = "lag_days", nullable = false)
    private int lagDays;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TaskDependency() {
    }

    TaskDependency(UUID projectId, UUID predecessorId, UUID successorId, DependencyKind kind, int lagDays,
            Instant now) {
        this.projectId = projectId;
        this.predecessorId = predecessorId;
        this.successorId = successorId;
        this.kind = kind;
        this.lagDays = lagDays;
        this.createdAt = now;
    }

    UUID getPredecessorId() { return predecessorId; }
    UUID getSuccessorId() { return successorId; }
    UUID getProjectId() { return projectId; }
    DependencyKind getKind() { return kind; }
    int getLagDays() { return lagDays; }

    DependencyView view() {
        return new DependencyView(predecessorId, successorId, kind, lagDays);
    }
}
