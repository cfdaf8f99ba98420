package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One price break of a supplier item: from {@code minQuantity} (in the order unit) on, valid from
 * {@code validFrom} to {@code validTo} (inclusive; open when null), in the supplier item's currency.
 */
@Entity
@Table(name = "supplier_price")
public class SupplierPrice {

    @Id
    private UUID id;
    @Column(name = "supplier_item_id", nullable = false)
    private UUID supplierItemId;
    @Column(name = "min_quantity", nullable = false, precision = 15, scale = 3)
    private BigDecimal minQuantity;
    @Column(name = "unit_price", nullable = false, precision = 15, scale = 4)
    private BigDecimal unitPrice;
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected SupplierPrice() {
    }

    SupplierPrice(UUID supplierItemId, BigDecimal minQuantity, BigDecimal unitPrice, LocalDate validFrom,
            LocalDate validTo) {
        this.id = UUID.randomUUID();
        this.supplierItemId = supplierItemId;
        this.minQuantity = minQuantity;
        this.unitPrice = unitPrice;
        this.validFrom = validFrom;
        this.validTo = validTo;
    }

    /** Whether this break is valid on {@code day}. */
    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public UUID getId() {
        return id;
    }

    public UUID getSupplierItemId() {
        return supplierItemId;
    }

    public BigDecimal getMinQuantity() {
        return minQuantity;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }
}
