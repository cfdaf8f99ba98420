package io.millflow.workbench.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Where instances of a process spend their time. Filters: version (null = all), process instances started in
 * [{@code from}, {@code to}) (null = open end), business key (null = any).
 */
public record Heatmap(String processKey, Integer version, Instant from, Instant to, String businessKey,
        long instances, List<ActivityHeat> activities) {
}
