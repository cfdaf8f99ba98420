package io.millflow.shared.inbox;

import java.time.Instant;
import java.util.List;

/** An open user task as the inbox shows it. */
public record InboxTask(
        String id,
        String name,
        String processKey,
        String businessKey,
        String processInstanceId,
        String activityId,
        Instant created,
        Instant due,
        boolean overdue,
        String assignee,
        List<String> candidateGroups) {
}
