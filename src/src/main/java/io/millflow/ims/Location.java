package io.millflow.ims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A place stock can be: a zone, aisle or bin of a warehouse (a tree), or a virtual location standing for
 * suppliers, customers, consumption or loss. {@code path} lists the ids from the warehouse down.
 */
@Entity
@Table(name = "location")
public class Location {

    @Id
    private UUID id;
    @Column(name = "warehouse_id")
    private UUID warehouseId;
    @Column(name = "site_id")
    private UUID siteId;
    @Column(name = "parent_id")
    private UUID parentId;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LocationType type;
    @Column(nullable = false)
    private boolean virtual;
    @Column(nullable = false)
    private boolean active;
    @Column(nullable = false)
    private String path;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Location() {
    }

    Location(Warehouse warehouse, Location parent, String code, String name, LocationType type, Instant now) {
        this.id = UUID.randomUUID();
        this.warehouseId = warehouse.getId();
        this.siteId = warehouse.getSiteId();
        this.parentId = parent == null ? null : parent.getId();
        this.code = code;
        this.name = name;
        this.type = type;
        this.virtual = false;
        this.active = true;
        this.path = (parent == null ? "/" + warehouse.getId() + "/" : parent.getPath()) + id + "/";
        this.createdAt = now;
    }

    void update(String name, LocationType type, boolean active) {
        this.name = name;
        this.type = type;
        this.active = active;
    }

    public UUID getId() {
        return id;
    }

    public UUID getWarehouseId() {
        return warehouseId;
    }

    public UUID getSiteId() {
        return siteId;
    }

    public UUID getParentId() {
        return parentId;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public LocationType getType() {
        return type;
    }

    public boolean isVirtual() {
        return virtual;
    }

    public boolean isActive() {
        return active;
    }

    public String getPath() {
        return path;
    }
}
