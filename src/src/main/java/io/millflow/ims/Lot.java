package io.millflow.ims;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A batch of a lot-tracked item, with its expiry date when the item has a shelf life. */
@Entity
@Table(name = "lot")
public class Lot {

    @Id
    private UUID id;
    @Column(name = "item_id", nullable = false)
    private UUID itemId;
    @Column(nullable = false)
    private String number;
    @Column(name = "expiry_date")
    private LocalDate expiryDate;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Lot() {
    }

    public UUID getId() {
        return id;
    }

    public UUID getItemId() {
        return itemId;
    }

    public String getNumber() {
        return number;
    }

    public LocalDate getExpiryDate() {
        return expiryDate;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
