package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReorderPolicyTest {

    private static DemandForecast forecast(int horizon, double horizonDemand, double meanDaily, double sigma,
            double undershoot, double undershootVariance) {
        DemandClassification smooth = new DemandClassification(DemandClass.SMOOTH, 1, 0.1, 300, 300);
        return new DemandForecast(smooth, "SES", "alpha=0.1", horizon, horizonDemand, meanDaily, sigma, 0, 0.5, 0, 100,
                undershoot, undershootVariance);
    }

    @ParameterizedTest
    @CsvSource({
        // need, MOQ, pack, expected
        "13, 20, 6, 24", // MOQ 20 rounded up to whole packs
        "25, 20, 6, 30", // need above the MOQ, rounded up to packs
        "24, 20, 6, 24", // exactly four packs
        "0, 0, 12, 12", // at least one pack
        "3.2, 0, 1, 4", // whole units
        "7, 5, 2.5, 7.5", // fractional pack sizes
        "100, 250, 1, 250"})
    void roundsUpToTheMinimumOrderQuantityAndWholePacks(double need, double moq, double pack, double expected) {
        assertThat(ReorderPolicy.roundUp(need, moq, pack)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void safetyStockIsZTimesSigmaOfLeadTimeDemand() {
        ReorderRule rule = ReorderRule.forecast(0.95, 10, 14, 0, 1);
        assertThat(ReorderPolicy.forecastHorizon(rule)).isEqualTo(9);
        // 9 days after the reorder day: 90 expected, sigma 6; undershoot 5 with variance 11
        ReorderLevels levels = ReorderPolicy.levels(rule, forecast(9, 90, 10, 6, 5, 11));

        double sigma = Math.sqrt(36 + 11);
        assertThat(levels.leadTimeDemand()).isCloseTo(95, within(1e-9));
        assertThat(levels.safetyStock()).isCloseTo(1.6448536 * sigma, within(1e-5));
        assertThat(levels.reorderPoint()).isCloseTo(95 + 1.6448536 * sigma, within(1e-5));
        assertThat(levels.orderUpTo()).isCloseTo(levels.reorderPoint() + 140, within(1e-9));
    }

    @Test
    void rightSkewedDemandGetsALargerSafetyFactor() {
        assertThat(ReorderPolicy.safetyFactor(0.95, 0)).isCloseTo(1.6448536, within(1e-6));
        // Cornish-Fisher: z + (z^2 - 1) * skewness / 6
        assertThat(ReorderPolicy.safetyFactor(0.95, 0.6)).isCloseTo(1.6448536 + (1.6448536 * 1.6448536 - 1) * 0.1,
                within(1e-6));
        assertThat(ReorderPolicy.safetyFactor(0.95, 5)).isEqualTo(ReorderPolicy.safetyFactor(0.95, 1));
        assertThat(ReorderPolicy.safetyFactor(0.95, -0.5)).isLessThan(ReorderPolicy.safetyFactor(0.95, 0));

        DemandForecast skewed = new DemandForecast(new DemandClassification(DemandClass.SMOOTH, 1, 0.1, 300, 300),
                "SES", "", 4, 40, 10, 5, 0.6, 0.5, 0, 100, 0, 0);
        assertThat(ReorderPolicy.levels(ReorderRule.forecast(0.95, 5, 0, 0, 1), skewed).safetyStock())
                .isCloseTo(5 * ReorderPolicy.safetyFactor(0.95, 0.6), within(1e-9));
    }

    @Test
    void aHigherServiceLevelHoldsMoreSafetyStock() {
        DemandForecast f = forecast(6, 60, 10, 8, 0, 0);
        double previous = -1;
        for (double level : new double[] {0.5, 0.8, 0.9, 0.95, 0.99, 0.999}) {
            double safety = ReorderPolicy.levels(ReorderRule.forecast(level, 7, 7, 0, 1), f).safetyStock();
            assertThat(safety).isGreaterThan(previous);
            previous = safety;
        }
        assertThat(ReorderPolicy.levels(ReorderRule.forecast(0.5, 7, 7, 0, 1), f).safetyStock()).isZero();
    }

    @Test
    void aForecastForAnotherHorizonIsScaled() {
        // forecast over 4 days used for a lead time of 17 days (16 days after the reorder day): 4x the days
        ReorderLevels levels = ReorderPolicy.levels(ReorderRule.forecast(0.9, 17, 0, 0, 1), forecast(4, 40, 10, 5, 0,
                0));

        assertThat(levels.leadTimeDemand()).isCloseTo(160, within(1e-9));
        assertThat(levels.safetyStock()).isCloseTo(1.2815516 * 10, within(1e-5));
        assertThat(levels.orderUpTo()).isEqualTo(levels.reorderPoint());
    }

    @Test
    void ordersOnlyAtOrBelowTheReorderPointAndUpToTheLevel() {
        ReorderRule rule = ReorderRule.forecast(0.95, 5, 10, 30, 12);
        ReorderLevels levels = new ReorderLevels(40, 10, 50, 120);

        assertThat(ReorderPolicy.orderQuantity(rule, levels, 50.5)).isZero();
        assertThat(ReorderPolicy.orderQuantity(rule, levels, 50)).isEqualTo(72); // 70 needed, 6 packs of 12
        assertThat(ReorderPolicy.orderQuantity(rule, levels, 100)).isZero();
        assertThat(ReorderPolicy.orderQuantity(rule, new ReorderLevels(0, 0, 50, 60), 45)).isEqualTo(36); // MOQ 30
        assertThat(ReorderPolicy.orderQuantity(rule, levels, -20)).isEqualTo(144); // back-orders count
    }

    @Test
    void fixedLevelsNeedNoForecast() {
        ReorderRule rule = ReorderRule.fixedMinMax(20, 80, 7, 0, 1);
        ReorderLevels levels = ReorderPolicy.levels(rule, null);

        assertThat(levels.reorderPoint()).isEqualTo(20);
        assertThat(levels.orderUpTo()).isEqualTo(80);
        assertThat(ReorderPolicy.orderQuantity(rule, levels, 19)).isEqualTo(61);
    }

    @Test
    void rulesRejectNonsense() {
        assertThatThrownBy(() -> ReorderRule.forecast(1, 5, 7, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReorderRule.forecast(0.95, 0, 7, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReorderRule.forecast(0.95, 5, -1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReorderRule.forecast(0.95, 5, 7, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReorderRule.forecast(0.95, 5, 7, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReorderRule.fixedMinMax(50, 40, 5, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReorderPolicy.levels(ReorderRule.forecast(0.95, 5, 7, 0, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
