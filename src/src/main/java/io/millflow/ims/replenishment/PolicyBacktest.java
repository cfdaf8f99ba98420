package io.millflow.ims.replenishment;

import io.millflow.ims.replenishment.DemandGenerator.GeneratedItem;
import io.millflow.ims.replenishment.InventorySimulation.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Compares the forecast-driven reorder policy with fixed min/max levels on the same demand, by simulating the
 * last {@code evaluationDays} of every item's series (the days before are history).
 * <ul>
 * <li><b>Forecast policy</b>: every {@code reforecastEveryDays} days (1 = nightly) it forecasts from the days
 * up to and including today only, and sets safety stock, reorder point and order-up-to level for the target
 * service level. Nothing is tuned on the evaluation days.</li>
 * <li><b>Best fixed min/max</b>: levels set once from the history's mean μ and standard deviation σ of daily
 * demand, in two families, min = μ·L + k·σ·√L and min = k·μ·L, with max = min + μ·cover days. The factor k is
 * one number for all items, searched on the evaluation days themselves (hindsight): the family and k with the
 * least average stock whose service level reaches the target win.</li>
 * <li><b>Calibrated forecast policy</b>: the forecast policy with its service-level setting searched the same
 * way (hindsight, one setting for all items), the least stock that reaches the target; reported next to the
 * untuned one so that both policies can be compared with the same privilege.</li>
 * <li><b>Per-item fixed min/max</b>: the σ family with k searched per item on the evaluation days, the cheapest
 * k reaching the target for that item. Not a policy anyone can run (it knows each item's future), reported
 * as a bound.</li>
 * </ul>
 * Service level means cycle service level, the share of replenishment cycles without a stock-out, averaged
 * over the items; it is what the forecast policy's safety factor z(service level) aims at. Average stock is
 * the sum over items of the mean end-of-day stock on hand, in units.
 */
public final class PolicyBacktest {

    private static final double K_STEP = 0.05;
    private static final double SETTING_STEP = 0.005;

    /**
     * @param serviceLevel target cycle service level
     * @param coverDays days of demand an order brings on top of the reorder point (both policies)
     * @param evaluationDays days simulated at the end of each series
     * @param reforecastEveryDays how often the forecast policy re-forecasts (1 = every night)
     */
    public record Settings(double serviceLevel, int coverDays, int evaluationDays, int reforecastEveryDays) {

        /** 95 %, two weeks' cover, the last year, a new forecast every night. */
        public static Settings defaults() {
            return new Settings(0.95, 14, 365, 1);
        }
    }

    /**
     * The result of one policy over all items.
     *
     * @param policy what was run
     * @param serviceLevel cycle service level, mean over items
     * @param pooledServiceLevel cycle service level over all cycles of all items
     * @param fillRate share of all demand served from stock on its day
     * @param averageStock sum over items of the mean stock on hand
     * @param stockoutDays days ending with a back-order, summed over items
     * @param shortUnits demand not served on its day, summed over items
     * @param orders orders placed
     */
    public record Outcome(String policy, double serviceLevel, double pooledServiceLevel, double fillRate,
            double averageStock, int stockoutDays, double shortUnits, int orders) {

        static Outcome of(String policy, List<Result> results) {
            double cslSum = 0;
            long cycles = 0;
            long shortCycles = 0;
            double demand = 0;
            double shortUnits = 0;
            double stock = 0;
            int stockoutDays = 0;
            int orders = 0;
            for (Result r : results) {
                cslSum += r.cycleServiceLevel();
                cycles += r.cycles();
                shortCycles += r.stockoutCycles();
                demand += r.demand();
                shortUnits += r.shortUnits();
                stock += r.averageOnHand();
                stockoutDays += r.stockoutDays();
                orders += r.orders();
            }
            return new Outcome(policy, cslSum / results.size(), cycles == 0 ? 1 : 1 - (double) shortCycles / cycles,
                    demand == 0 ? 1 : 1 - shortUnits / demand, stock, stockoutDays, shortUnits, orders);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: service level %.2f %% (pooled %.2f %%), fill rate %.2f %%, "
                    + "average stock %.0f units, %d stock-out days, %.0f units short, %d orders", policy,
                    100 * serviceLevel, 100 * pooledServiceLevel, 100 * fillRate, averageStock, stockoutDays,
                    shortUnits, orders);
        }
    }

    /**
     * Both policies on the same items.
     *
     * @param target the target service level
     * @param forecast the forecast policy as configured (service level setting = target)
     * @param calibratedForecast the forecast policy with the cheapest setting reaching the target, or null
     * @param bestFixed the cheapest fixed min/max (one k for all items) reaching the target, or null
     * @param fixedAtEqualStock the fixed min/max holding as much stock as the forecast policy: in each family the
     *        factor k with the least stock not below the forecast policy's, and of the two the one with fewer
     *        stock-out days; null if none holds as much
     * @param perItemFixed fixed min/max with k chosen per item in hindsight (a bound, not a policy)
     * @param perPattern forecast policy and best fixed min/max on the items of each generated pattern
     */
    public record Comparison(double target, Outcome forecast, Outcome calibratedForecast, Outcome bestFixed,
            Outcome fixedAtEqualStock, Outcome perItemFixed, List<Outcome> perPattern) {

        /** The forecast policy as configured reaches the target with less stock than the best fixed min/max. */
        public boolean lessStockAtTarget() {
            return forecast.serviceLevel() >= target && bestFixed != null
                    && forecast.averageStock() < bestFixed.averageStock();
        }

        /** The forecast policy as configured has fewer stock-out days than fixed min/max with as much stock. */
        public boolean fewerStockoutsAtEqualStock() {
            return fixedAtEqualStock != null && forecast.stockoutDays() < fixedAtEqualStock.stockoutDays();
        }

        /** Both tuned in hindsight to the target: the forecast policy needs less stock. */
        public boolean calibratedLessStockAtTarget() {
            return calibratedForecast != null && bestFixed != null
                    && calibratedForecast.averageStock() < bestFixed.averageStock();
        }

        public String summary() {
            StringBuilder s = new StringBuilder();
            for (Outcome o : new Outcome[] {forecast, calibratedForecast, bestFixed, fixedAtEqualStock, perItemFixed}) {
                if (o != null) {
                    s.append(o).append('\n');
                }
            }
            for (Outcome o : perPattern) {
                s.append("  ").append(o).append('\n');
            }
            return s.toString();
        }
    }

    private final Settings settings;
    private final DemandForecaster forecaster;

    public PolicyBacktest(Settings settings, DemandForecaster forecaster) {
        this.settings = settings;
        this.forecaster = forecaster;
    }

    public Comparison run(List<GeneratedItem> items) {
        List<DemandForecast[]> forecasts = items.parallelStream().map(this::forecasts).toList();
        double target = settings.serviceLevel();

        List<Result> forecast = simulateForecastPolicy(items, forecasts, target);
        Outcome forecastOutcome = Outcome.of("forecast policy (service level setting " + percent(target) + ")",
                forecast);
        Outcome calibrated = null;
        for (double setting = target; setting < 0.9995; setting += SETTING_STEP) {
            List<Result> results = setting == target ? forecast : simulateForecastPolicy(items, forecasts, setting);
            Outcome o = Outcome.of("calibrated forecast policy (setting " + percent(setting) + ", hindsight)",
                    results);
            if (o.serviceLevel() >= target && (calibrated == null || o.averageStock() < calibrated.averageStock())) {
                calibrated = o;
            }
        }

        List<double[]> stats = items.stream().map(this::historyStats).toList();
        List<Candidate> fixed = new ArrayList<>();
        for (Family family : Family.values()) {
            for (double k = family.from; k <= family.to + 1e-9; k += K_STEP) {
                double factor = k;
                List<Result> results = new ArrayList<>(items.size());
                for (int i = 0; i < items.size(); i++) {
                    results.add(simulateFixed(items.get(i), family.min(stats.get(i), items.get(i), factor),
                            stats.get(i)[0]));
                }
                fixed.add(new Candidate(family, factor, results));
            }
        }
        Candidate best = cheapest(fixed, c -> c.outcome().serviceLevel() >= target);
        Candidate equalStock = null;
        for (Family family : Family.values()) {
            Candidate closest = cheapest(fixed,
                    c -> c.family == family && c.outcome().averageStock() >= forecastOutcome.averageStock());
            if (closest != null && (equalStock == null
                    || closest.outcome().stockoutDays() < equalStock.outcome().stockoutDays())) {
                equalStock = closest;
            }
        }

        List<Result> perItem = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int item = i;
            List<Result> sigmaFamily = fixed.stream().filter(c -> c.family == Family.SIGMA)
                    .map(c -> c.results.get(item)).toList();
            perItem.add(sigmaFamily.stream().filter(r -> r.cycleServiceLevel() >= target)
                    .min(Comparator.comparingDouble(Result::averageOnHand))
                    .orElseGet(() -> sigmaFamily.stream().max(Comparator.comparingDouble(Result::cycleServiceLevel))
                            .orElseThrow()));
        }

        List<Outcome> perPattern = new ArrayList<>();
        for (DemandGenerator.Pattern pattern : DemandGenerator.Pattern.values()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).pattern() == pattern) {
                    idx.add(i);
                }
            }
            if (idx.isEmpty()) {
                continue;
            }
            perPattern.add(Outcome.of(pattern + " forecast policy", idx.stream().map(forecast::get).toList()));
            if (best != null) {
                perPattern.add(Outcome.of(pattern + " best fixed", idx.stream().map(best.results::get).toList()));
            }
        }
        return new Comparison(target, forecastOutcome, calibrated,
                best == null ? null : best.named("best fixed min/max"),
                equalStock == null ? null : equalStock.named("fixed min/max at equal stock"),
                Outcome.of("per-item fixed min/max (hindsight bound)", perItem), perPattern);
    }

    private static Candidate cheapest(List<Candidate> candidates, Predicate<Candidate> filter) {
        return candidates.stream().filter(filter)
                .min(Comparator.comparingDouble(c -> c.outcome().averageStock())).orElse(null);
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * p);
    }

    /**
     * The forecasts the policy works with on each day of the run: index 0 is the day before the first simulated
     * day; a new forecast, from the days up to and including that day, every {@code reforecastEveryDays}.
     */
    private DemandForecast[] forecasts(GeneratedItem item) {
        int start = start(item);
        int end = item.demand().length();
        int horizon = ReorderPolicy.forecastHorizon(rule(item, settings.serviceLevel()));
        DemandForecast[] forecasts = new DemandForecast[end - start + 1];
        for (int day = start - 1; day < end; day++) {
            int i = day - start + 1;
            forecasts[i] = i % settings.reforecastEveryDays() == 0
                    ? forecaster.forecast(item.demand().upTo(day + 1), horizon)
                    : forecasts[i - 1];
        }
        return forecasts;
    }

    private List<Result> simulateForecastPolicy(List<GeneratedItem> items, List<DemandForecast[]> forecasts,
            double setting) {
        List<Result> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            GeneratedItem item = items.get(i);
            ReorderRule rule = rule(item, setting);
            DemandForecast[] f = forecasts.get(i);
            int start = start(item);
            ReorderLevels[] levels = new ReorderLevels[f.length];
            IntFunction<ReorderLevels> at = day -> {
                int k = day - start + 1;
                if (levels[k] == null) {
                    levels[k] = ReorderPolicy.levels(rule, f[k]);
                }
                return levels[k];
            };
            results.add(InventorySimulation.run(item.demand(), start, item.demand().length(), rule, at::apply));
        }
        return results;
    }

    private ReorderRule rule(GeneratedItem item, double serviceLevel) {
        return ReorderRule.forecast(serviceLevel, item.leadTimeDays(), settings.coverDays(),
                item.minimumOrderQuantity(), item.packSize());
    }

    private Result simulateFixed(GeneratedItem item, double min, double mean) {
        double low = Math.max(0, min);
        ReorderRule rule = ReorderRule.fixedMinMax(low, low + mean * settings.coverDays(), item.leadTimeDays(),
                item.minimumOrderQuantity(), item.packSize());
        ReorderLevels levels = ReorderPolicy.levels(rule, null);
        return InventorySimulation.run(item.demand(), start(item), item.demand().length(), rule, day -> levels);
    }

    private int start(GeneratedItem item) {
        return item.demand().length() - settings.evaluationDays();
    }

    /** Mean and standard deviation of daily demand before the evaluation days. */
    private double[] historyStats(GeneratedItem item) {
        int n = start(item);
        double sum = 0;
        double squares = 0;
        for (int t = 0; t < n; t++) {
            double d = item.demand().get(t);
            sum += d;
            squares += d * d;
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, squares / n - mean * mean))};
    }

    private enum Family {
        SIGMA(-1, 8, "min = mu*L + k*sigma*sqrt(L)"), MEAN(0.5, 6, "min = k*mu*L");

        final double from;
        final double to;
        final String formula;

        Family(double from, double to, String formula) {
            this.from = from;
            this.to = to;
            this.formula = formula;
        }

        double min(double[] stats, GeneratedItem item, double k) {
            int lead = item.leadTimeDays();
            return this == SIGMA ? stats[0] * lead + k * stats[1] * Math.sqrt(lead) : k * stats[0] * lead;
        }
    }

    private record Candidate(Family family, double k, List<Result> results, Outcome outcome) {

        Candidate(Family family, double k, List<Result> results) {
            this(family, k, results, Outcome.of("", results));
        }

        Outcome named(String what) {
            return Outcome.of(String.format(Locale.ROOT, "%s (%s, k=%.2f, hindsight)", what, family.formula, k),
                    results);
        }
    }
}
