package io.millflow.workbench.runtime;

import java.time.Instant;

/**
 * An open incident: where it stands, the error and its details (stack trace or the worker's error details).
 * {@code configuration} is the failed job's or external task's id.
 */
public record IncidentView(String id, String processKey, int version, String processInstanceId, String businessKey,
        String activityId, String activityName, String type, String message, String details, Instant created,
        String configuration) {
}
