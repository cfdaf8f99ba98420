package io.millflow.ims.replenishment;

import io.millflow.ims.replenishment.DemandGenerator.GeneratedItem;
import io.millflow.ims.replenishment.ReplenishmentPlanner.Pair;
import io.millflow.ims.replenishment.ReplenishmentPlanner.Proposal;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Acceptance line 6 of issue #5, the computation only: a replenishment run over 100,000 item-warehouse pairs
 * with two years of daily history each (forecast with method selection by backtest, reorder levels, order
 * quantity). Not a JUnit test, so not part of the normal build; run it by hand:
 *
 * <pre>
 * mvn -o -q -pl src test-compile
 * java -Xmx1g -cp src/target/classes:src/target/test-classes \
 *     io.millflow.ims.replenishment.ReplenishmentRunBenchmark [pairs=100000] [threads=all cores] [chunk=10000]
 * </pre>
 *
 * The demand is generated chunk by chunk (so that it need not all sit in memory) and only the planning of
 * each chunk is timed; generation is reported apart. JIT warm-up is included in the time, as in a real run.
 */
public final class ReplenishmentRunBenchmark {

    private ReplenishmentRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        int chunk = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        DemandGenerator generator = new DemandGenerator(DemandGenerator.DEFAULT_SEED, 730);
        ReplenishmentPlanner planner = new ReplenishmentPlanner(new DemandForecaster());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        String loadBefore = loadAverage();
        long generationNanos = 0;
        long planningNanos = 0;
        long cpuBefore = os.getProcessCpuTime();
        Map<String, Integer> methods = new TreeMap<>();
        int orders = 0;
        for (int from = 0; from < pairs; from += chunk) {
            long g0 = System.nanoTime();
            List<Pair> batch = new ArrayList<>(chunk);
            for (int i = from; i < Math.min(pairs, from + chunk); i++) {
                GeneratedItem item = generator.item(i);
                ReorderRule rule = ReorderRule.forecast(0.95, item.leadTimeDays(), 14, item.minimumOrderQuantity(),
                        item.packSize());
                batch.add(new Pair(item.sku(), item.demand(), rule, lastWeek(item.demand())));
            }
            long p0 = System.nanoTime();
            List<Proposal> proposals = planner.planAll(batch, threads);
            long p1 = System.nanoTime();
            generationNanos += p0 - g0;
            planningNanos += p1 - p0;
            for (Proposal p : proposals) {
                methods.merge(p.forecast().method(), 1, Integer::sum);
                orders += p.orderQuantity() > 0 ? 1 : 0;
            }
        }
        long cpu = os.getProcessCpuTime() - cpuBefore;

        System.out.printf(Locale.ROOT, "pairs: %d x 730 days, threads: %d, cores: %d%n", pairs, threads,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "planning (forecast + levels + order quantity): %.1f s wall, %.0f pairs/s%n",
                planningNanos / 1e9, pairs / (planningNanos / 1e9));
        System.out.printf(Locale.ROOT, "demand generation (not part of the run): %.1f s%n", generationNanos / 1e9);
        System.out.printf(Locale.ROOT, "process CPU time, both: %.1f s%n", cpu / 1e9);
        System.out.printf(Locale.ROOT, "load average before: %s, after: %s%n", loadBefore, loadAverage());
        System.out.println("methods chosen: " + methods + ", pairs to order now: " + orders);
    }

    /** A stand-in inventory position: the last week's demand, so that some pairs order and some do not. */
    private static double lastWeek(DemandSeries demand) {
        double sum = 0;
        for (int t = demand.length() - 7; t < demand.length(); t++) {
            sum += demand.get(t);
        }
        return sum;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }
}
