package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.millflow.ims.replenishment.DemandGenerator.GeneratedItem;
import io.millflow.ims.replenishment.DemandGenerator.Pattern;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class DemandForecasterTest {

    private static final Set<String> SPORADIC_METHODS = Set.of("Croston", "SBA", "TSB");
    private final DemandForecaster forecaster = new DemandForecaster();

    private static DemandSeries series(int days, IntToDoubleFunction demand) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = demand.applyAsDouble(t);
        }
        return DemandSeries.of(LocalDate.of(2025, 1, 6), y);
    }

    @Test
    void aRegularIntermittentPatternGoesToCrostonWithoutError() {
        // 35 days always hold exactly seven demands of 6
        DemandForecast f = forecaster.forecast(series(500, t -> t % 5 == 0 ? 6 : 0), 35);

        assertThat(f.classification().demandClass()).isEqualTo(DemandClass.INTERMITTENT);
        assertThat(f.method()).isEqualTo("Croston");
        assertThat(f.horizonDemand()).isCloseTo(42, within(1e-6));
        assertThat(f.sigma()).isCloseTo(0, within(1e-6));
    }

    @Test
    void sigmaIsTheSpreadOfTheHorizonTotalEvenForAFixedPattern() {
        // 21 days hold four demands of 6 (four times in five) or five: sd = sqrt(0.8 * 0.2) * 6 = 2.4
        DemandForecast f = forecaster.forecast(series(500, t -> t % 5 == 0 ? 6 : 0), 21);

        assertThat(f.horizonDemand()).isCloseTo(25.2, within(0.1));
        assertThat(f.sigma()).isCloseTo(2.4, within(0.1));
    }

    @Test
    void intermittentMethodsWinOnIntermittentAndLumpyItems() {
        List<GeneratedItem> sporadic = DemandGenerator.twoYears().items(100).stream()
                .filter(i -> i.pattern() == Pattern.INTERMITTENT || i.pattern() == Pattern.LUMPY).toList();
        long won = sporadic.stream()
                .map(i -> forecaster.forecast(i.demand(), i.leadTimeDays()))
                .filter(f -> SPORADIC_METHODS.contains(f.method())).count();

        assertThat(sporadic).hasSize(40);
        assertThat(won).as("sporadic items forecast by Croston, SBA or TSB").isGreaterThanOrEqualTo(30);
    }

    @Test
    void regularMethodsWinOnSmoothItems() {
        List<GeneratedItem> smooth = DemandGenerator.twoYears().items(100).stream()
                .filter(i -> i.pattern() == Pattern.SMOOTH).toList();
        double rmsse = 0;
        for (GeneratedItem item : smooth) {
            DemandForecast f = forecaster.forecast(item.demand(), item.leadTimeDays());
            assertThat(f.classification().demandClass()).as(item.sku()).isEqualTo(DemandClass.SMOOTH);
            assertThat(f.method()).as(item.sku()).isNotIn(SPORADIC_METHODS);
            rmsse += f.error() / smooth.size();
        }
        assertThat(rmsse).as("mean RMSSE: better than repeating the last lead time's demand").isLessThan(0.75);
    }

    @Test
    void sigmaMatchesTheSpreadOfIndependentDemand() {
        // Poisson(9) every day: a 10-day total has standard deviation sqrt(90)
        SplittableRandom random = new SplittableRandom(7);
        DemandSeries s = series(730, t -> DemandGenerator.poisson(random, 9));

        DemandForecast f = forecaster.forecast(s, 10);

        assertThat(f.horizonDemand()).isCloseTo(90, within(6.0));
        assertThat(f.sigma()).isCloseTo(Math.sqrt(90), within(0.15 * Math.sqrt(90)));
        assertThat(f.sigmaOver(40)).isCloseTo(2 * f.sigma(), within(1e-9));
    }

    @Test
    void aTrendIsForecastAhead() {
        SplittableRandom random = new SplittableRandom(3);
        DemandSeries s = series(600, t -> t % 7 < 5 ? DemandGenerator.poisson(random, 10 + 0.05 * t) : 0);
        double truth = 0;
        for (int k = 0; k < 14; k++) {
            truth += (600 + k) % 7 < 5 ? 10 + 0.05 * (600 + k) : 0;
        }
        double lastMonth = 0;
        for (int t = 572; t < 600; t++) {
            lastMonth += s.get(t);
        }

        DemandForecast f = forecaster.forecast(s, 14);

        assertThat(f.horizonDemand()).isCloseTo(truth, within(0.06 * truth));
        assertThat(f.horizonDemand()).isGreaterThan(lastMonth / 2);
    }

    @Test
    void theWeekendIsForecastEmptyAndGetsNoSigma() {
        SplittableRandom random = new SplittableRandom(5);
        DemandSeries s = series(600, t -> t % 7 < 5 ? DemandGenerator.poisson(random, 12) : 0);

        DemandForecast saturdayAndSunday = forecaster.forecast(s.upTo(593), 2);
        DemandForecast mondayAndTuesday = forecaster.forecast(s.upTo(595), 2);

        assertThat(saturdayAndSunday.horizonDemand()).isLessThan(1);
        assertThat(saturdayAndSunday.sigma()).isLessThan(mondayAndTuesday.sigma() / 2);
        assertThat(mondayAndTuesday.horizonDemand()).isCloseTo(24, within(4.0));
        assertThat(saturdayAndSunday.meanDaily()).isCloseTo(12 * 5 / 7.0, within(1.0));
    }

    @Test
    void demandThatStartsLateGetsAnHonestSigma() {
        // nothing for 200 days, then 5 every tenth day: errors of the empty start must not blow sigma up
        DemandForecast f = forecaster.forecast(series(365, t -> t >= 200 && t % 10 == 0 ? 5 : 0), 20);

        assertThat(f.horizonDemand()).isBetween(5.0, 15.0);
        assertThat(f.sigma()).isBetween(1.0, 30.0);
    }

    @Test
    void withoutDemandThereIsNothingToForecast() {
        DemandForecast f = forecaster.forecast(series(400, t -> 0), 7);

        assertThat(f.method()).isEqualTo("none");
        assertThat(f.horizonDemand()).isZero();
        assertThat(f.sigma()).isZero();
    }

    @Test
    void aShortHistoryFallsBackToItsMean() {
        DemandForecast f = forecaster.forecast(series(60, t -> t % 2 == 0 ? 4 : 0), 7);

        assertThat(f.method()).isEqualTo("mean");
        assertThat(f.horizonDemand()).isCloseTo(14, within(1e-9));
        assertThat(f.sigma()).isCloseTo(Math.sqrt(7) * Math.sqrt(4.0 * 60 / 59), within(1e-9));
    }

    @Test
    void theUndershootIsTheMeanExcessOfDemandDayQuantities() {
        // every day 10: an order is triggered on average 5 below the reorder point (E[X²]/2E[X] = 100/20)
        double[] constant = DemandForecaster.undershoot(series(100, t -> 10));
        assertThat(constant[0]).isCloseTo(5, within(1e-9));
        assertThat(constant[1]).isCloseTo(1000.0 / 30 - 25, within(1e-9));

        // lumps of 1 and 19 alternating: the big ones dominate what falls below the reorder point
        double[] lumpy = DemandForecaster.undershoot(series(100, t -> t % 10 == 0 ? (t % 20 == 0 ? 1 : 19) : 0));
        assertThat(lumpy[0]).isCloseTo((1 + 361) / 2.0 / 20, within(1e-9));
    }
}
