package io.millflow.pms;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Critical path method over a project's tasks: early/late dates, slack, and the critical tasks in order. */
public record ScheduleView(UUID projectId, LocalDate projectStart, LocalDate projectFinish, List<ScheduledTask> tasks,
        List<UUID> criticalPath) {
}
