package io.millflow.pms;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

public record TemplateView(UUID id, String code, String name, String description, List<TaskLine> tasks,
        List<DependencyLine> dependencies) {

    public record TaskLine(int position, String name, int offsetDays, int durationDays, boolean milestone,
            BigDecimal estimateHours, Integer parent, String projectRole) {
    }

    public record DependencyLine(int predecessor, int successor, DependencyKind kind, int lagDays) {
    }
}
