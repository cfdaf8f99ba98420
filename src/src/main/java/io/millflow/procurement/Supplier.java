package io.millflow.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A firm Millflow buys from. A blocked supplier gets no purchase orders. */
@Entity
@Table(name = "supplier")
public class Supplier {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "tax_id")
    private String taxId;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "payment_terms", nullable = false)
    private String paymentTerms;
    @Column(name = "payment_days", nullable = false)
    private int paymentDays;
    @Column(precision = 3, scale = 2)
    private BigDecimal rating;
    @Column(nullable = false)
    private boolean blocked;
    @Column(name = "blocked_reason")
    private String blockedReason;
    private String email;
    private String phone;
    private String notes;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Supplier() {
    }

    Supplier(String code, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String name, String taxId, String currency, String paymentTerms, int paymentDays, BigDecimal rating,
            String email, String phone, String notes, Instant now) {
        this.name = name;
        this.taxId = taxId;
        this.currency = currency;
        this.paymentTerms = paymentTerms;
        this.paymentDays = paymentDays;
        this.rating = rating;
        this.email = email;
        this.phone = phone;
        this.notes = notes;
        this.updatedAt = now;
    }

    void block(String reason, Instant now) {
        this.blocked = true;
        this.blockedReason = reason;
        this.updatedAt = now;
    }

    void unblock(Instant now) {
        this.blocked = false;
        this.blockedReason = null;
        this.updatedAt = now;
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

    public String getTaxId() {
        return taxId;
    }

    public String getCurrency() {
        return currency;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public int getPaymentDays() {
        return paymentDays;
    }

    public BigDecimal getRating() {
        return rating;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public String getBlockedReason() {
        return blockedReason;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getNotes() {
        return notes;
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
