package io.millflow.ims.replenishment;

import java.util.Arrays;

/**
 * One series prepared for rolling-origin backtests, and the score-keeping of the candidate being run.
 * <p>
 * Days {@code [0, warmup)} only initialise a method's state. From then on, every day {@code t} is a forecast
 * origin: the method forecasts the total of days {@code [t, t + horizon)} from days {@code [0, t)}. Origins
 * whose target lies inside {@code [warmup, trainEnd)} are training origins; origins from {@code trainEnd} on
 * whose target lies inside the series are holdout origins.
 * <p>
 * The window also knows the series' day-of-week profile, estimated on the training part: {@link #weights}
 * gives, for an origin on each day of the week, how many "average days" of demand the horizon holds (they
 * average to the horizon), {@link #factors} the same for single days. Methods without a weekly season spread
 * their daily rate with it and learn from a day in proportion to its factor (a closed day teaches nothing).
 * <p>
 * To stay cheap, a candidate's run only sums its training error and stores its forecasts; holdout and scaled
 * errors are computed afterwards for the best candidates alone. Not thread-safe: one window per series and
 * thread.
 */
final class BacktestWindow {

    /** Pseudo demand days that pull a sparse weekday profile towards an even spread over the open weekdays. */
    private static final double PROFILE_PRIOR_DAYS = 10;

    final double[] y;
    final int n;
    final int warmup;
    final int trainEnd;
    final int horizon;
    /** Indexed by day modulo 7: the day's expected demand in units of the mean daily demand (7 × its share). */
    final double[] factors;
    /** Indexed by origin day modulo 7: the expected horizon total in units of the mean daily demand. */
    final double[] weights;
    private final double[] cumulative;
    private final double scaleFloor;

    private double trainSse;
    private int trainCount;
    private double[] current;

    private int bestCandidate = -1;
    private double bestTrainMse;
    private double bestForecast;
    private double bestRate;
    private double[] methodBest;
    private double[] spare;

    BacktestWindow(DemandSeries series, int warmup, int trainEnd, int horizon) {
        this.y = series.values();
        this.n = series.length();
        if (horizon < 1 || warmup < 7 || warmup % 7 != 0 || trainEnd < warmup + horizon || trainEnd > n) {
            throw new IllegalArgumentException("window does not fit: n=" + n + " warmup=" + warmup + " trainEnd="
                    + trainEnd + " horizon=" + horizon);
        }
        this.warmup = warmup;
        this.trainEnd = trainEnd;
        this.horizon = horizon;
        this.cumulative = new double[n + 1];
        for (int t = 0; t < n; t++) {
            cumulative[t + 1] = cumulative[t] + y[t];
        }
        this.factors = weekdayShares(y, trainEnd);
        for (int d = 0; d < 7; d++) {
            factors[d] *= 7;
        }
        this.weights = horizonWeights(factors, horizon);
        this.scaleFloor = Math.max(1e-9, 0.1 * horizon * cumulative[n] / n);
        this.current = new double[n];
        this.methodBest = new double[n];
    }

    /**
     * Share of demand falling on each day of the week (index modulo 7) in days {@code [0, end)}: each weekday's
     * mean demand per occurrence, over their sum. Pulled towards an even spread over the open weekdays as if
     * {@value #PROFILE_PRIOR_DAYS} more demand days had been spread evenly, so that an item with a handful of
     * demands gets no made-up weekly pattern.
     */
    static double[] weekdayShares(double[] y, int end) {
        double[] volume = new double[7];
        int[] occurrences = new int[7];
        int[] demandDays = new int[7];
        int days = 0;
        for (int t = 0; t < end; t++) {
            occurrences[t % 7]++;
            if (y[t] > 0) {
                volume[t % 7] += y[t];
                demandDays[t % 7]++;
                days++;
            }
        }
        boolean[] open = DemandClassification.openWeekdays(demandDays);
        int openCount = 0;
        double total = 0;
        double[] mean = new double[7];
        for (int w = 0; w < 7; w++) {
            openCount += open[w] ? 1 : 0;
            mean[w] = occurrences[w] == 0 ? 0 : volume[w] / occurrences[w];
            total += mean[w];
        }
        double[] shares = new double[7];
        if (total == 0) {
            Arrays.fill(shares, 1.0 / 7);
            return shares;
        }
        double prior = PROFILE_PRIOR_DAYS / Math.max(1, days);
        for (int w = 0; w < 7; w++) {
            shares[w] = (mean[w] / total + (open[w] ? prior / openCount : 0)) / (1 + prior);
        }
        return shares;
    }

    /** For an origin on each weekday, the sum of the day factors over the horizon's days. */
    static double[] horizonWeights(double[] factors, int horizon) {
        double[] weights = new double[7];
        for (int w = 0; w < 7; w++) {
            double sum = 0;
            for (int k = 0; k < horizon; k++) {
                sum += factors[(w + k) % 7];
            }
            weights[w] = sum;
        }
        return weights;
    }

    /** Total demand of days {@code [from, to)}. */
    double sum(int from, int to) {
        return cumulative[to] - cumulative[from];
    }

    /** Mean daily demand of the warm-up days. */
    double warmupMean() {
        return cumulative[warmup] / warmup;
    }

    /** Starts scoring a new candidate. */
    void begin() {
        trainSse = 0;
        trainCount = 0;
    }

    /** Records the forecast {@code total} of days {@code [t, t + horizon)} made at origin {@code t}. */
    void score(int t, double total) {
        current[t] = total;
        int end = t + horizon;
        if (end <= trainEnd) {
            double e = cumulative[end] - cumulative[t] - total;
            trainSse += e * e;
            trainCount++;
        }
    }

    /**
     * Ends the current candidate; it becomes the method's best if its training error is the smallest so far.
     *
     * @param candidate the candidate's index in the method's grid
     * @param forecast its forecast of the horizon total after the last day
     * @param rate its demand rate per calendar day after the last day
     */
    void offer(int candidate, double forecast, double rate) {
        double mse = trainCount == 0 ? 0 : trainSse / trainCount;
        if (bestCandidate < 0 || mse < bestTrainMse) {
            bestCandidate = candidate;
            bestTrainMse = mse;
            bestForecast = forecast;
            bestRate = rate;
            double[] swap = methodBest;
            methodBest = current;
            current = swap;
        }
    }

    /** Index of the best candidate offered since the last {@link #fit}. */
    int bestCandidate() {
        return bestCandidate;
    }

    /** The best candidate offered since the last call, scored on the holdout; resets for the next method. */
    ForecastFit fit(String method, String parameters) {
        if (bestCandidate < 0) {
            throw new IllegalStateException("no candidate offered");
        }
        double sse = 0;
        double errors = 0;
        int count = 0;
        for (int t = trainEnd; t + horizon <= n; t++) {
            double e = cumulative[t + horizon] - cumulative[t] - methodBest[t];
            sse += e * e;
            errors += e;
            count++;
        }
        ForecastFit fit = new ForecastFit(method, parameters, bestTrainMse, count == 0 ? Double.NaN : sse / count,
                count == 0 ? Double.NaN : errors / count, count, Math.max(0, bestForecast), Math.max(0, bestRate),
                methodBest);
        methodBest = spare != null ? spare : new double[n];
        spare = null;
        bestCandidate = -1;
        return fit;
    }

    /** Takes back the forecasts of a fit that is no longer needed, for the next method to use. */
    void recycle(ForecastFit fit) {
        spare = fit.forecasts();
    }

    /**
     * The spread of a fit's errors over all its training and holdout origins, for an error variance that grows
     * with the forecast F as F^power (so that demand that grows, or a horizon that holds a weekend, gets an
     * error in proportion to its demand): {@code [0]} the mean of e² ÷ F^power, {@code [1]} the skewness of
     * e ÷ F^(power/2). Forecasts are taken as at least {@link #scaleFloor()}.
     */
    double[] scaledSpread(ForecastFit fit, double power) {
        double[] f = fit.forecasts();
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int count = 0;
        for (int t = warmup; t + horizon <= n; t++) {
            if (t + horizon > trainEnd && t < trainEnd) {
                continue;
            }
            double u = (cumulative[t + horizon] - cumulative[t] - f[t]) / root(Math.max(f[t], scaleFloor), power);
            s1 += u;
            s2 += u * u;
            s3 += u * u * u;
            count++;
        }
        if (count == 0) {
            return new double[] {0, 0};
        }
        double mean = s1 / count;
        double variance = s2 / count - mean * mean;
        double third = s3 / count - 3 * mean * s2 / count + 2 * mean * mean * mean;
        return new double[] {s2 / count, variance > 0 ? third / Math.pow(variance, 1.5) : 0};
    }

    /** x^(power/2), without {@link Math#pow} for the powers in use. */
    private static double root(double x, double power) {
        if (power == 1) {
            return Math.sqrt(x);
        }
        if (power == 1.5) {
            return Math.sqrt(x * Math.sqrt(x));
        }
        return Math.pow(x, power / 2);
    }

    /** The smallest forecast total that scaled errors are divided by: a tenth of an average horizon's demand. */
    double scaleFloor() {
        return scaleFloor;
    }

    /**
     * Mean squared error of the naive forecast (the total of the previous {@code horizon} days) on the
     * training part: the scale of the RMSSE.
     */
    double naiveTrainingMse() {
        double sse = 0;
        int count = 0;
        for (int t = Math.max(horizon, warmup); t + horizon <= trainEnd; t++) {
            double e = sum(t, t + horizon) - sum(t - horizon, t);
            sse += e * e;
            count++;
        }
        return count == 0 ? 0 : sse / count;
    }
}
