package io.millflow.workbench;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A model being edited: not deployed, any number per key, each with its author and time. */
@Entity
@Table(name = "process_model_draft")
class ModelDraft {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModelKind kind;
    @Column(name = "model_key", nullable = false)
    private String key;
    private String name;
    @Column(nullable = false)
    private String content;
    @Column(name = "base_version")
    private Integer baseVersion;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected ModelDraft() {
    }

    ModelDraft(ModelKind kind, Integer baseVersion, String by, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.baseVersion = baseVersion;
        this.createdBy = by;
        this.createdAt = now;
    }

    void update(String key, String name, String content, String by, Instant now) {
        this.key = key;
        this.name = name;
        this.content = content;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    void deployedAs(int version) {
        this.baseVersion = version;
    }

    UUID getId() { return id; }
    ModelKind getKind() { return kind; }
    String getKey() { return key; }
    String getContent() { return content; }
    long getVersion() { return version; }
    String getUpdatedBy() { return updatedBy; }
    Instant getUpdatedAt() { return updatedAt; }

    ModelDraftView view() {
        return new ModelDraftView(id, kind, key, name, content, baseVersion, createdBy, createdAt, updatedBy, updatedAt,
                version);
    }
}
