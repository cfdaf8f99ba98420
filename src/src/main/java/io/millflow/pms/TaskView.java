package io.millflow.pms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** A task; {@code key} is "T-" and the number (unique within the project), {@code depth} 0 for top-level tasks. */
public record TaskView(UUID id, UUID projectId, String projectCode, String key, int number, UUID parentId, int depth,
        String name, String description, TaskStatus status, int boardRank, TaskPriority priority, boolean milestone,
        LocalDate startDate, LocalDate endDate, LocalDate dueDate, BigDecimal estimateHours, String assignee,
        Set<String> labels, boolean needsApproval, String approvalState, long version) {
}
