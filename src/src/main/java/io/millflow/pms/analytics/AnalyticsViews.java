package io.millflow.pms.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What {@link ProjectAnalytics} answers. Hours and money are decimals; rates are fractions (0..1), null when undefined. */
public final class AnalyticsViews {

    private AnalyticsViews() {
    }

    /**
     * One day of a project's burn-down/burn-up. Scope = leaf tasks (not cancelled) created by the end of the day;
     * done = those DONE with completed_at on or before the day. Hours are estimate hours (a task without an
     * estimate counts 0 h but 1 task). Days after today carry only the ideal line (the rest is null).
     */
    public record BurnPoint(LocalDate day, BigDecimal scopeHours, BigDecimal doneHours, BigDecimal remainingHours,
            BigDecimal idealRemainingHours, Integer scopeTasks, Integer doneTasks) {
    }

    public record Burndown(UUID projectId, String projectCode, LocalDate start, LocalDate end, List<BurnPoint> points) {
    }

    /** Tasks done (status DONE), those of them with a due date, those completed on or before it; rate = onTime / withDueDate. */
    public record OnTimeRow(UUID projectId, String projectCode, String projectName, int done, int withDueDate,
            int onTime, BigDecimal rate) {
    }

    /** Cycle time of done tasks, created → completed, in days (two decimals). */
    public record CycleTimeRow(UUID projectId, String projectCode, String projectName, int done, BigDecimal averageDays,
            BigDecimal medianDays, BigDecimal p85Days) {
    }

    /**
     * Budget against actual cost: labour (approved timesheet hours × rate, from resources) + materials (issued
     * stock at ledger value, from ims). A source not in this build, or one that does not show the project to the
     * caller, is reported as not known (0).
     */
    public record BudgetRow(UUID projectId, String projectCode, String projectName, String currency, BigDecimal budget,
            BigDecimal labour, BigDecimal materials, BigDecimal actual, BigDecimal remaining, BigDecimal usedRate,
            boolean labourKnown, boolean materialsKnown) {
    }

    /** Stock issued to a project (its tasks included), per item, at ledger value. */
    public record MaterialRow(UUID projectId, String projectCode, String sku, String itemName, BigDecimal quantity,
            String unit, BigDecimal value) {
    }

    /**
     * A team in one ISO week (Monday): capacity after holidays, hours allocated to projects, hours booked on
     * timesheets; utilisation = booked / capacity.
     */
    public record UtilisationRow(String team, LocalDate week, BigDecimal capacityHours, BigDecimal allocatedHours,
            BigDecimal bookedHours, BigDecimal utilisation) {
    }
}
