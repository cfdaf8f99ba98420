package io.millflow.pms.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.pms.resources.WeekCapacity.Load;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Capacity after holidays and the load of a week, on hand-checked examples. */
class WeekCapacityTest {

    static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** Monday 7 December 2026; Tuesday the 8th is a holiday in these examples. */
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final List<LocalDate> ONE_HOLIDAY = List.of(LocalDate.of(2026, 12, 8));

    @Test
    void aNormalWeekHasTheWeeklyCapacity() {
        assertThat(WeekCapacity.capacity(new BigDecimal("40"), MONDAY, MON_FRI, List.of())).isEqualByComparingTo("40");
    }

    @Test
    void aHolidayTakesItsShareOfTheWeek() {
        // 40 h over 5 working days, one of them a holiday: 40 × 4/5 = 32
        assertThat(WeekCapacity.capacity(new BigDecimal("40"), MONDAY, MON_FRI, ONE_HOLIDAY)).isEqualByComparingTo("32");
        // a part-timer: 20 h × 4/5 = 16
        assertThat(WeekCapacity.capacity(new BigDecimal("20"), MONDAY, MON_FRI, ONE_HOLIDAY)).isEqualByComparingTo("16");
    }

    @Test
    void holidaysOnDaysOffAndInOtherWeeksDoNotCount() {
        List<LocalDate> saturdayAndNextWeek = List.of(LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 15));
        assertThat(WeekCapacity.capacity(new BigDecimal("40"), MONDAY, MON_FRI, saturdayAndNextWeek))
                .isEqualByComparingTo("40");
    }

    @Test
    void aFourDayCalendar() {
        Set<DayOfWeek> monThu = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY);
        // 32 h over 4 days, one holiday: 32 × 3/4 = 24
        assertThat(WeekCapacity.capacity(new BigDecimal("32"), MONDAY, monThu, ONE_HOLIDAY)).isEqualByComparingTo("24");
        // 30 h × 3/4 = 22.50
        assertThat(WeekCapacity.capacity(new BigDecimal("30"), MONDAY, monThu, ONE_HOLIDAY)).isEqualByComparingTo("22.5");
    }

    @Test
    void twentyFourPlusSixteenIsFullInANormalWeekAndEightOverInAHolidayWeek() {
        BigDecimal allocated = new BigDecimal("24").add(new BigDecimal("16"));
        BigDecimal normal = WeekCapacity.capacity(new BigDecimal("40"), MONDAY, MON_FRI, List.of());
        BigDecimal holiday = WeekCapacity.capacity(new BigDecimal("40"), MONDAY, MON_FRI, ONE_HOLIDAY);
        assertThat(WeekCapacity.load(normal, allocated)).isEqualTo(Load.FULL);
        assertThat(WeekCapacity.overBy(normal, allocated)).isEqualByComparingTo("0");
        assertThat(WeekCapacity.load(holiday, allocated)).isEqualTo(Load.OVER);
        assertThat(WeekCapacity.overBy(holiday, allocated)).isEqualByComparingTo("8");
        assertThat(WeekCapacity.load(normal, new BigDecimal("24"))).isEqualTo(Load.FREE);
        assertThat(WeekCapacity.load(holiday, new BigDecimal("32.00"))).isEqualTo(Load.FULL);
        assertThat(WeekCapacity.load(holiday, new BigDecimal("32.01"))).isEqualTo(Load.OVER);
    }

    @Test
    void mondaysAndDays() {
        assertThat(WeekCapacity.monday(LocalDate.of(2026, 12, 13))).isEqualTo(MONDAY);
        assertThat(WeekCapacity.monday(MONDAY)).isEqualTo(MONDAY);
        assertThat(WeekCapacity.parseDays("1,2,3,4,5")).isEqualTo(MON_FRI);
        assertThat(WeekCapacity.formatDays(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY))).isEqualTo("1,5");
        assertThatThrownBy(() -> WeekCapacity.capacity(BigDecimal.TEN, MONDAY.plusDays(1), MON_FRI, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WeekCapacity.capacity(BigDecimal.TEN, MONDAY, Set.of(), List.of())).isEqualByComparingTo("0");
    }
}
