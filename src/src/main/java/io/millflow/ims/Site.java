package io.millflow.ims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A plant or office of the firm; stock is valued per item and site. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    private UUID id;
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

    protected Site() {
    }

    Site(String code, String name, Instant now) {
        this.id = UUID.randomUUID();
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
