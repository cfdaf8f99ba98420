package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A person to talk to at a supplier. */
@Entity
@Table(name = "supplier_contact")
public class SupplierContact {

    @Id
    private UUID id;
    @Column(name = "supplier_id", nullable = false)
    private UUID supplierId;
    @Column(nullable = false)
    private String name;
    private String role;
    private String email;
    private String phone;

    protected SupplierContact() {
    }

    SupplierContact(UUID supplierId, String name, String role, String email, String phone) {
        this.id = UUID.randomUUID();
        this.supplierId = supplierId;
        this.name = name;
        this.role = role;
        this.email = email;
        this.phone = phone;
    }

    public UUID getId() {
        return id;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }
}
