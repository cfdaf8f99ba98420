package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What one supplier sells of one item: its SKU, order unit, lead time, minimum order quantity and pack size
 * (both in the order unit), the currency of its prices, and whether it is the item's preferred source.
 */
@Entity
@Table(name = "supplier_item")
public class SupplierItem {

    @Id
    private UUID id;
    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;
    @Column(name = "item_id", nullable = false)
    private UUID itemId;
    @Column(name = "supplier_sku", nullable = false)
    private String supplierSku;
    @Column(name = "supplier_description")
    private String supplierDescription;
    @Column(name = "order_unit", nullable = false)
    private String orderUnit;
    @Column(name = "lead_time_days", nullable = false)
    private int leadTimeDays;
    @Column(name = "minimum_order_quantity", nullable = false, precision = 15, scale = 3)
    private BigDecimal minimumOrderQuantity;
    @Column(name = "pack_size", nullable = false, precision = 15, scale = 3)
    private BigDecimal packSize;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(nullable = false)
    private boolean preferred;
    @Column(nullable = false)
    private boolean active;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected SupplierItem() {
    }

    SupplierItem(UUID supplierId, UUID itemId, Instant now) {
        this.id = UUID.randomUUID();
        this.supplierId = supplierId;
        this.itemId = itemId;
        this.active = true;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String supplierSku, String supplierDescription, String orderUnit, int leadTimeDays,
            BigDecimal minimumOrderQuantity, BigDecimal packSize, String currency, boolean active, Instant now) {
        this.supplierSku = supplierSku;
        this.supplierDescription = supplierDescription;
        this.orderUnit = orderUnit;
        this.leadTimeDays = leadTimeDays;
        this.minimumOrderQuantity = minimumOrderQuantity;
        this.packSize = packSize;
        this.currency = currency;
        this.active = active;
        this.updatedAt = now;
    }

    void preferred(boolean preferred, Instant now) {
        this.preferred = preferred;
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public UUID getItemId() {
        return itemId;
    }

    public String getSupplierSku() {
        return supplierSku;
    }

    public String getSupplierDescription() {
        return supplierDescription;
    }

    public String getOrderUnit() {
        return orderUnit;
    }

    public int getLeadTimeDays() {
        return leadTimeDays;
    }

    public BigDecimal getMinimumOrderQuantity() {
        return minimumOrderQuantity;
    }

    public BigDecimal getPackSize() {
        return packSize;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isPreferred() {
        return preferred;
    }

    public boolean isActive() {
        return active;
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
