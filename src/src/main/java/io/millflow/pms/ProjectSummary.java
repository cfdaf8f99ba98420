package io.millflow.pms;

import java.time.LocalDate;
import java.util.UUID;

public record ProjectSummary(UUID id, String code, String name, String departmentCode, String manager,
        ProjectStatus status, LocalDate startDate, LocalDate endDate, int taskCount, int doneCount) {
}
