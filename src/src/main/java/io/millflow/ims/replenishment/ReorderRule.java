package io.millflow.ims.replenishment;

/**
 * How one item is reordered in one warehouse (Odoo's orderpoint): either fixed minimum and maximum levels, or
 * levels computed from a {@link DemandForecast} for a target cycle service level.
 *
 * @param type fixed levels or forecast-driven
 * @param min FIXED_MIN_MAX: reorder when the inventory position falls to this level or below
 * @param max FIXED_MIN_MAX: order up to this level
 * @param serviceLevel FORECAST: target probability of no stock-out in a replenishment cycle, e.g. 0.95
 * @param leadTimeDays days from ordering to stock on the shelf
 * @param coverDays FORECAST: days of forecast demand an order brings on top of the reorder point
 * @param minimumOrderQuantity smallest quantity the supplier accepts (0 = none)
 * @param packSize orders are whole multiples of this (1 for items bought by the unit)
 */
public record ReorderRule(Type type, double min, double max, double serviceLevel, int leadTimeDays, int coverDays,
        double minimumOrderQuantity, double packSize) {

    public enum Type {
        FIXED_MIN_MAX, FORECAST
    }

    public ReorderRule {
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        if (leadTimeDays < 1) {
            throw new IllegalArgumentException("leadTimeDays must be at least 1, was " + leadTimeDays);
        }
        if (!(minimumOrderQuantity >= 0) || !(packSize > 0) || Double.isInfinite(minimumOrderQuantity)
                || Double.isInfinite(packSize)) {
            throw new IllegalArgumentException("minimumOrderQuantity >= 0 and packSize > 0 required, was "
                    + minimumOrderQuantity + ", " + packSize);
        }
        if (type == Type.FIXED_MIN_MAX && !(min >= 0 && max >= min && !Double.isInfinite(max))) {
            throw new IllegalArgumentException("need 0 <= min <= max, was " + min + " / " + max);
        }
        if (type == Type.FORECAST && !(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("serviceLevel must lie strictly between 0 and 1, was " + serviceLevel);
        }
        if (type == Type.FORECAST && coverDays < 0) {
            throw new IllegalArgumentException("coverDays must not be negative, was " + coverDays);
        }
    }

    public static ReorderRule fixedMinMax(double min, double max, int leadTimeDays, double minimumOrderQuantity,
            double packSize) {
        return new ReorderRule(Type.FIXED_MIN_MAX, min, max, Double.NaN, leadTimeDays, 0, minimumOrderQuantity,
                packSize);
    }

    public static ReorderRule forecast(double serviceLevel, int leadTimeDays, int coverDays,
            double minimumOrderQuantity, double packSize) {
        return new ReorderRule(Type.FORECAST, Double.NaN, Double.NaN, serviceLevel, leadTimeDays, coverDays,
                minimumOrderQuantity, packSize);
    }
}
