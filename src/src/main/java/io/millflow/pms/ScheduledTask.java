package io.millflow.pms;

import java.time.LocalDate;
import java.util.UUID;

public record ScheduledTask(UUID taskId, LocalDate earlyStart, LocalDate earlyFinish, LocalDate lateStart,
        LocalDate lateFinish, int slackDays, boolean critical) {
}
