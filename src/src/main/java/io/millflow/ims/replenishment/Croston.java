package io.millflow.ims.replenishment;

/**
 * Croston's method for intermittent demand and the Syntetos–Boylan approximation (SBA): demand sizes and the
 * intervals between demands are smoothed apart, and only on days with demand; the daily rate is size divided
 * by interval, which SBA multiplies by {@code 1 − alpha/2} to remove Croston's bias. The rate is spread over
 * the days of the week by the series' weekday profile.
 */
final class Croston implements ForecastMethod {

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3};
    private final boolean debiased;

    private Croston(boolean debiased) {
        this.debiased = debiased;
    }

    static Croston classic() {
        return new Croston(false);
    }

    static Croston sba() {
        return new Croston(true);
    }

    @Override
    public String name() {
        return debiased ? "SBA" : "Croston";
    }

    @Override
    public ForecastFit fit(BacktestWindow w) {
        double[] y = w.y;
        double[] weights = w.weights;
        int demands = 0;
        int first = -1;
        int last = -1;
        double sizes = 0;
        for (int t = 0; t < w.warmup; t++) {
            if (y[t] > 0) {
                demands++;
                sizes += y[t];
                first = first < 0 ? t : first;
                last = t;
            }
        }
        // the mean gap between the warm-up's demands; with a single demand, the warm-up's length
        double firstInterval = demands > 1 ? (double) (last - first) / (demands - 1) : w.warmup;
        for (int c = 0; c < ALPHAS.length; c++) {
            double alpha = ALPHAS[c];
            double factor = debiased ? 1 - alpha / 2 : 1;
            boolean started = demands > 0;
            double size = started ? sizes / demands : 0;
            double interval = started ? firstInterval : 1;
            int sinceLast = started ? w.warmup - last : w.warmup + 1;
            double rate = started ? factor * size / interval : 0;
            w.begin();
            int day = w.warmup % 7;
            for (int t = w.warmup; t < w.n; t++) {
                w.score(t, weights[day] * rate);
                day = day == 6 ? 0 : day + 1;
                if (y[t] > 0) {
                    if (started) {
                        size += alpha * (y[t] - size);
                        interval += alpha * (sinceLast - interval);
                    } else {
                        size = y[t];
                        interval = sinceLast;
                        started = true;
                    }
                    rate = factor * size / interval;
                    sinceLast = 1;
                } else {
                    sinceLast++;
                }
            }
            w.offer(c, weights[w.n % 7] * rate, rate);
        }
        return w.fit(name(), "alpha=" + ALPHAS[w.bestCandidate()]);
    }
}
