package io.millflow.ims.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Each method on series whose right answer is known. */
class ForecastMethodsTest {

    private static DemandSeries series(int days, IntToDoubleFunction demand) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = demand.applyAsDouble(t);
        }
        return DemandSeries.of(LocalDate.of(2025, 1, 6), y);
    }

    private static ForecastFit fit(ForecastMethod method, DemandSeries series, int horizon) {
        int n = series.length();
        return method.fit(new BacktestWindow(series, 28, n - 91, horizon));
    }

    private static double alphaOf(ForecastFit fit) {
        String p = fit.parameters();
        int from = p.indexOf("alpha=") + 6;
        int to = p.indexOf(' ', from);
        return Double.parseDouble(to < 0 ? p.substring(from) : p.substring(from, to));
    }

    @Test
    void sesForecastsAConstantWeekdayDemandExactly() {
        DemandSeries s = series(400, t -> t % 7 < 5 ? 10 : 0);

        ForecastFit f = fit(new SimpleExponentialSmoothing(), s, 14);

        assertThat(f.horizonDemand()).isCloseTo(100, within(1e-6));
        assertThat(f.dailyRate()).isCloseTo(50.0 / 7, within(1e-6));
        assertThat(f.holdoutMse()).isCloseTo(0, within(1e-9));
    }

    @Test
    void sesSpreadsItsLevelOverTheWeekdayProfile() {
        DemandSeries s = series(400, t -> t % 7 < 5 ? 10 : 0);
        // 400 % 7 = 1: the horizon starts on a Tuesday; two days hold two working days, one on Saturday none
        assertThat(fit(new SimpleExponentialSmoothing(), s, 2).horizonDemand()).isCloseTo(20, within(1e-6));
        assertThat(fit(new SimpleExponentialSmoothing(), s.upTo(397), 2).horizonDemand()).isCloseTo(0, within(1e-6));
    }

    @Test
    void dampedHoltFollowsALinearTrend() {
        DemandSeries s = series(500, t -> 20 + 0.1 * t);
        double truth = 0;
        for (int k = 0; k < 7; k++) {
            truth += 20 + 0.1 * (500 + k);
        }

        ForecastFit holt = fit(new DampedTrend(), s, 7);
        ForecastFit ses = fit(new SimpleExponentialSmoothing(), s, 7);

        assertThat(holt.horizonDemand()).isCloseTo(truth, within(0.01 * truth));
        assertThat(holt.holdoutMse()).isLessThan(ses.holdoutMse() / 10);
    }

    @Test
    void holtWintersRecoversAWeeklyPattern() {
        double[] pattern = {22, 15, 10, 12, 6, 1, 0};
        SplittableRandom random = new SplittableRandom(1);
        DemandSeries s = series(455, t -> pattern[t % 7] * (0.9 + 0.2 * random.nextDouble()));

        for (int end = 420; end < 427; end++) {
            ForecastFit f = fit(HoltWintersWeekly.seasonal(), s.upTo(end), 1);
            assertThat(f.horizonDemand()).as("day %d", end % 7).isCloseTo(pattern[end % 7], offset(1.5));
        }
    }

    @Test
    void holtWintersWithTrendFollowsAGrowingWeeklyPattern() {
        double[] pattern = {1.2, 1.1, 1.0, 1.0, 0.7, 0, 0};
        DemandSeries s = series(500, t -> pattern[t % 7] * (10 + 0.05 * t));
        double truth = 0;
        for (int k = 0; k < 7; k++) {
            truth += pattern[(500 + k) % 7] * (10 + 0.05 * (500 + k));
        }

        ForecastFit trend = fit(HoltWintersWeekly.seasonalWithTrend(), s, 7);
        ForecastFit flat = fit(HoltWintersWeekly.seasonal(), s, 7);

        assertThat(trend.horizonDemand()).isCloseTo(truth, within(0.02 * truth));
        assertThat(trend.holdoutMse()).isLessThan(flat.holdoutMse());
    }

    @Test
    void crostonForecastsAConstantIntermittentPatternExactly() {
        DemandSeries s = series(400, t -> t % 4 == 0 ? 8 : 0);

        ForecastFit croston = fit(Croston.classic(), s, 28);
        ForecastFit sba = fit(Croston.sba(), s, 28);

        // 8 units every 4 days = 2 a day; over 28 days 56; SBA deliberately 1 - alpha/2 below
        assertThat(croston.horizonDemand()).isCloseTo(56, within(1e-6));
        assertThat(croston.holdoutMse()).isCloseTo(0, within(1e-9));
        assertThat(sba.horizonDemand()).isCloseTo(56 * (1 - alphaOf(sba) / 2), within(1e-6));
    }

    @Test
    void crostonSmoothsSizesAndIntervalsOnlyOnDemandDays() {
        // sizes alternate 6 and 10 (mean 8), intervals alternate 3 and 5 days (mean 4): about 2 a day
        int[] days = new int[200];
        for (int i = 1; i < days.length; i++) {
            days[i] = days[i - 1] + (i % 2 == 0 ? 3 : 5);
        }
        double[] y = new double[days[days.length - 1] + 1];
        for (int i = 0; i < days.length; i++) {
            y[days[i]] = i % 2 == 0 ? 6 : 10;
        }
        DemandSeries s = DemandSeries.of(LocalDate.of(2025, 1, 6), y);

        ForecastFit croston = fit(Croston.classic(), s, 28);

        assertThat(croston.dailyRate()).isCloseTo(2, within(0.15));
    }

    @Test
    void tsbLetsTheForecastOfADyingItemDecayButCrostonDoesNot() {
        DemandSeries s = series(500, t -> t < 330 && t % 3 == 0 ? 5 : 0);

        ForecastFit tsb = fit(new Tsb(), s, 28);
        ForecastFit croston = fit(Croston.classic(), s, 28);

        assertThat(croston.dailyRate()).isCloseTo(5.0 / 3, within(0.1));
        assertThat(tsb.dailyRate()).isLessThan(croston.dailyRate() / 2);
        assertThat(tsb.holdoutMse()).isLessThan(croston.holdoutMse());
    }

    @Test
    void yearOverYearFollowsAYearlySwingThatALevelLagsBehind() {
        double[] weekday = {1.2, 1.1, 1.0, 1.0, 0.7, 0, 0};
        IntToDoubleFunction rate = t -> 20 * (1 + 0.6 * Math.sin(2 * Math.PI * t / 364));
        DemandSeries s = series(730, t -> weekday[t % 7] * rate.applyAsDouble(t));
        int origin = 700; // the swing rises steeply here
        double truth = 0;
        for (int k = 0; k < 14; k++) {
            truth += s.get(origin + k);
        }

        ForecastFit yoy = fit(new YearOverYear(), s.upTo(origin), 14);
        ForecastFit ses = fit(new SimpleExponentialSmoothing(), s.upTo(origin), 14);

        assertThat(yoy.horizonDemand()).isCloseTo(truth, within(0.05 * truth));
        assertThat(Math.abs(ses.horizonDemand() - truth)).isGreaterThan(0.1 * truth);
        assertThat(yoy.holdoutMse()).isLessThan(ses.holdoutMse());
    }

    @Test
    void everyMethodForecastsNothingForAnEmptySeriesAndNeverBelowZero() {
        DemandSeries empty = series(200, t -> 0);
        DemandSeries falling = series(200, t -> Math.max(0, 50 - 0.5 * t));
        for (ForecastMethod m : new ForecastMethod[] {new SimpleExponentialSmoothing(), new DampedTrend(),
            HoltWintersWeekly.seasonal(), HoltWintersWeekly.seasonalWithTrend(), new YearOverYear(),
            Croston.classic(), Croston.sba(), new Tsb()}) {
            assertThat(fit(m, empty, 7).horizonDemand()).as(m.name()).isZero();
            assertThat(fit(m, falling, 7).horizonDemand()).as(m.name()).isGreaterThanOrEqualTo(0);
        }
    }
}
