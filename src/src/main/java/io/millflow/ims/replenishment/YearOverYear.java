package io.millflow.ims.replenishment;

/**
 * Yearly seasonality from last year: the recent mean daily demand, times how demand moved last year from the
 * same weeks to the weeks of the forecast horizon.
 * <p>
 * At origin {@code t} with a recent window of {@code K} days: rate = mean of {@code [t − K, t)} × mean of the
 * 8 weeks centred on the horizon one year (52 weeks) earlier ÷ mean of {@code [t − 364 − K, t − 364)}; the
 * rate is spread over the days of the week by the weekday profile. Both means of last year lag the horizon
 * exactly as the recent mean lags it, so a yearly swing (or a steady growth) is followed without the lag of
 * a smoothed level. Until a year and {@code K} days of history exist it forecasts the recent mean, which
 * rarely beats the other methods: it wins the backtest only where a year of history shows a seasonal swing.
 */
final class YearOverYear implements ForecastMethod {

    private static final int YEAR = 364;
    private static final int SEASON_WINDOW = 56;
    private static final int[] RECENT_DAYS = {28, 56};

    @Override
    public String name() {
        return "YoY";
    }

    @Override
    public ForecastFit fit(BacktestWindow w) {
        double[] weights = w.weights;
        int h = w.horizon;
        for (int c = 0; c < RECENT_DAYS.length; c++) {
            int k = RECENT_DAYS[c];
            w.begin();
            int day = w.warmup % 7;
            for (int t = w.warmup; t < w.n; t++) {
                w.score(t, weights[day] * rate(w, t, k, h));
                day = day == 6 ? 0 : day + 1;
            }
            w.offer(c, weights[w.n % 7] * rate(w, w.n, k, h), rate(w, w.n, k, h));
        }
        return w.fit(name(), "recentDays=" + RECENT_DAYS[w.bestCandidate()]);
    }

    /** The daily rate forecast at origin {@code t} (from days before {@code t} only). */
    private static double rate(BacktestWindow w, int t, int recentDays, int h) {
        int k = Math.min(recentDays, t);
        double recent = w.sum(t - k, t) / k;
        if (t < YEAR + recentDays) {
            return recent;
        }
        double before = w.sum(t - YEAR - recentDays, t - YEAR) / recentDays;
        int centre = t - YEAR + h / 2;
        double season = w.sum(centre - SEASON_WINDOW / 2, centre + SEASON_WINDOW / 2) / SEASON_WINDOW;
        // a tenth of the recent rate added on both sides keeps a near-empty year-ago window from exploding
        double shrink = 0.1 * recent;
        return before + shrink > 0 ? recent * (season + shrink) / (before + shrink) : recent;
    }
}
