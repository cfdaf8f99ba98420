package io.millflow.pms;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "project")
class Project {

    @Id
    private UUID id;
    @Column(nullable = false, unique = true)
    private String code;
    @Column(nullable = false)
    private String name;
    private String description;
    @Column(name = "department_id", nullable = false)
    private UUID departmentId;
    @ElementCollection
    @CollectionTable(name = "project_department", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "department_id")
    private Set<UUID> involvedDepartmentIds = new LinkedHashSet<>();
    @Column(nullable = false)
    private String manager;
    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;
    @Column(name = "end_date", nullable = false)
    private LocalDate endDate;
    @Column(nullable = false)
    private BigDecimal budget;
    @Column(nullable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectStatus status;
    @Column(name = "template_id")
    private UUID templateId;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Project() {
    }

    Project(String code, ProjectStatus status, UUID templateId, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.code = code;
        this.status = status;
        this.templateId = templateId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void update(String name, String description, UUID departmentId, Set<UUID> involved, String manager,
            LocalDate startDate, LocalDate endDate, BigDecimal budget, String currency, Instant now) {
        this.name = name;
        this.description = description;
        this.departmentId = departmentId;
        this.involvedDepartmentIds.clear();
        this.involvedDepartmentIds.addAll(involved);
        this.manager = manager;
        this.startDate = startDate;
        this.endDate = endDate;
        this.budget = budget;
        this.currency = currency;
        this.updatedAt = now;
    }

    void changeStatus(ProjectStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    UUID getId() { return id; }
    String getCode() { return code; }
    String getName() { return name; }
    String getDescription() { return description; }
    UUID getDepartmentId() { return departmentId; }
    Set<UUID> getInvolvedDepartmentIds() { return involvedDepartmentIds; }
    String getManager() { return manager; }
    LocalDate getStartDate() { return startDate; }
    LocalDate getEndDate() { return endDate; }
    BigDecimal getBudget() { return budget; }
    String getCurrency() { return currency; }
    ProjectStatus getStatus() { return status; }
    UUID getTemplateId() { return templateId; }
    long getVersion() { return version; }
}
