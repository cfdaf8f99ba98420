package io.millflow.ims.replenishment;

import java.util.List;

/**
 * Forecasts a demand series over a horizon with the method that backtests best on it.
 * <p>
 * The last {@code holdoutDays} days of the history are the holdout, the days before it (after a four-week
 * warm-up) the training part. Every candidate method fits its parameters on the training part and is then
 * scored, from every day of the holdout as an origin, on the total demand of the next {@code horizon} days
 * (rolling origin; the state is updated with each day's actual demand, the parameters stay fixed). The method
 * with the smallest holdout error wins; the RMSSE (its root mean squared error relative to the naive
 * forecast's) is reported as its error.
 * <p>
 * σ of the horizon total comes from the winner's errors at every origin, training and holdout (a year of
 * history gives hundreds, where the holdout alone gives a few dozen independent horizons). Since the spread of
 * demand grows with its level, the errors are pooled relative to the forecast F they belonged to and scaled
 * back to the forecast at hand: σ² = mean(e² / F^b) × F^b, with b = 1.5 for regular and 1 for sporadic demand.
 * So a growing item is not judged by the small errors of its early days, and a horizon that holds a weekend
 * gets less σ than one of five working days. The errors' skewness goes with the forecast, for the safety
 * factor (see {@link ReorderPolicy}).
 * <p>
 * Scoring totals over the horizon rather than single days is deliberate: the reorder point needs the lead
 * time's total, intermittent series are not judged on a string of zero days, and minimising this error
 * minimises the safety stock. Which methods compete depends on the {@link DemandClass}: methods for regular
 * demand (SES, damped Holt, weekly Holt–Winters with and without trend, year-over-year) on smooth and erratic
 * series, methods for sporadic demand (Croston, SBA, TSB) and SES on intermittent and lumpy ones.
 * <p>
 * Thread-safe and stateless; one instance serves a whole replenishment run.
 */
public final class DemandForecaster {

    /** Days used only to initialise the methods (whole weeks). */
    static final int WARMUP_DAYS = 28;
    /** Fewest training days after the warm-up. */
    static final int MIN_TRAINING_DAYS = 56;
    /**
     * How the variance of regular demand grows with its level: Var ∝ mean^1.5, the middle of the range that
     * Taylor's power law finds for demand (1 for Poisson-like counts, 2 for a constant coefficient of variation).
     */
    static final double REGULAR_VARIANCE_POWER = 1.5;
    /** Sporadic demand's variance grows with the rate of demand events, as for a compound Poisson process. */
    static final double SPORADIC_VARIANCE_POWER = 1;
    /** Demand days whose quantities estimate the undershoot. */
    static final int UNDERSHOOT_DAYS = 60;

    private static final List<ForecastMethod> REGULAR = List.of(new SimpleExponentialSmoothing(), new DampedTrend(),
            HoltWintersWeekly.seasonal(), HoltWintersWeekly.seasonalWithTrend(), new YearOverYear());
    private static final List<ForecastMethod> SPORADIC = List.of(new SimpleExponentialSmoothing(), Croston.classic(),
            Croston.sba(), new Tsb());

    private final int holdoutDays;

    /** A forecaster backtesting on the last 26 weeks. */
    public DemandForecaster() {
        this(182);
    }

    public DemandForecaster(int holdoutDays) {
        if (holdoutDays < 7) {
            throw new IllegalArgumentException("holdoutDays must be at least 7, was " + holdoutDays);
        }
        this.holdoutDays = holdoutDays;
    }

    /** The methods that compete for a series of the given class. */
    static List<ForecastMethod> candidates(DemandClass demandClass) {
        return demandClass.isSporadic() ? SPORADIC : REGULAR;
    }

    /** Forecasts the total demand of the {@code horizonDays} days after the history. */
    public DemandForecast forecast(DemandSeries history, int horizonDays) {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be at least 1, was " + horizonDays);
        }
        DemandClassification classification = DemandClassification.of(history);
        int n = history.length();
        if (classification.demandClass() == DemandClass.NO_DEMAND) {
            return new DemandForecast(classification, "none", "", horizonDays, 0, 0, 0, 0, Double.NaN, 0, 0, 0, 0);
        }
        int training = Math.max(MIN_TRAINING_DAYS, 2 * horizonDays);
        int holdout = Math.min(holdoutDays, n - WARMUP_DAYS - training);
        double[] undershoot = undershoot(history);
        if (holdout < horizonDays + 7) {
            return historicalMean(history, classification, horizonDays, undershoot);
        }
        BacktestWindow window = new BacktestWindow(history, WARMUP_DAYS, n - holdout, horizonDays);
        ForecastFit best = null;
        for (ForecastMethod method : candidates(classification.demandClass())) {
            ForecastFit fit = method.fit(window);
            if (best == null || fit.holdoutMse() < best.holdoutMse()) {
                if (best != null) {
                    window.recycle(best);
                }
                best = fit;
            } else {
                window.recycle(fit);
            }
        }
        double naive = window.naiveTrainingMse();
        double rmsse = naive > 0 ? Math.sqrt(best.holdoutMse() / naive) : Double.NaN;
        double power = classification.demandClass().isSporadic() ? SPORADIC_VARIANCE_POWER : REGULAR_VARIANCE_POWER;
        double[] spread = window.scaledSpread(best, power);
        double sigma = Math.sqrt(spread[0] * Math.pow(Math.max(best.horizonDemand(), window.scaleFloor()), power));
        return new DemandForecast(classification, best.method(), best.parameters(), horizonDays, best.horizonDemand(),
                best.dailyRate(), sigma, spread[1], rmsse, best.holdoutBias(), best.holdoutOrigins(), undershoot[0],
                undershoot[1]);
    }

    /**
     * Mean and variance of the undershoot, from the quantities of the last {@value #UNDERSHOOT_DAYS} days with
     * demand (the equilibrium excess of their distribution).
     */
    static double[] undershoot(DemandSeries history) {
        double[] y = history.values();
        double m1 = 0;
        double m2 = 0;
        double m3 = 0;
        int count = 0;
        for (int t = history.length() - 1; t >= 0 && count < UNDERSHOOT_DAYS; t--) {
            double x = y[t];
            if (x > 0) {
                m1 += x;
                m2 += x * x;
                m3 += x * x * x;
                count++;
            }
        }
        if (count == 0) {
            return new double[] {0, 0};
        }
        double mean = m2 / (2 * m1);
        return new double[] {mean, Math.max(0, m3 / (3 * m1) - mean * mean)};
    }

    /** Too little history to backtest: the mean, and σ from the daily spread by the square-root law. */
    private static DemandForecast historicalMean(DemandSeries history, DemandClassification classification,
            int horizonDays, double[] undershoot) {
        double[] y = history.values();
        int n = history.length();
        double mean = history.mean();
        double squares = 0;
        for (int t = 0; t < n; t++) {
            squares += (y[t] - mean) * (y[t] - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : mean;
        return new DemandForecast(classification, "mean", "days=" + n, horizonDays, mean * horizonDays, mean,
                sd * Math.sqrt(horizonDays), 0, Double.NaN, 0, 0, undershoot[0], undershoot[1]);
    }
}
