package io.millflow.ims.replenishment;

/**
 * Additive Holt–Winters with a weekly season (7 daily indices), with or without a damped trend. This is the
 * method for regular daily demand of a plant whose days of the week differ (and whose weekend is empty).
 * <p>
 * Yearly seasonality is not modelled with 365 indices (two years of history would fit them to noise); a
 * level that is re-estimated every day, with the trend variant following its slope, tracks a slow yearly
 * swing closely enough over a lead time.
 */
final class HoltWintersWeekly implements ForecastMethod {

    private static final int PERIOD = 7;
    private final boolean trend;
    private final double[] alphas;
    private final double[] betas;
    private final double[] gammas;

    private HoltWintersWeekly(boolean trend, double[] alphas, double[] betas, double[] gammas) {
        this.trend = trend;
        this.alphas = alphas;
        this.betas = betas;
        this.gammas = gammas;
    }

    /** Level and weekly season. */
    static HoltWintersWeekly seasonal() {
        return new HoltWintersWeekly(false, new double[] {0.03, 0.1}, new double[] {0},
                new double[] {0.02, 0.05, 0.15});
    }

    /** Level, damped trend and weekly season. */
    static HoltWintersWeekly seasonalWithTrend() {
        return new HoltWintersWeekly(true, new double[] {0.05}, new double[] {0.01, 0.05}, new double[] {0.02, 0.1});
    }

    @Override
    public String name() {
        return trend ? "HW-trend" : "HW";
    }

    @Override
    public ForecastFit fit(BacktestWindow w) {
        double[] y = w.y;
        int h = w.horizon;
        double phi = trend ? DampedTrend.PHI : 0;
        double trendWeight = trend ? DampedTrend.trendWeight(phi, h) : 0;
        int fullWeeks = h / PERIOD;
        int rest = h % PERIOD;
        double[] season = new double[PERIOD];
        int c = 0;
        for (double alpha : alphas) {
            for (double beta : betas) {
                for (double gamma : gammas) {
                    double level = initialise(w, season);
                    double slope = 0;
                    double seasonSum = 0;
                    w.begin();
                    int s = w.warmup % PERIOD;
                    // the indices of the horizon's last, incomplete week: days s .. s + rest - 1
                    double partial = 0;
                    for (int k = 0; k < rest; k++) {
                        partial += season[(s + k) % PERIOD];
                    }
                    for (int t = w.warmup; t < w.n; t++) {
                        w.score(t, Math.max(0, h * level + trendWeight * slope + fullWeeks * seasonSum + partial));
                        double previous = level;
                        double base = level + phi * slope;
                        double old = season[s];
                        level = alpha * (y[t] - old) + (1 - alpha) * base;
                        slope = beta * (level - previous) + (1 - beta) * phi * slope;
                        double updated = gamma * (y[t] - base) + (1 - gamma) * old;
                        seasonSum += updated - old;
                        season[s] = updated;
                        if (rest > 0) {
                            int next = s + rest >= PERIOD ? s + rest - PERIOD : s + rest;
                            partial += season[next] - old;
                        }
                        s = s == PERIOD - 1 ? 0 : s + 1;
                    }
                    double seasonal = fullWeeks * seasonSum;
                    for (int k = 0; k < rest; k++) {
                        seasonal += season[(w.n + k) % PERIOD];
                    }
                    w.offer(c++, h * level + trendWeight * slope + seasonal, level);
                }
            }
        }
        int best = w.bestCandidate();
        double gamma = gammas[best % gammas.length];
        double beta = betas[(best / gammas.length) % betas.length];
        double alpha = alphas[best / (gammas.length * betas.length)];
        return w.fit(name(), "alpha=" + alpha + (trend ? " beta=" + beta + " phi=" + phi : "") + " gamma=" + gamma);
    }

    /**
     * Level = mean of the warm-up weeks; each day's index = its mean over those weeks minus the level. The
     * indices start summing to zero; {@code seasonSum} tracks their drift from there.
     */
    private static double initialise(BacktestWindow w, double[] season) {
        double level = w.warmupMean();
        int weeks = w.warmup / PERIOD;
        for (int s = 0; s < PERIOD; s++) {
            double sum = 0;
            for (int k = 0; k < weeks; k++) {
                sum += w.y[s + PERIOD * k];
            }
            season[s] = sum / weeks - level;
        }
        return level;
    }
}
