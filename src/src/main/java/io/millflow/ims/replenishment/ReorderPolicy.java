package io.millflow.ims.replenishment;

/**
 * Turns a {@link ReorderRule} and, for forecast-driven rules, a {@link DemandForecast} into reorder levels and
 * order quantities.
 * <p>
 * Forecast-driven: safety stock = z(service level) × σ(demand over the lead time); reorder point = expected
 * demand over the lead time + safety stock; order-up-to level = reorder point + expected demand over the
 * rule's cover days. The order quantity brings the inventory position (on hand + on order − backorders) up to
 * that level and is rounded up to the minimum order quantity and to whole packs.
 * <p>
 * "Demand over the lead time" is the demand that stock must meet between the inventory position reaching the
 * reorder point and the order's arrival. With a daily review and an order placed at the end of day
 * {@code t} arriving at the start of day {@code t + L}, that is the {@code L − 1} following days plus the
 * undershoot: the part of day {@code t}'s demand that already took the position below the reorder point
 * ({@link DemandForecast#undershoot()}). For daily demand of a few units a day the undershoot is about half a
 * day's demand; for intermittent and lumpy demand it is about half a (size-weighted) demand, and leaving it
 * out would let most replenishment cycles of such items run short. Mean and variance of the two parts add.
 * <p>
 * Demand over a lead time is skewed to the right (a few days bring much more than the mean, none brings less
 * than nothing), so the normal quantile z alone under-protects: mean + 1.645σ is exceeded more often than in
 * 5 % of lead times. The safety factor therefore corrects z for the skewness of the forecast's backtest errors
 * ({@link #safetyFactor}); for symmetric errors it is z itself.
 */
public final class ReorderPolicy {

    private static final double EPSILON = 1e-9;
    private static final double MAX_SKEWNESS = 1;

    private ReorderPolicy() {
    }

    public static ReorderLevels levels(ReorderRule rule, DemandForecast forecast) {
        if (rule.type() == ReorderRule.Type.FIXED_MIN_MAX) {
            return new ReorderLevels(0, 0, rule.min(), rule.max());
        }
        if (forecast == null) {
            throw new IllegalArgumentException("a forecast-driven rule needs a forecast");
        }
        int days = rule.leadTimeDays() - 1;
        double leadTimeDemand = forecast.demandOver(days) + forecast.undershoot();
        double sigmaDays = forecast.sigmaOver(days);
        double sigma = Math.sqrt(sigmaDays * sigmaDays + forecast.undershootVariance());
        double safetyStock = Math.max(0, safetyFactor(rule.serviceLevel(), forecast.skewness()) * sigma);
        double reorderPoint = leadTimeDemand + safetyStock;
        return new ReorderLevels(leadTimeDemand, safetyStock, reorderPoint,
                reorderPoint + forecast.meanDaily() * rule.coverDays());
    }

    /**
     * z(service level), corrected for skewed demand by the first term of the Cornish–Fisher expansion,
     * z + (z² − 1)·γ/6, with the skewness γ limited to [−1, 1], where that term is a fair approximation.
     */
    public static double safetyFactor(double serviceLevel, double skewness) {
        double z = ServiceLevel.z(serviceLevel);
        double gamma = Math.max(-MAX_SKEWNESS, Math.min(MAX_SKEWNESS, skewness));
        return z + (z * z - 1) * gamma / 6;
    }

    /**
     * The horizon to forecast a rule's demand over: the {@code L − 1} days after a reorder day that stock must
     * cover (at least one day).
     */
    public static int forecastHorizon(ReorderRule rule) {
        return Math.max(1, rule.leadTimeDays() - 1);
    }

    /** What to order at the given inventory position: 0 above the reorder point, else a rounded quantity. */
    public static double orderQuantity(ReorderRule rule, ReorderLevels levels, double inventoryPosition) {
        if (inventoryPosition > levels.reorderPoint()) {
            return 0;
        }
        return roundUp(levels.orderUpTo() - inventoryPosition, rule.minimumOrderQuantity(), rule.packSize());
    }

    /**
     * The smallest whole number of packs that is at least {@code need} and at least the minimum order quantity,
     * and at least one pack.
     */
    public static double roundUp(double need, double minimumOrderQuantity, double packSize) {
        double quantity = Math.max(need, minimumOrderQuantity);
        long packs = Math.max(1, (long) Math.ceil(quantity / packSize - EPSILON));
        return packs * packSize;
    }
}
