package io.millflow.ims.replenishment;

/**
 * The Teunter–Syntetos–Babai method: smooths the probability of demand on a day every day (so a dying item's
 * forecast decays even while nothing is issued) and the size of demand on days with demand. The rate is spread
 * over the days of the week by the series' weekday profile {@code f}; the probability (per average day) is
 * corrected by {@code beta × (occurred − f(day) × probability)}, so that a closed day leaves it alone.
 */
final class Tsb implements ForecastMethod {

    private static final double[] ALPHAS = {0.05, 0.1, 0.2};
    private static final double[] BETAS = {0.01, 0.03};

    @Override
    public String name() {
        return "TSB";
    }

    @Override
    public ForecastFit fit(BacktestWindow w) {
        double[] y = w.y;
        double[] weights = w.weights;
        double[] factors = w.factors;
        int demands = 0;
        double sizes = 0;
        for (int t = 0; t < w.warmup; t++) {
            if (y[t] > 0) {
                demands++;
                sizes += y[t];
            }
        }
        int c = 0;
        for (double alpha : ALPHAS) {
            for (double beta : BETAS) {
                double probability = (double) demands / w.warmup;
                double size = demands > 0 ? sizes / demands : 0;
                w.begin();
                int day = w.warmup % 7;
                for (int t = w.warmup; t < w.n; t++) {
                    w.score(t, weights[day] * probability * size);
                    if (y[t] > 0) {
                        probability += beta * (1 - factors[day] * probability);
                        size = size == 0 ? y[t] : size + alpha * (y[t] - size);
                    } else {
                        probability -= beta * factors[day] * probability;
                    }
                    day = day == 6 ? 0 : day + 1;
                }
                w.offer(c++, weights[w.n % 7] * probability * size, probability * size);
            }
        }
        int best = w.bestCandidate();
        return w.fit(name(), "alpha=" + ALPHAS[best / BETAS.length] + " beta=" + BETAS[best % BETAS.length]);
    }
}
