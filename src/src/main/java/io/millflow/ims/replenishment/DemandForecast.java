package io.millflow.ims.replenishment;

/**
 * A forecast of one item's demand in one warehouse over a horizon (normally its lead time), with the
 * uncertainty measured by backtesting the method that made it.
 *
 * @param classification how the history looks
 * @param method the chosen method ({@code none} without demand, {@code mean} when the history is too short)
 * @param parameters its chosen parameters
 * @param horizonDays the horizon the forecast and its error refer to
 * @param horizonDemand expected total demand over the horizon (which starts the day after the history)
 * @param meanDaily expected demand per calendar day, averaged over the days of the week (the level)
 * @param sigma standard deviation of the horizon total: from the chosen method's backtest errors (bias
 *        included), as error variance per unit of forecast times this forecast (see {@link DemandForecaster})
 * @param skewness skewness of the horizon total's backtest errors (0 for normal errors; demand usually skews
 *        right)
 * @param error RMSSE on the holdout: that error divided by the naive forecast's on the training part
 *        (below 1 = better than "the same as the last horizon"); NaN when not backtested
 * @param bias mean error (actual − forecast) on the holdout; positive = the method forecast too little
 * @param backtestOrigins number of holdout forecasts behind the method's choice, {@code error} and {@code bias}
 * @param undershoot expected amount by which the demand of the day that takes the inventory position to the
 *        reorder point takes it below (the renewal-theory mean excess E[X²] / 2E[X] of recent demand-day
 *        quantities X): demand that an order placed that evening meets already uncovered
 * @param undershootVariance its variance, E[X³] / 3E[X] − undershoot²
 */
public record DemandForecast(DemandClassification classification, String method, String parameters,
        int horizonDays, double horizonDemand, double meanDaily, double sigma, double skewness, double error,
        double bias, int backtestOrigins, double undershoot, double undershootVariance) {

    public DemandForecast {
        if (horizonDays < 1 || !(horizonDemand >= 0) || !(meanDaily >= 0) || !(sigma >= 0) || !(undershoot >= 0)
                || !(undershootVariance >= 0)) {
            throw new IllegalArgumentException("horizonDays >= 1 and non-negative demand, sigma and undershoot "
                    + "required, was " + horizonDays + ", " + horizonDemand + ", " + sigma + ", " + undershoot + ", "
                    + undershootVariance);
        }
    }

    /** Expected demand over {@code days} days (the horizon's total when {@code days} is the horizon). */
    public double demandOver(int days) {
        return days == horizonDays ? horizonDemand : meanDaily() * days;
    }

    /**
     * Standard deviation of demand over {@code days} days: {@code sigma} scaled by √(days / horizon), the
     * square-root law for independent days (exact when {@code days} is the horizon).
     */
    public double sigmaOver(int days) {
        return days == horizonDays ? sigma : sigma * Math.sqrt((double) Math.max(0, days) / horizonDays);
    }
}
