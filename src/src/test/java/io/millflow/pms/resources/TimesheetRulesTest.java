package io.millflow.pms.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.pms.resources.TimesheetRules.Line;
import io.millflow.shared.ProblemException.InvalidInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checks of a week's entries: days in the week, no negative hours, at most 24 h a day across entries. */
class TimesheetRulesTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static Line line(UUID task, int day, String hours) {
        return new Line(task, MONDAY.plusDays(day), new BigDecimal(hours));
    }

    static String fieldOf(List<Line> lines) {
        try {
            TimesheetRules.check(MONDAY, lines);
            return null;
        } catch (InvalidInput e) {
            return e.field();
        }
    }

    @Test
    void totalsPerDay() {
        var totals = TimesheetRules.check(MONDAY, List.of(line(A, 0, "8"), line(B, 0, "16"), line(A, 1, "7.5")));
        assertThat(totals.get(MONDAY)).isEqualByComparingTo("24");
        assertThat(totals.get(MONDAY.plusDays(1))).isEqualByComparingTo("7.5");
    }

    @Test
    void aDayOverTwentyFourHoursAcrossEntriesIsRefusedAtTheEntryThatTipsIt() {
        assertThat(fieldOf(List.of(line(A, 2, "20"), line(A, 3, "8"), line(B, 2, "4.25")))).isEqualTo("entries[2].hours");
        assertThatThrownBy(() -> TimesheetRules.check(MONDAY, List.of(line(A, 2, "24.01"))))
                .hasMessageContaining("24.01").hasMessageContaining("at most 24 h");
    }

    @Test
    void otherBadInput() {
        assertThat(fieldOf(List.of(line(A, 0, "-1")))).isEqualTo("entries[0].hours");
        assertThat(fieldOf(List.of(line(A, 0, "1"), line(A, 7, "1")))).isEqualTo("entries[1].day");
        assertThat(fieldOf(List.of(line(A, -1, "1")))).isEqualTo("entries[0].day");
        assertThat(fieldOf(List.of(line(A, 0, "1"), line(A, 0, "2")))).isEqualTo("entries[1]");
        assertThat(fieldOf(List.of(line(A, 0, "1.005")))).isEqualTo("entries[0].hours");
        assertThat(fieldOf(List.of(new Line(null, MONDAY, BigDecimal.ONE)))).isEqualTo("entries[0].taskId");
        assertThat(fieldOf(List.of(line(A, 6, "0")))).isNull();
    }
}
