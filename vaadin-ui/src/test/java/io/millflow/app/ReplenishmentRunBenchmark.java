package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.Tokens;
import io.millflow.ims.ReplenishmentRuns;
import io.millflow.ims.replenishment.DemandGenerator;
import io.millflow.ims.replenishment.DemandGenerator.GeneratedItem;
import io.millflow.ims.replenishment.DemandSeries;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acceptance line 6 of issue #5: a replenishment run over 100,000 item × warehouse pairs with two years of daily
 * demand history each, through the real run path: {@code POST /api/v1/replenishment-runs} starts the run and its
 * process, the worker of {@code ims.computeReplenishmentProposals} refreshes and loads the history from the
 * database in batches, plans on all cores, decides every proposal with the DMN and writes the proposals.
 * <p>
 * The data (50,000 items in two warehouses, forecast-driven rules, one quant per pair, and the pairs' daily demand
 * from {@link DemandGenerator} in {@code demand_history}) is loaded with SQL and COPY before the clock starts.
 * Not part of the normal build; run it alone:
 *
 * <pre>
 * mvn -o -q -pl vaadin-ui -am test -Dtest=ReplenishmentRunBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dreplenishment.benchmark=true [-Dreplenishment.pairs=100000]
 * </pre>
 */
@AppTest
@EnabledIfSystemProperty(named = "replenishment.benchmark", matches = "true")
class ReplenishmentRunBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ReplenishmentRuns runs;

    @Test
    void aRunOfAHundredThousandPairsWithTwoYearsOfHistory() throws Exception {
        int pairs = Integer.getInteger("replenishment.pairs", 100_000);
        Api api = new Api(port);
        Inventory inv = new Inventory(api, port);
        List<Inventory.Warehouse> warehouses = List.of(inv.warehouse(1), inv.warehouse(1));
        long s0 = System.nanoTime();
        seed(pairs, warehouses);
        long seeded = System.nanoTime() - s0;

        String loadBefore = loadAverage();
        String buyer = Tokens.user(port, "buyer");
        long t0 = System.nanoTime();
        Api.Response started = api.post("/api/v1/replenishment-runs", buyer, Map.of());
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        String id = started.text("id");
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            run[0] = api.get("/api/v1/replenishment-runs/" + id, buyer).body();
            return run[0].get("pairs").isInt();
        });
        long wall = System.nanoTime() - t0;
        String loadAfter = loadAverage();
        ReplenishmentRuns.Timings t = runs.lastTimings();
        JsonNode r = run[0];
        String report = String.format(Locale.ROOT, "%nReplenishment run benchmark (issue #5, acceptance 6)%n"
                + "pairs: %d (%d planned), history: 730 days each, cores: %d%n"
                + "wall time from POST to computed run: %.1f s (process start, worker pick-up, computation)%n"
                + "computation: %.1f s = refresh %.1f s + load %.1f s + plan %.1f s + decide/write %.1f s%n"
                + "proposals: %d (%d auto, %d review)%n"
                + "seeding (not timed): %.1f s%n"
                + "load average before: %s, after: %s%n", pairs, r.get("pairs").asInt(),
                Runtime.getRuntime().availableProcessors(), wall / 1e9, t.total() / 1e9, t.refresh() / 1e9,
                t.load() / 1e9, t.plan() / 1e9, t.write() / 1e9, r.get("proposals").asInt(),
                r.get("autoProposals").asInt(), r.get("reviewProposals").asInt(), seeded / 1e9, loadBefore, loadAfter);
        System.out.println(report);
        Files.writeString(Path.of("target", "replenishment-benchmark.txt"), report);
        assertThat(r.get("pairs").asInt()).isGreaterThanOrEqualTo(pairs);
        assertThat(r.get("proposals").asInt()).isPositive();
        assertThat(wall / 1e9).as("acceptance 6: under 60 s").isLessThan(60);
    }

    private void seed(int pairs, List<Inventory.Warehouse> warehouses) throws Exception {
        int items = (pairs + 1) / 2;
        jdbc.update("insert into item (id, sku, name, base_unit, tracking, abc_class, active, created_at, updated_at, "
                + "version) select gen_random_uuid(), 'BENCH-' || g, 'Benchmark item ' || g, 'PCS', 'NONE', "
                + "(array['A','B','C','C','C'])[1 + g % 5], true, now(), now(), 0 from generate_series(0, ?) g",
                items - 1);
        List<UUID> itemIds = jdbc.queryForList("select id from item where sku like 'BENCH-%' order by "
                + "substring(sku from 7)::int", UUID.class);
        assertThat(itemIds).hasSize(items);
        LocalDate asOf = LocalDate.now();
        LocalDate to = asOf.minusDays(1);
        LocalDate from = to.minusDays(729);
        DemandGenerator generator = new DemandGenerator(DemandGenerator.DEFAULT_SEED, 730);
        HexFormat hex = HexFormat.of();
        try (Connection c = dataSource.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            int chunk = 5_000;
            for (int start = 0; start < pairs; start += chunk) {
                StringBuilder rules = new StringBuilder();
                StringBuilder quants = new StringBuilder();
                StringBuilder history = new StringBuilder();
                for (int i = start; i < Math.min(pairs, start + chunk); i++) {
                    GeneratedItem g = generator.item(i);
                    UUID item = itemIds.get(i / 2);
                    Inventory.Warehouse wh = warehouses.get(i % 2);
                    rules.append(UUID.randomUUID()).append('\t').append(item).append('\t').append(wh.warehouseId())
                            .append("\tFORECAST\t\\N\t\\N\t95\t14\t").append(g.leadTimeDays()).append('\t')
                            .append(g.minimumOrderQuantity()).append('\t').append(g.packSize())
                            .append("\ttrue\tbench\tnow\tbench\tnow\t0\n");
                    quants.append(UUID.randomUUID()).append('\t').append(item).append('\t').append(wh.bins().get(0))
                            .append("\t00000000-0000-0000-0000-000000000000\t\\N\t")
                            .append(String.format(Locale.ROOT, "%.0f", lastWeek(g.demand()))).append("\t0\tnow\n");
                    DemandSeries d = g.demand();
                    for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(to); month = month.plusMonths(1)) {
                        int days = month.lengthOfMonth();
                        ByteBuffer buf = ByteBuffer.allocate(4 * days);
                        for (int day = 0; day < days; day++) {
                            long t = ChronoUnit.DAYS.between(from, month.plusDays(day));
                            buf.putFloat(t >= 0 && t < d.length() ? (float) d.get((int) t) : 0f);
                        }
                        history.append(item).append('\t').append(wh.warehouseId()).append('\t').append(month)
                                .append("\t\\\\x").append(hex.formatHex(buf.array())).append('\n');
                    }
                }
                pg.getCopyAPI().copyIn("copy reorder_rule (id, item_id, warehouse_id, type, min_quantity, "
                        + "max_quantity, service_level, cover_days, lead_time_days, minimum_order_quantity, pack_size, "
                        + "active, created_by, created_at, updated_by, updated_at, version) from stdin",
                        new StringReader(rules.toString()));
                pg.getCopyAPI().copyIn("copy quant (id, item_id, location_id, lot_key, lot_id, quantity, reserved, "
                        + "updated_at) from stdin", new StringReader(quants.toString()));
                pg.getCopyAPI().copyIn("copy demand_history (item_id, warehouse_id, month, quantities) from stdin",
                        new StringReader(history.toString()));
            }
        }
        jdbc.execute("analyze reorder_rule");
        jdbc.execute("analyze quant");
        jdbc.execute("analyze demand_history");
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
