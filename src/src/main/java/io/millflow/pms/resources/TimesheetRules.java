package io.millflow.pms.resources;

import io.millflow.shared.ProblemException.InvalidInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks of a week's timesheet entries that need no database: each day within the week, no negative hours, no task
 * twice on a day, and at most 24 hours a day across all entries. The first problem is thrown as
 * {@link InvalidInput} naming the entry's field (e.g. {@code entries[3].hours}).
 */
public final class TimesheetRules {

    public static final BigDecimal MAX_HOURS_PER_DAY = BigDecimal.valueOf(24);

    /** One entry as checked here. */
    public record Line(UUID taskId, LocalDate day, BigDecimal hours) {
    }

    private TimesheetRules() {
    }

    /** Throws for the first entry at fault; returns the total hours per day. */
    public static Map<LocalDate, BigDecimal> check(LocalDate monday, List<Line> entries) {
        Map<LocalDate, BigDecimal> perDay = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Line e = entries.get(i);
            String field = "entries[" + i + "]";
            if (e == null) {
                throw new InvalidInput(field, "must not be empty");
            }
            if (e.taskId() == null) {
                throw new InvalidInput(field + ".taskId", "is required");
            }
            if (e.day() == null) {
                throw new InvalidInput(field + ".day", "is required");
            }
            if (e.day().isBefore(monday) || e.day().isAfter(monday.plusDays(6))) {
                throw new InvalidInput(field + ".day", "is not in the week of " + monday);
            }
            if (e.hours() == null) {
                throw new InvalidInput(field + ".hours", "is required");
            }
            if (e.hours().signum() < 0) {
                throw new InvalidInput(field + ".hours", "must not be negative");
            }
            if (e.hours().stripTrailingZeros().scale() > 2) {
                throw new InvalidInput(field + ".hours", "has more than two decimals");
            }
            Integer other = seen.putIfAbsent(e.taskId() + "/" + e.day(), i);
            if (other != null) {
                throw new InvalidInput(field, "books the same task and day as entries[" + other + "]");
            }
            BigDecimal total = perDay.merge(e.day(), e.hours(), BigDecimal::add);
            if (total.compareTo(MAX_HOURS_PER_DAY) > 0) {
                throw new InvalidInput(field + ".hours", e.day() + " would have " + total.stripTrailingZeros().toPlainString()
                        + " h; a day has at most 24 h across all entries");
            }
        }
        return perDay;
    }
}
