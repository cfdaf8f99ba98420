package io.millflow.pms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A department of the firm; projects belong to one and may involve others. */
@Entity
@Table(name = "department")
class Department {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "head_username")
    private String headUsername;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Version
    private long version;

    protected Department() {
    }

    Department(String code, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.createdAt = now;
    }

    void update(String name, String headUsername) {
        this.name = name;
        this.headUsername = headUsername;
    }

    UUID getId() { return id; }
    String getCode() { return code; }
    String getName() { return name; }
    String getHeadUsername() { return headUsername; }

    DepartmentView view() {
        return new DepartmentView(id, code, name, headUsername);
    }
}
