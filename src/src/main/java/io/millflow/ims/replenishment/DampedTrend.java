package io.millflow.ims.replenishment;

/**
 * Holt's linear method with a damped additive trend (Gardner–McKenzie): level and slope, the slope fading by
 * {@code phi} per day so that long horizons do not run away. As in {@link SimpleExponentialSmoothing} the level
 * is spread over the days of the week by the weekday profile {@code f} and corrected in error-correction form,
 * {@code e = y − f(day) × (level + phi × slope)}, {@code level = level + phi × slope + alpha × e},
 * {@code slope = phi × slope + alpha × beta × e}.
 */
final class DampedTrend implements ForecastMethod {

    static final double PHI = 0.98;
    private static final double[] ALPHAS = {0.05, 0.1};
    private static final double[] BETAS = {0.02, 0.1};

    @Override
    public String name() {
        return "Holt";
    }

    @Override
    public ForecastFit fit(BacktestWindow w) {
        double[] y = w.y;
        double[] weights = w.weights;
        double[] factors = w.factors;
        double trendWeight = trendWeight(PHI, w.horizon);
        int c = 0;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                double level = w.warmupMean();
                double slope = 0;
                w.begin();
                int day = w.warmup % 7;
                for (int t = w.warmup; t < w.n; t++) {
                    w.score(t, Math.max(0, weights[day] * level + trendWeight * slope));
                    double base = level + PHI * slope;
                    double e = y[t] - factors[day] * base;
                    level = base + alpha * e;
                    slope = PHI * slope + alpha * beta * e;
                    day = day == 6 ? 0 : day + 1;
                }
                w.offer(c++, weights[w.n % 7] * level + trendWeight * slope, level);
            }
        }
        int best = w.bestCandidate();
        return w.fit(name(), "alpha=" + ALPHAS[best / BETAS.length] + " beta=" + BETAS[best % BETAS.length]
                + " phi=" + PHI);
    }

    /** Sum over k = 1..h of (phi + phi² + … + phi^k): how much of today's slope a total over h days carries. */
    static double trendWeight(double phi, int h) {
        double weight = 0;
        double damped = 0;
        double power = 1;
        for (int k = 1; k <= h; k++) {
            power *= phi;
            damped += power;
            weight += damped;
        }
        return weight;
    }
}
