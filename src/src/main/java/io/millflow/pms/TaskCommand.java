package io.millflow.pms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A new task, or changes to one. On update a null field keeps its value; an empty description or assignee clears it.
 */
public record TaskCommand(UUID parentId, String name, String description, TaskStatus status, TaskPriority priority,
        Boolean milestone, LocalDate startDate, LocalDate endDate, LocalDate dueDate, BigDecimal estimateHours,
        String assignee, Set<String> labels, Boolean needsApproval) {
}
