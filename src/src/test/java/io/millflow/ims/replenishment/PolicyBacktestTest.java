package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.ims.replenishment.PolicyBacktest.Comparison;
import io.millflow.ims.replenishment.PolicyBacktest.Outcome;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acceptance line 3 of issue #5: on the generated data set (200 items, two years of daily demand, fixed seed)
 * the forecast policy reaches the 95 % service level with less average stock than the best fixed min/max, or
 * has fewer stock-outs at equal stock. The last year is simulated, the first is history; the forecast policy
 * re-forecasts every night from the days before only.
 */
class PolicyBacktestTest {

    private static final Logger log = LoggerFactory.getLogger(PolicyBacktestTest.class);
    private static Comparison comparison;

    @BeforeAll
    static void runBacktest() {
        comparison = new PolicyBacktest(PolicyBacktest.Settings.defaults(), new DemandForecaster())
                .run(DemandGenerator.twoYears().items(200));
        log.info("Backtest of issue #5, 200 items, last 365 days:\n{}", comparison.summary());
    }

    @Test
    void theForecastPolicyBeatsTheBestFixedMinMax() {
        Outcome forecast = comparison.forecast();
        Outcome fixed = comparison.bestFixed();
        Outcome equalStock = comparison.fixedAtEqualStock();

        assertThat(fixed).as("a fixed min/max reaching 95 %").isNotNull();
        assertThat(fixed.serviceLevel()).isGreaterThanOrEqualTo(0.95);
        log.info(String.format(java.util.Locale.ROOT, "Acceptance 3: forecast policy %.2f %% service, %.0f units average "
                + "stock, %d stock-out days; best fixed min/max %.2f %%, %.0f units; fixed min/max at equal stock "
                + "%.2f %%, %.0f units, %d stock-out days", 100 * forecast.serviceLevel(), forecast.averageStock(),
                forecast.stockoutDays(), 100 * fixed.serviceLevel(), fixed.averageStock(),
                100 * equalStock.serviceLevel(), equalStock.averageStock(), equalStock.stockoutDays()));
        assertThat(comparison.lessStockAtTarget() || comparison.fewerStockoutsAtEqualStock())
                .as("95 %% with less stock, or fewer stock-outs at equal stock:%n%s", comparison.summary()).isTrue();
        // which of the two holds on this data set: the untuned policy ends just short of 95 % (ADR 11), so the claim
        // it meets is the second one, fewer stock-outs than fixed levels holding at least as much stock
        assertThat(comparison.fewerStockoutsAtEqualStock()).as(comparison.summary()).isTrue();

        // what this data set shows beyond the acceptance line: fewer stock-outs than fixed levels holding as much
        // stock, and close to the target without any tuning on the simulated year
        assertThat(equalStock.averageStock()).isGreaterThanOrEqualTo(forecast.averageStock());
        assertThat(forecast.stockoutDays()).isLessThan(equalStock.stockoutDays());
        assertThat(forecast.shortUnits()).isLessThan(equalStock.shortUnits());
        assertThat(forecast.serviceLevel()).isGreaterThan(0.94);
        assertThat(forecast.averageStock()).isLessThan(fixed.averageStock());
    }

    @Test
    void withTheSameHindsightAsTheFixedLevelsTheForecastPolicyNeedsLessStock() {
        Outcome calibrated = comparison.calibratedForecast();

        assertThat(calibrated).isNotNull();
        assertThat(calibrated.serviceLevel()).isGreaterThanOrEqualTo(0.95);
        assertThat(comparison.calibratedLessStockAtTarget()).isTrue();
    }

    @Test
    void theComparisonCoversEveryPatternAndHasABound() {
        List<Outcome> perPattern = comparison.perPattern();

        assertThat(perPattern).hasSize(2 * DemandGenerator.Pattern.values().length);
        assertThat(comparison.perItemFixed().serviceLevel()).isGreaterThanOrEqualTo(0.95);
        // the pattern fixed levels serve worst is where forecasting pays: trending demand
        Outcome trendingForecast = find(perPattern, "TRENDING forecast policy");
        Outcome trendingFixed = find(perPattern, "TRENDING best fixed");
        assertThat(trendingForecast.stockoutDays()).isLessThan(trendingFixed.stockoutDays());
    }

    private static Outcome find(List<Outcome> outcomes, String policy) {
        return outcomes.stream().filter(o -> o.policy().equals(policy)).findFirst().orElseThrow();
    }
}
