package io.millflow.ims.replenishment;

/**
 * Simple exponential smoothing: one level (demand per average day), spread over the days of the week by the
 * series' weekday profile {@code f}, in error-correction form: {@code level += alpha × (y − f(day) × level)},
 * so that a day with no demand expected (a weekend) leaves it alone. The benchmark every other method must
 * beat.
 */
final class SimpleExponentialSmoothing implements ForecastMethod {

    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2};

    @Override
    public String name() {
        return "SES";
    }

    @Override
    public ForecastFit fit(BacktestWindow w) {
        double[] y = w.y;
        double[] weights = w.weights;
        double[] factors = w.factors;
        for (int c = 0; c < ALPHAS.length; c++) {
            double alpha = ALPHAS[c];
            double level = w.warmupMean();
            w.begin();
            int day = w.warmup % 7;
            for (int t = w.warmup; t < w.n; t++) {
                w.score(t, weights[day] * level);
                level += alpha * (y[t] - factors[day] * level);
                day = day == 6 ? 0 : day + 1;
            }
            w.offer(c, weights[w.n % 7] * level, level);
        }
        return w.fit(name(), "alpha=" + ALPHAS[w.bestCandidate()]);
    }
}
