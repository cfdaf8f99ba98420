package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.ims.MovementType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemandSeriesTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 1, 6);

    @Test
    void issuesAreDemandAndTheirReversalsTakeItBack() {
        DemandSeries series = DemandSeries.builder(MONDAY, MONDAY.plusDays(4))
                .add(MONDAY, MovementType.ISSUE_COST_CENTRE, 3)
                .add(MONDAY, MovementType.ISSUE_PROJECT, 2)
                .add(MONDAY.plusDays(1), MovementType.ISSUE_PRODUCTION, 7)
                .add(MONDAY.plusDays(1), MovementType.ISSUE_PRODUCTION_REVERSAL, 2)
                .add(MONDAY.plusDays(2), MovementType.GOODS_RECEIPT, 100)
                .add(MONDAY.plusDays(2), MovementType.TRANSFER, 50)
                .add(MONDAY.plusDays(2), MovementType.SCRAP, 4)
                .add(MONDAY.minusDays(1), MovementType.ISSUE_PROJECT, 9)
                .add(MONDAY.plusDays(5), MovementType.ISSUE_PROJECT, 9)
                .build();

        assertThat(series.toArray()).containsExactly(5, 5, 0, 0, 0);
        assertThat(series.start()).isEqualTo(MONDAY);
        assertThat(series.dateOf(4)).isEqualTo(MONDAY.plusDays(4));
        assertThat(series.total()).isEqualTo(10);
    }

    @Test
    void aLateReversalCancelsTheLatestDemandBeforeIt() {
        DemandSeries series = DemandSeries.builder(MONDAY, MONDAY.plusDays(3))
                .add(MONDAY, MovementType.ISSUE_PROJECT, 4)
                .add(MONDAY.plusDays(1), MovementType.ISSUE_PROJECT, 3)
                .add(MONDAY.plusDays(3), MovementType.ISSUE_PROJECT_REVERSAL, 5)
                .build();

        assertThat(series.toArray()).containsExactly(2, 0, 0, 0);
    }

    @Test
    void upToIsAViewOfTheFirstDays() {
        DemandSeries series = DemandSeries.of(MONDAY, 1, 2, 3, 4);
        DemandSeries head = series.upTo(2);

        assertThat(head.length()).isEqualTo(2);
        assertThat(head.toArray()).containsExactly(1, 2);
        assertThat(head.mean()).isEqualTo(1.5);
        assertThatThrownBy(() -> head.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(series.upTo(4)).isSameAs(series);
    }

    @Test
    void rejectsNegativeAndNonFiniteDemand() {
        assertThatThrownBy(() -> DemandSeries.of(MONDAY, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemandSeries.of(MONDAY, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemandSeries.of(MONDAY, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void copiesItsInput() {
        double[] input = {1, 2};
        DemandSeries series = DemandSeries.of(MONDAY, input);
        input[0] = 99;
        assertThat(series.get(0)).isEqualTo(1);
    }
}
