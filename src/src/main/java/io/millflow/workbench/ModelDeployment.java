package io.millflow.workbench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who deployed a version through the workbench, when and why; the engine holds the version itself. */
@Entity
@Table(name = "process_deployment")
class ModelDeployment {

    @Id
    private UUID id;
    @Column(name = "deployment_id", nullable = false)
    private String deploymentId;
    @Column(name = "definition_id")
    private String definitionId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModelKind kind;
    @Column(name = "model_key", nullable = false)
    private String key;
    private Integer version;
    @Column(nullable = false)
    private String source;
    @Column(name = "deployed_by", nullable = false)
    private String deployedBy;
    @Column(name = "deployed_at", nullable = false)
    private Instant deployedAt;
    private String comment;
    @Column(name = "draft_id")
    private UUID draftId;

    protected ModelDeployment() {
    }

    ModelDeployment(String deploymentId, String definitionId, ModelKind kind, String key, int version, String source,
            String deployedBy, Instant deployedAt, String comment, UUID draftId) {
        this.id = UUID.randomUUID();
        this.deploymentId = deploymentId;
        this.definitionId = definitionId;
        this.kind = kind;
        this.key = key;
        this.version = version;
        this.source = source;
        this.deployedBy = deployedBy;
        this.deployedAt = deployedAt;
        this.comment = comment;
        this.draftId = draftId;
    }

    String getDeploymentId() { return deploymentId; }
    String getSource() { return source; }
    String getDeployedBy() { return deployedBy; }
    Instant getDeployedAt() { return deployedAt; }
    String getComment() { return comment; }
}
