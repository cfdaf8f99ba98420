package io.millflow.pms;

import java.math.BigDecimal;
import java.util.List;

/**
 * A project template. Tasks are numbered by position (1 = first in the list); {@code parent} and the dependencies
 * refer to those positions.
 */
public record TemplateCommand(String code, String name, String description, List<TaskLine> tasks,
        List<DependencyLine> dependencies) {

    public record TaskLine(String name, int offsetDays, int durationDays, boolean milestone, BigDecimal estimateHours,
            Integer parent, String projectRole) {
    }

    public record DependencyLine(int predecessor, int successor, DependencyKind kind, int lagDays) {
    }
}
