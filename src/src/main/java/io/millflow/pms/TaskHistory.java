package io.millflow.pms;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "task_history")
class TaskHistory {

    @Id
    private UUID id;
    @Column(name = "task_id", nullable = false)
    private UUID taskId;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;
    @Column(nullable = false)
    private String field;
    @Column(name = "old_value")
    private String oldValue;
    @Column(name = "new_value")
    private String newValue;

    protected TaskHistory() {
    }

    TaskHistory(UUID taskId, String changedBy, Instant changedAt, String field, String oldValue, String newValue) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.field = field;
        this.oldValue = oldValue;
        this.newValue = newValue;
    }

    HistoryEntry view() {
        return new HistoryEntry(changedBy, changedAt, field, oldValue, newValue);
    }
}
