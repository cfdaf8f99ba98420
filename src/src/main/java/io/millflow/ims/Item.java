package io.millflow.ims;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A stock-keeping unit: what is bought, stored and issued. Quantities are kept in its base unit. */
@Entity
@Table(name = "item")
public class Item {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String sku;
    @Column(nullable = false)
    private String name;
    private String description;
    private String category;
    @Column(name = "base_unit", nullable = false)
    private String baseUnit;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Tracking tracking;
    @Column(name = "shelf_life_days")
    private Integer shelfLifeDays;
    @Column(name = "abc_class", nullable = false)
    private String abcClass;
    @Column(nullable = false)
    private boolean active;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "item_unit", joinColumns = @JoinColumn(name = "item_id"))
    @MapKeyColumn(name = "unit_code")
    @Column(name = "factor")
    private Map<String, BigDecimal> alternativeUnits = new HashMap<>();
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Item() {
    }

    Item(String sku, Instant now) {
        this.id = UUID.randomUUID();
        this.sku = sku;
        this.createdAt = now;
        this.updatedAt = now;
        this.active = true;
    }

    void update(String name, String description, String category, String baseUnit, Tracking tracking,
            Integer shelfLifeDays, String abcClass, boolean active, Map<String, BigDecimal> alternativeUnits,
            Instant now) {
        this.name = name;
        this.description = description;
        this.category = category;
        this.baseUnit = baseUnit;
        this.tracking = tracking;
        this.shelfLifeDays = shelfLifeDays;
        this.abcClass = abcClass;
        this.active = active;
        this.alternativeUnits.clear();
        this.alternativeUnits.putAll(alternativeUnits);
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getCategory() {
        return category;
    }

    public String getBaseUnit() {
        return baseUnit;
    }

    public Tracking getTracking() {
        return tracking;
    }

    public Integer getShelfLifeDays() {
        return shelfLifeDays;
    }

    public String getAbcClass() {
        return abcClass;
    }

    public boolean isActive() {
        return active;
    }

    public Map<String, BigDecimal> getAlternativeUnits() {
        return Map.copyOf(alternativeUnits);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
