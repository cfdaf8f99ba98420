package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One address of a supplier; at most one of each {@link AddressKind}. */
@Entity
@Table(name = "supplier_address")
public class SupplierAddress {

    @Id
    private UUID id;
    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AddressKind kind;
    @Column(nullable = false)
    private String line1;
    private String line2;
    @Column(name = "postal_code", nullable = false)
    private String postalCode;
    @Column(nullable = false)
    private String city;
    private String region;
    @Column(nullable = false, length = 2)
    private String country;

    protected SupplierAddress() {
    }

    SupplierAddress(UUID supplierId, AddressKind kind, String line1, String line2, String postalCode, String city,
            String region, String country) {
        this.id = UUID.randomUUID();
        this.supplierId = supplierId;
        this.kind = kind;
        this.line1 = line1;
        this.line2 = line2;
        this.postalCode = postalCode;
        this.city = city;
        this.region = region;
        this.country = country;
    }

    public UUID getId() {
        return id;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public AddressKind getKind() {
        return kind;
    }

    public String getLine1() {
        return line1;
    }

    public String getLine2() {
        return line2;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public String getCountry() {
        return country;
    }
}
