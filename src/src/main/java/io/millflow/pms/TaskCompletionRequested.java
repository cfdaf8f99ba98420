package io.millflow.pms;

import java.util.UUID;

/**
 * Published (Spring event, inside the moving transaction) when a task that needs approval is moved to DONE: it is now
 * IN_REVIEW with approval state PENDING, and someone has to start the approval (see {@link Tasks#decideApproval}).
 */
public record TaskCompletionRequested(UUID taskId, UUID projectId, String requestedBy) {
    public TaskCompletionRequested(UUID taskId) {
        this(taskId, null, null);
    }
}
