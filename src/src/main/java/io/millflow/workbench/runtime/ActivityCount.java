package io.millflow.workbench.runtime;

/** Running activity instances and open incidents at one activity of a process (all versions or one). */
public record ActivityCount(String activityId, long running, long incidents) {
}
