package io.millflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final String BERLIN = "Europe/Berlin";

    /** German Unity Day, a Friday in 2025. */
    private static final LocalDate UNITY_DAY = LocalDate.of(2025, 10, 3);

    private final WorkingCalendar calendar = new WorkingCalendar(BERLIN, List.of(UNITY_DAY));

    private static Date at(String instant) {
        return Date.from(Instant.parse(instant));
    }

    @Test
    void fridayPlusTwoIsTuesdaySameTime() {
        // Friday 2025-11-21 10:00 Berlin (CET, UTC+1)
        Date friday = at("2025-11-21T09:00:00Z");

        assertThat(calendar.addWorkingDays(friday, 2)).isEqualTo(at("2025-11-25T09:00:00Z"));
    }

    @Test
    void wednesdayPlusTwoIsFriday() {
        Date wednesday = at("2025-11-19T09:00:00Z");

        assertThat(calendar.addWorkingDays(wednesday, 2)).isEqualTo(at("2025-11-21T09:00:00Z"));
    }

    @Test
    void holidayInBetweenIsSkipped() {
        // Thursday 2025-10-02 10:00 Berlin (CEST, UTC+2); Friday is a holiday, then the weekend
        Date thursday = at("2025-10-02T08:00:00Z");

        assertThat(calendar.addWorkingDays(thursday, 1)).isEqualTo(at("2025-10-06T08:00:00Z"));
        assertThat(new WorkingCalendar(BERLIN, List.of()).addWorkingDays(thursday, 1))
                .as("without the holiday")
                .isEqualTo(at("2025-10-03T08:00:00Z"));
    }

    @Test
    void startOnDayOffCountsFromNextWorkingDay() {
        // Saturday 2025-11-22 10:00 and Sunday 2025-11-23 10:00 Berlin
        Date saturday = at("2025-11-22T09:00:00Z");
        Date sunday = at("2025-11-23T09:00:00Z");

        assertThat(calendar.addWorkingDays(saturday, 1)).isEqualTo(at("2025-11-24T09:00:00Z"));
        assertThat(calendar.addWorkingDays(sunday, 1)).isEqualTo(at("2025-11-24T09:00:00Z"));
        assertThat(calendar.addWorkingDays(saturday, 2)).isEqualTo(at("2025-11-25T09:00:00Z"));
    }

    @Test
    void keepsLocalTimeAcrossDaylightSavingChange() {
        // Friday 2025-10-24 10:00 CEST; clocks go back on Sunday 2025-10-26; Tuesday 10:00 is CET
        Date friday = at("2025-10-24T08:00:00Z");

        assertThat(calendar.addWorkingDays(friday, 2)).isEqualTo(at("2025-10-28T09:00:00Z"));
    }

    @Test
    void zeroDaysFromWorkingDayIsTheStart() {
        Date monday = at("2025-11-24T09:00:00Z");

        assertThat(calendar.addWorkingDays(monday, 0)).isEqualTo(monday);
    }

    @Test
    void dayBoundaryIsTheCalendarZoneNotUtc() {
        // Friday 2025-11-21 23:30 UTC is already Saturday 00:30 in Berlin: a day off, so +1 is Monday
        Date lateFridayUtc = at("2025-11-21T23:30:00Z");

        assertThat(calendar.addWorkingDays(lateFridayUtc, 1)).isEqualTo(at("2025-11-23T23:30:00Z"));
    }

    @Test
    void negativeDaysAreRejected() {
        Date monday = at("2025-11-24T09:00:00Z");

        assertThatThrownBy(() -> calendar.addWorkingDays(monday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysAreMondayToFridayExceptHolidays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 24))).as("Monday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 21))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 22))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 11, 23))).as("Sunday").isFalse();
        assertThat(calendar.isWorkingDay(UNITY_DAY)).as("holiday").isFalse();
    }
}
