package io.millflow.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** A person who signs in to Millflow. The password is stored as a hash only. */
@Entity
@Table(name = "app_user")
public class AppUser {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String username;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    private String email;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    /** The supplier a SUPPLIER user belongs to; null for everyone else. */
    @Column(name = "supplier_id")
    private UUID supplierId;
    /** Language of mails and notifications: {@code en} or {@code de}. */
    @Column(nullable = false, length = 8)
    private String language = "en";
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false)
    private Set<String> roles = new LinkedHashSet<>();

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, String displayName, String email, Set<String> roles,
            Instant createdAt) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.email = email;
        this.roles = new LinkedHashSet<>(roles);
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public UUID getSupplierId() {
        return supplierId;
    }

    void linkSupplier(UUID supplierId) {
        this.supplierId = supplierId;
    }

    public String getLanguage() {
        return language;
    }

    void changeLanguage(String language) {
        this.language = language;
    }

    public Set<String> getRoles() {
        return Set.copyOf(roles);
    }
}
