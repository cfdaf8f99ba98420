package io.millflow.pms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "template_dependency")
@IdClass(EdgeKey.class)
class TemplateDependency {

    @Column(name = "template_id", nullable = false)
    private UUID templateId;
    @Id
    @Column(name = "predecessor_id")
    private UUID predecessorId;
    @Id
    @Column(name = "successor_id")
    private UUID successorId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DependencyKind kind;
    @Column(name = "lag_days", nullable = false)
    private int lagDays;

    protected TemplateDependency() {
    }

    TemplateDependency(UUID templateId, UUID predecessorId, UUID successorId, DependencyKind kind, int lagDays) {
        this.templateId = templateId;
        this.predecessorId = predecessorId;
        this.successorId = successorId;
        this.kind = kind;
        this.lagDays = lagDays;
    }

    UUID getPredecessorId() { return predecessorId; }
    UUID getSuccessorId() { return successorId; }
    DependencyKind getKind() { return kind; }
    int getLagDays() { return lagDays; }
}
