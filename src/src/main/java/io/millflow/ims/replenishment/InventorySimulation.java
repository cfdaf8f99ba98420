package io.millflow.ims.replenishment;

/**
 * Simulates one item in one warehouse under a reorder rule, day by day, on a known demand series.
 * <p>
 * Each day {@code t}: orders due that day arrive at its start; the day's demand is served from stock, what
 * cannot be served is back-ordered and served first from later receipts; at the end of the day the inventory
 * position (on hand + on order − back-orders) is reviewed against the levels the rule sets now, and if it is
 * at or below the reorder point an order is placed, rounded to the minimum order quantity and pack size, to
 * arrive at the start of day {@code t + lead time}.
 * <p>
 * Replenishment cycles run from one receipt to the next (the last one to the end of the run); a cycle with a
 * stock-out day (a back-order left at the end of a day) counts against the cycle service level.
 */
public final class InventorySimulation {

    /** The levels in force at the end of a day, knowing the demand of that day and before. */
    @FunctionalInterface
    public interface LevelSource {
        ReorderLevels levelsAt(int day);
    }

    /**
     * What happened in a run.
     *
     * @param days days simulated
     * @param demand total demand
     * @param shortUnits demand not served from stock on its day
     * @param stockoutDays days ending with a back-order
     * @param cycles replenishment cycles
     * @param stockoutCycles cycles with at least one stock-out day
     * @param orders orders placed
     * @param averageOnHand mean stock on the shelf at the end of a day
     */
    public record Result(int days, double demand, double shortUnits, int stockoutDays, int cycles, int stockoutCycles,
            int orders, double averageOnHand) {

        /** Share of demand served from stock on its day. */
        public double fillRate() {
            return demand == 0 ? 1 : 1 - shortUnits / demand;
        }

        /** Share of replenishment cycles without a stock-out. */
        public double cycleServiceLevel() {
            return cycles == 0 ? 1 : 1 - (double) stockoutCycles / cycles;
        }
    }

    private InventorySimulation() {
    }

    /**
     * Runs days {@code [fromDay, toDay)} of the demand. Stock at the start is the order-up-to level that
     * {@code levels} sets at the end of day {@code fromDay − 1}; nothing is on order.
     */
    public static Result run(DemandSeries demand, int fromDay, int toDay, ReorderRule rule, LevelSource levels) {
        if (fromDay < 1 || toDay > demand.length() || toDay <= fromDay) {
            throw new IllegalArgumentException("need 1 <= fromDay < toDay <= " + demand.length() + ", was " + fromDay
                    + " .. " + toDay);
        }
        double[] y = demand.values();
        int leadTime = rule.leadTimeDays();
        double[] arrivals = new double[toDay + leadTime];
        double net = Math.max(0, levels.levelsAt(fromDay - 1).orderUpTo());
        double onOrder = 0;
        double totalDemand = 0;
        double shortUnits = 0;
        double onHandSum = 0;
        int stockoutDays = 0;
        int cycles = 0;
        int stockoutCycles = 0;
        int orders = 0;
        boolean cycleOpen = false;
        boolean cycleShort = false;
        for (int t = fromDay; t < toDay; t++) {
            if (arrivals[t] > 0) {
                net += arrivals[t];
                onOrder -= arrivals[t];
                if (cycleOpen) {
                    cycles++;
                    stockoutCycles += cycleShort ? 1 : 0;
                }
                cycleShort = false;
            }
            cycleOpen = true;
            double d = y[t];
            totalDemand += d;
            shortUnits += Math.max(0, d - Math.max(0, net));
            net -= d;
            if (net < 0) {
                stockoutDays++;
                cycleShort = true;
            }
            ReorderLevels now = levels.levelsAt(t);
            double quantity = ReorderPolicy.orderQuantity(rule, now, net + onOrder);
            if (quantity > 0) {
                arrivals[t + leadTime] += quantity;
                onOrder += quantity;
                orders++;
            }
            onHandSum += Math.max(0, net);
        }
        if (cycleOpen) {
            cycles++;
            stockoutCycles += cycleShort ? 1 : 0;
        }
        return new Result(toDay - fromDay, totalDemand, shortUnits, stockoutDays, cycles, stockoutCycles, orders,
                onHandSum / (toDay - fromDay));
    }
}
