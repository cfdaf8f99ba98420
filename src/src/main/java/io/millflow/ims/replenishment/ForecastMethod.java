package io.millflow.ims.replenishment;

/**
 * A forecasting method with a small grid of parameter candidates.
 * <p>
 * {@link #fit} runs every candidate once over the whole series of the window, day by day, making at each day
 * (the origin) a forecast of the total demand over the window's horizon from the days before it only. The
 * window scores these forecasts on its training part and on its holdout part; the method keeps the candidate
 * with the smallest training error, so the holdout error of the returned fit is an honest out-of-sample
 * figure. Implementations keep their day loop in their own code so that it stays monomorphic and fast.
 */
interface ForecastMethod {

    /** Short name, e.g. {@code SES} or {@code SBA}. */
    String name();

    /** Fits the method on the window's series and returns its best candidate. */
    ForecastFit fit(BacktestWindow window);
}
