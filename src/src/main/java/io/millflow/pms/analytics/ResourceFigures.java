package io.millflow.pms.analytics;

import io.millflow.pms.analytics.AnalyticsSources.LabourCost;
import io.millflow.pms.analytics.AnalyticsSources.TeamUtilisation;
import io.millflow.pms.analytics.AnalyticsViews.UtilisationRow;
import io.millflow.pms.resources.Allocations;
import io.millflow.pms.resources.ProjectCosts;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Labour cost and team utilisation from resources: approved timesheet hours × rate ({@link ProjectCosts}) and,
 * per team and ISO week, capacity after holidays, allocated and booked hours ({@link Allocations#utilisation}).
 */
@Component
class ResourceFigures implements LabourCost, TeamUtilisation {

    /** Longest utilisation range asked of resources, in weeks. */
    static final int MAX_WEEKS = 105;

    private final ProjectCosts costs;
    private final Allocations allocations;

    ResourceFigures(ProjectCosts costs, Allocations allocations) {
        this.costs = costs;
        this.allocations = allocations;
    }

    @Override
    public BigDecimal labourCost(UUID projectId) {
        return costs.labourCost(projectId);
    }

    @Override
    public List<UtilisationRow> utilisation(LocalDate from, LocalDate to) {
        LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = (int) Math.max(1, Math.min(MAX_WEEKS, ChronoUnit.WEEKS.between(monday, to) + 1));
        return allocations.utilisation(monday, weeks).stream()
                .map(w -> new UtilisationRow(w.teamName() == null ? "(no team)" : w.teamName(), w.weekStart(),
                        w.capacityHours(), w.allocatedHours(), w.bookedHours(), w.utilisation()))
                .toList();
    }
}
