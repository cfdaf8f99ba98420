package io.millflow.ims.replenishment;

/**
 * The best parameter candidate of one method on one series.
 *
 * @param method the method's name
 * @param parameters the chosen parameters, e.g. {@code alpha=0.1}
 * @param trainingMse mean squared error of the horizon totals on the training part (what chose the parameters)
 * @param holdoutMse mean squared error of the horizon totals on the holdout part (what chooses the method)
 * @param holdoutBias mean error (actual − forecast) of the horizon totals on the holdout part
 * @param holdoutOrigins number of holdout forecasts scored
 * @param horizonDemand forecast of the total demand over the horizon after the last day of the series
 * @param dailyRate the method's demand rate per calendar day after the last day (its level)
 * @param forecasts the candidate's forecast of the horizon total at each origin (index = origin day; entries
 *        before the warm-up's end are unused); owned by this fit, not copied
 */
record ForecastFit(String method, String parameters, double trainingMse, double holdoutMse, double holdoutBias,
        int holdoutOrigins, double horizonDemand, double dailyRate, double[] forecasts) {
}
