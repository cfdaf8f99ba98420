package io.millflow.benchmarks.stock;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * p50/p95/p99 of the stock query {@code GET /api/v1/stock} with the filters people use, one at a time,
 * chosen at random for every request (page 0, size 50, empty quants left out as by default):
 *
 * <ul>
 *   <li>{@code stock by item}: {@code itemId} of a random item of the 100,000;</li>
 *   <li>{@code stock under location}: {@code under} a random zone (250 bins) or aisle (25 bins);</li>
 *   <li>{@code stock by text}: {@code q} = a noun of the item names (about 2,500 items), noun and material
 *       (about 250), a SKU prefix such as "BM-0123" (100 items) or a whole SKU;</li>
 *   <li>{@code stock by site}: {@code siteId} of one of the 4 sites (a quarter of all stock).</li>
 * </ul>
 *
 * <p>{@code users} (default 1) virtual users each query in a loop without pause: {@code warmupSeconds}
 * (default 20, requests named "warm-up ...") then {@code durationSeconds} (default 60). Before it starts it
 * calls {@code GET /api/v1/stock/integrity} as ADMIN (client ops-cli) and stops unless the ledger has no
 * differences ({@code -DcheckIntegrity=false} skips that). Reads as {@code warehouse}.
 */
public class StockQuerySimulation extends Simulation {

  static final int USERS = Integer.getInteger("users", 1);
  static final long WARMUP_SECONDS = Long.getLong("warmupSeconds", 20);
  static final long DURATION_SECONDS = Long.getLong("durationSeconds", 60);
  static final boolean CHECK_INTEGRITY = Boolean.parseBoolean(System.getProperty("checkIntegrity", "true"));
  static final List<String> KINDS = List.of("item", "under", "text", "site");
  static final Map<String, String> NAMES = Map.of("item", "stock by item", "under", "stock under location", "text",
      "stock by text", "site", "stock by site");

  private final BenchApi api = BenchApi.fromSystemProperties();
  private final Map<String, List<Long>> times = new LinkedHashMap<>();

  private final HttpProtocolBuilder httpProtocol = http
      .baseUrl(api.baseUrl())
      .acceptHeader("application/json")
      .userAgentHeader("millflow-benchmarks/gatling")
      .disableWarmUp();

  /** Picks a filter: sets "kind" and "query" in the session. */
  static Session pick(Session session) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    String kind = KINDS.get(r.nextInt(KINDS.size()));
    String query = switch (kind) {
      case "item" -> "itemId=" + BenchData.item(r.nextInt(BenchData.ITEMS));
      case "under" -> {
        int w = r.nextInt(BenchData.WAREHOUSES);
        int z = r.nextInt(BenchData.ZONES_PER_WAREHOUSE);
        yield "under=" + (r.nextBoolean() ? BenchData.zone(w, z)
            : BenchData.aisle(w, z, r.nextInt(BenchData.AISLES_PER_ZONE)));
      }
      case "text" -> "q=" + URLEncoder.encode(switch (r.nextInt(4)) {
        case 0 -> BenchData.NOUNS.get(r.nextInt(BenchData.NOUNS.size()));
        case 1 -> BenchData.NOUNS.get(r.nextInt(BenchData.NOUNS.size())) + " "
            + BenchData.MATERIALS.get(r.nextInt(BenchData.MATERIALS.size()));
        case 2 -> BenchData.sku(r.nextInt(BenchData.ITEMS)).substring(0, 7);
        default -> BenchData.sku(r.nextInt(BenchData.ITEMS));
      }, StandardCharsets.UTF_8);
      default -> "siteId=" + BenchData.site(r.nextInt(BenchData.SITES));
    };
    return session.set("kind", kind).set("query", query);
  }

  private ChainBuilder query(String prefix, boolean record) {
    return exec(StockQuerySimulation::pick)
        .exec(http(session -> prefix + NAMES.get(session.getString("kind")))
            .get(session -> "/api/v1/stock?" + session.getString("query") + "&page=0&size=50")
            .header("Authorization", session -> api.warehouseBearer())
            .check(status().is(200), jsonPath("$.total").exists(), responseTimeInMillis().saveAs("rt")))
        .exec(session -> {
          if (record && !session.isFailed()) {
            synchronized (times) {
              times.computeIfAbsent(session.getString("kind"), k -> new ArrayList<>()).add((long) session.getInt("rt"));
            }
          }
          return session.markAsSucceeded();
        });
  }

  {
    setUp(scenario("stock query")
        .during(Duration.ofSeconds(WARMUP_SECONDS)).on(query("warm-up ", false))
        .during(Duration.ofSeconds(DURATION_SECONDS)).on(query("", true))
        .injectOpen(atOnceUsers(USERS)))
        .protocols(httpProtocol)
        .maxDuration(Duration.ofSeconds(WARMUP_SECONDS + DURATION_SECONDS + 120))
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void before() {
    System.out.printf("Millflow stock query benchmark: %s, %d users, %d s warm-up + %d s%n", api.baseUrl(), USERS,
        WARMUP_SECONDS, DURATION_SECONDS);
    api.requireMasterData();
    if (CHECK_INTEGRITY) {
      api.requireCleanLedger();
    }
  }

  @Override
  public void after() {
    List<Long> all = new ArrayList<>();
    synchronized (times) {
      for (String kind : KINDS) {
        List<Long> t = times.getOrDefault(kind, List.of());
        all.addAll(t);
        System.out.printf("Millflow stock query benchmark: %-22s %s%n", NAMES.get(kind), BenchApi.summary(t));
      }
    }
    System.out.printf("Millflow stock query benchmark: %-22s %s (%.1f queries/s)%n", "all filters",
        BenchApi.summary(all), all.size() / (double) DURATION_SECONDS);
  }
}
