package io.millflow.shared.inbox;

import io.millflow.security.CurrentUser;
import java.util.Map;

/**
 * What a capability does when one of its process's user tasks is decided in the inbox. It runs in the
 * transaction that completes the task: when it throws, nothing is recorded and the task stays open.
 */
public interface TaskDecisionHandler {

    /** The process definition key this handler serves. */
    String processKey();

    /**
     * Validates and records the decision; returns the variables the task completes with.
     *
     * @param overdue whether the task was past its due date or escalated when decided
     */
    Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue);
}
