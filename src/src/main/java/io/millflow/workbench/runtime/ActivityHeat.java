package io.millflow.workbench.runtime;

import java.time.Duration;

/**
 * Time spent in one activity, from history: completed and open activity instances, and the durations of the
 * completed ones (average, median and 95th percentile by nearest rank, maximum; null when none completed).
 * {@code lateAgainstSla}: instances in which a timer boundary event on the activity fired or its timer is overdue.
 */
public record ActivityHeat(String activityId, String activityName, long completed, long open, Duration average,
        Duration p50, Duration p95, Duration max, long lateAgainstSla) {
}
