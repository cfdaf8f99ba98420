package io.millflow.pms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "template_task")
class TemplateTask {

    @Id
    private UUID id;
    @Column(name = "template_id", nullable = false)
    private UUID templateId;
    @Column(nullable = false)
    private int position;
    @Column(name = "parent_id")
    private UUID parentId;
    @Column(nullable = false)
    private String name;
    @Column(name = "offset_days", nullable = false)
    private int offsetDays;
    @Column(name = "duration_days", nullable = false)
    private int durationDays;
    @Column(nullable = false)
    private boolean milestone;
    @Column(name = "estimate_hours")
    private BigDecimal estimateHours;
    @Column(name = "project_role")
    private String projectRole;

    protected TemplateTask() {
    }

    TemplateTask(UUID templateId, int position, UUID parentId, String name, int offsetDays, int durationDays,
            boolean milestone, BigDecimal estimateHours, String projectRole) {
        this.id = UUID.randomUUID();
        this.templateId = templateId;
        this.position = position;
        this.parentId = parentId;
        this.name = name;
        this.offsetDays = offsetDays;
        this.durationDays = durationDays;
        this.milestone = milestone;
        this.estimateHours = estimateHours;
        this.projectRole = projectRole;
    }

    UUID getId() { return id; }
    int getPosition() { return position; }
    UUID getParentId() { return parentId; }
    String getName() { return name; }
    int getOffsetDays() { return offsetDays; }
    int getDurationDays() { return durationDays; }
    boolean isMilestone() { return milestone; }
    BigDecimal getEstimateHours() { return estimateHours; }
    String getProjectRole() { return projectRole; }
}
