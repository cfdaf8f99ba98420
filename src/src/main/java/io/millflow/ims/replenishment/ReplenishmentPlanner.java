package io.millflow.ims.replenishment;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * The computational core of a replenishment run: for each item-warehouse pair, forecast its demand (for
 * forecast-driven rules), set its reorder levels and say what to order now. Pairs are independent, so a run
 * spreads them over a fork-join pool; nothing is shared but the stateless {@link DemandForecaster}.
 */
public final class ReplenishmentPlanner {

    /**
     * One item in one warehouse to plan.
     *
     * @param key the caller's identifier (e.g. item and warehouse ids)
     * @param history daily demand up to and including today
     * @param rule its reorder rule
     * @param inventoryPosition on hand + on order − back-orders, now
     */
    public record Pair(String key, DemandSeries history, ReorderRule rule, double inventoryPosition) {
    }

    /**
     * The plan for one pair.
     *
     * @param key the pair's key
     * @param forecast the demand forecast (null for fixed min/max rules, which need none)
     * @param levels the reorder levels now
     * @param orderQuantity what to order now (0 = nothing)
     */
    public record Proposal(String key, DemandForecast forecast, ReorderLevels levels, double orderQuantity) {
    }

    private final DemandForecaster forecaster;

    public ReplenishmentPlanner(DemandForecaster forecaster) {
        this.forecaster = forecaster;
    }

    public Proposal plan(Pair pair) {
        ReorderRule rule = pair.rule();
        DemandForecast forecast = rule.type() == ReorderRule.Type.FORECAST
                ? forecaster.forecast(pair.history(), ReorderPolicy.forecastHorizon(rule))
                : null;
        ReorderLevels levels = ReorderPolicy.levels(rule, forecast);
        return new Proposal(pair.key(), forecast, levels,
                ReorderPolicy.orderQuantity(rule, levels, pair.inventoryPosition()));
    }

    /** Plans all pairs on {@code threads} threads; the proposals come in the order of the pairs. */
    public List<Proposal> planAll(List<Pair> pairs, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> pairs.parallelStream().map(this::plan).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replenishment run interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
