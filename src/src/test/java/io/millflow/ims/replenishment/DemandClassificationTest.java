package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class DemandClassificationTest {

    private static DemandSeries series(int days, IntToDoubleFunction demand) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = demand.applyAsDouble(t);
        }
        return DemandSeries.of(LocalDate.of(2025, 1, 6), y);
    }

    @Test
    void weekdayDemandWithEmptyWeekendsIsSmooth() {
        DemandClassification c = DemandClassification.of(series(364, t -> t % 7 < 5 ? 10 + t % 3 : 0));

        assertThat(c.demandClass()).isEqualTo(DemandClass.SMOOTH);
        assertThat(c.adi()).isEqualTo(1.0);
        assertThat(c.openDays()).isEqualTo(260);
    }

    @Test
    void anOddWeekendIssueDoesNotMakeASmoothItemIntermittent() {
        DemandClassification c = DemandClassification.of(
                series(364, t -> t % 7 < 5 ? 10 : t == 12 || t == 13 || t == 40 ? 1 : 0));

        assertThat(c.demandClass()).isEqualTo(DemandClass.SMOOTH);
    }

    @Test
    void unevenSizesOnMostDaysAreErratic() {
        DemandClassification c = DemandClassification.of(series(364, t -> t % 7 < 5 ? (t % 2 == 0 ? 1 : 30) : 0));

        assertThat(c.demandClass()).isEqualTo(DemandClass.ERRATIC);
        assertThat(c.cv2()).isGreaterThan(DemandClass.CV2_CUTOFF);
    }

    @Test
    void evenSizesOnFewDaysAreIntermittent() {
        DemandClassification c = DemandClassification.of(series(700, t -> t % 10 == 0 ? 5 : 0));

        assertThat(c.demandClass()).isEqualTo(DemandClass.INTERMITTENT);
        assertThat(c.adi()).isCloseTo(10, within(0.01));
        assertThat(c.cv2()).isZero();
    }

    @Test
    void unevenSizesOnFewDaysAreLumpy() {
        DemandClassification c = DemandClassification.of(series(700, t -> t % 10 == 0 ? (t % 20 == 0 ? 1 : 50) : 0));

        assertThat(c.demandClass()).isEqualTo(DemandClass.LUMPY);
        assertThat(c.demandClass().isSporadic()).isTrue();
    }

    @Test
    void noDemandIsItsOwnClass() {
        DemandClassification c = DemandClassification.of(series(100, t -> 0));

        assertThat(c.demandClass()).isEqualTo(DemandClass.NO_DEMAND);
        assertThat(c.demandDays()).isZero();
    }
}
