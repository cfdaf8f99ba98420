package io.millflow.ims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A warehouse of a site; its locations form a tree. */
@Entity
@Table(name = "warehouse")
public class Warehouse {

    @Id
    private UUID id;
    @Column(name = "site_id", nullable = false)
    private UUID siteId;
    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Warehouse() {
    }

    Warehouse(UUID siteId, String code, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.siteId = siteId;
        this.code = code;
        this.name = name;
        this.active = true;
        this.createdAt = now;
    }

    void update(String name, boolean active) {
        this.name = name;
        this.active = active;
    }

    public UUID getId() {
        return id;
    }

    public UUID getSiteId() {
        return siteId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
