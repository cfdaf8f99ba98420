package io.millflow.pms.resources;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Set;

/**
 * The capacity arithmetic of resource planning, free of the database: a person's capacity in one ISO week is their
 * weekly capacity times the share of the calendar's working days that are not public holidays (40 h, Monday to
 * Friday, one holiday: 40 × 4/5 = 32 h). Allocated hours against capacity give the load of a heatmap cell.
 */
public final class WeekCapacity {

    /** How loaded a person is in a week: below capacity, exactly at it, or above it. */
    public enum Load { FREE, FULL, OVER }

    private WeekCapacity() {
    }

    /** The Monday of the ISO week of {@code day}. */
    public static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Working days of the calendar in the week of {@code monday} that are not holidays. */
    public static int availableDays(LocalDate monday, Set<DayOfWeek> workingDays, Collection<LocalDate> holidays) {
        int days = 0;
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            if (workingDays.contains(d.getDayOfWeek()) && !holidays.contains(d)) {
                days++;
            }
        }
        return days;
    }

    /**
     * Capacity in hours of the week starting {@code monday}: {@code weeklyHours × available days / working days},
     * two decimals (half up). No working days at all gives zero.
     */
    public static BigDecimal capacity(BigDecimal weeklyHours, LocalDate monday, Set<DayOfWeek> workingDays,
            Collection<LocalDate> holidays) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("week must start on a Monday: " + monday);
        }
        if (workingDays.isEmpty()) {
            return BigDecimal.ZERO.setScale(2);
        }
        int available = availableDays(monday, workingDays, holidays);
        return weeklyHours.multiply(BigDecimal.valueOf(available))
                .divide(BigDecimal.valueOf(workingDays.size()), 2, RoundingMode.HALF_UP);
    }

    public static Load load(BigDecimal capacity, BigDecimal allocated) {
        int c = allocated.compareTo(capacity);
        return c < 0 ? Load.FREE : c == 0 ? Load.FULL : Load.OVER;
    }

    /** Hours allocated above capacity (zero when not over). */
    public static BigDecimal overBy(BigDecimal capacity, BigDecimal allocated) {
        return allocated.subtract(capacity).max(BigDecimal.ZERO);
    }

    /** Parses a calendar's working days ("1,2,3,4,5", ISO numbers). */
    public static Set<DayOfWeek> parseDays(String isoDays) {
        java.util.EnumSet<DayOfWeek> days = java.util.EnumSet.noneOf(DayOfWeek.class);
        if (isoDays != null && !isoDays.isBlank()) {
            for (String s : isoDays.split(",")) {
                days.add(DayOfWeek.of(Integer.parseInt(s.trim())));
            }
        }
        return days;
    }

    /** Formats working days the way the calendar table stores them. */
    public static String formatDays(Collection<DayOfWeek> days) {
        return days.stream().sorted().map(d -> String.valueOf(d.getValue()))
                .collect(java.util.stream.Collectors.joining(","));
    }
}
