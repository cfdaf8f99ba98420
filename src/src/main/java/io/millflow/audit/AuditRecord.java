package io.millflow.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One state change: who did what to which entity, when, with the state before and after (JSON). */
@Entity
@Table(name = "audit_record")
public class AuditRecord implements org.springframework.data.domain.Persistable<UUID> {

    @Id
    private UUID id;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(nullable = false)
    private String actor;
    @Column(nullable = false)
    private String action;
    @Column(name = "entity_type", nullable = false)
    private String entityType;
    @Column(name = "entity_id", nullable = false)
    private String entityId;
    @Column(name = "before_state")
    private String before;
    @Column(name = "after_state")
    private String after;
    /** Records are only ever inserted: saving one must not first look for it (one round trip, not two). */
    @jakarta.persistence.Transient
    private boolean fresh;

    protected AuditRecord() {
    }

    AuditRecord(Instant occurredAt, String actor, String action, String entityType, String entityId, String before,
            String after) {
        this.id = UUID.randomUUID();
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.before = before;
        this.after = after;
        this.fresh = true;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    @jakarta.persistence.PostPersist
    @jakarta.persistence.PostLoad
    void stored() {
        fresh = false;
    }

    public UUID getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }
}
