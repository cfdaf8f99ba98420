package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.millflow.ims.replenishment.InventorySimulation.Result;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InventorySimulationTest {

    private static DemandSeries constant(int days, double perDay) {
        double[] y = new double[days];
        Arrays.fill(y, perDay);
        return DemandSeries.of(LocalDate.of(2025, 1, 6), y);
    }

    private static Result runFixed(DemandSeries demand, int from, int to, double min, double max, int leadTime) {
        ReorderRule rule = ReorderRule.fixedMinMax(min, max, leadTime, 0, 1);
        ReorderLevels levels = ReorderPolicy.levels(rule, null);
        return InventorySimulation.run(demand, from, to, rule, day -> levels);
    }

    @Test
    void aReorderPointCoveringTheLeadTimeNeverRunsShort() {
        // start with 100; 10 a day; at 30 order 70, which arrives 3 days later when 10 are left
        Result r = runFixed(constant(40, 10), 1, 17, 30, 100, 3);

        // end-of-day stock: 90 80 70 60 50 40 30 | 20 10 | 70 60 50 40 30 | 20 10
        assertThat(r.averageOnHand()).isCloseTo(730.0 / 16, within(1e-9));
        assertThat(r.orders()).isEqualTo(2);
        assertThat(r.stockoutDays()).isZero();
        assertThat(r.cycles()).isEqualTo(2);
        assertThat(r.cycleServiceLevel()).isEqualTo(1);
        assertThat(r.fillRate()).isEqualTo(1);
        assertThat(r.demand()).isEqualTo(160);
    }

    @Test
    void aReorderPointBelowTheLeadTimeDemandRunsShortEveryCycle() {
        // start with 50; at 10 order 40, arriving 3 days later: the third day after ordering is short by 10
        Result r = runFixed(constant(40, 10), 1, 13, 10, 50, 3);

        // end-of-day net stock: 40 30 20 10 | 0 -10 | 20 10 | 0 -10 | 20 10
        assertThat(r.stockoutDays()).isEqualTo(2);
        assertThat(r.shortUnits()).isEqualTo(20);
        assertThat(r.fillRate()).isCloseTo(1 - 20.0 / 120, within(1e-12));
        assertThat(r.cycles()).isEqualTo(3);
        assertThat(r.stockoutCycles()).isEqualTo(2);
        assertThat(r.cycleServiceLevel()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(r.averageOnHand()).isCloseTo(160.0 / 12, within(1e-12));
    }

    @Test
    void backOrdersAreServedFromTheNextReceiptAndOrdersAreRounded() {
        // one big demand of 25 on day 2 with 20 on hand: 5 back-ordered, order brings position back up
        double[] y = new double[12];
        y[2] = 25;
        ReorderRule rule = ReorderRule.fixedMinMax(5, 20, 2, 0, 7);
        ReorderLevels levels = ReorderPolicy.levels(rule, null);

        Result r = InventorySimulation.run(DemandSeries.of(LocalDate.of(2025, 1, 6), y), 1, 12, rule, day -> levels);

        // position -5 -> order 25 rounded to 28 (4 packs of 7), arrives day 4: 28 - 5 back-ordered = 23 on hand
        assertThat(r.shortUnits()).isEqualTo(5);
        assertThat(r.stockoutDays()).isEqualTo(2); // days 2 and 3 end with the back-order
        assertThat(r.orders()).isEqualTo(1);
        assertThat(r.averageOnHand()).isCloseTo((20 + 0 + 0 + 23 * 8) / 11.0, within(1e-9));
    }

    @Test
    void theForecastPolicyMeetsConstantDemandWithoutShortage() {
        DemandForecaster forecaster = new DemandForecaster();
        DemandSeries demand = constant(500, 8);
        ReorderRule rule = ReorderRule.forecast(0.95, 6, 10, 0, 1);

        Result r = InventorySimulation.run(demand, 400, 500, rule, day -> ReorderPolicy.levels(rule,
                forecaster.forecast(demand.upTo(day + 1), ReorderPolicy.forecastHorizon(rule))));

        assertThat(r.stockoutDays()).isZero();
        // reorder point 40 + 4 (undershoot of a day's 8) and 80 on top: stock swings between about 4 and 84
        assertThat(r.averageOnHand()).isBetween(35.0, 55.0);
    }
}
