package io.millflow.benchmarks.stock;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained stock postings per second: {@code users} (default 16) virtual users, a closed model, each
 * posting small documents one after the other without pause: {@code warmupSeconds} (default 20, request
 * "warm-up posting") then {@code durationSeconds} (default 60) measured. A document is, at random:
 *
 * <ul>
 *   <li>60 %: a transfer (311) of 1-3 lines between two bins of a pool item ("posting 311");</li>
 *   <li>20 %: an issue to a cost centre (201) of 1-3 lines ("posting 201");</li>
 *   <li>20 %: a receipt without order (501) of 1-3 lines with a unit cost ("posting 501"),</li>
 * </ul>
 *
 * <p>each line 1-5 units of a random item of a pool of {@code poolItems} (default 500) items with 4 bins each,
 * so that documents meet on the same quant and valuation rows now and then, but not all on one row. Before
 * it starts, one receipt gives every pool bin 1,000,000 units, so no posting runs out of stock.
 *
 * <p>Reports postings per second (successful documents over the measured time) and their latency
 * p50/p95/p99. Compare with {@code pgbench} on the same PostgreSQL server ({@code scripts/stock-benchmarks.sh
 * pgbench}).
 */
public class StockPostingThroughputSimulation extends Simulation {

  static final int USERS = Integer.getInteger("users", 16);
  static final long WARMUP_SECONDS = Long.getLong("warmupSeconds", 20);
  static final long DURATION_SECONDS = Long.getLong("durationSeconds", 60);
  static final int POOL_ITEMS = Integer.getInteger("poolItems", 500);
  static final int BINS_PER_ITEM = 4;
  static final BigDecimal UNIT_COST = new BigDecimal("10.00");

  private final BenchApi api = BenchApi.fromSystemProperties();
  private final List<Long> times = new ArrayList<>();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong firstStart = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong lastEnd = new AtomicLong();

  private final HttpProtocolBuilder httpProtocol = http
      .baseUrl(api.baseUrl())
      .acceptHeader("application/json")
      .userAgentHeader("millflow-benchmarks/gatling")
      .disableWarmUp();

  /** Item number of pool item p: spread over all items. */
  static int poolItem(int p) {
    return p * (BenchData.ITEMS / POOL_ITEMS);
  }

  /** Bin k (0..3) of pool item p: all four in one warehouse (one site), the warehouses taken in turn. */
  static int poolBin(int p, int k) {
    int w = p % BenchData.WAREHOUSES;
    return w * BenchData.BINS_PER_WAREHOUSE + ((p / BenchData.WAREHOUSES) * BINS_PER_ITEM + k) % BenchData.BINS_PER_WAREHOUSE;
  }

  /** A small random document: sets "type" and "body". */
  static Session document(Session session) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int roll = r.nextInt(10);
    String type = roll < 6 ? "311" : roll < 8 ? "201" : "501";
    int lines = 1 + r.nextInt(3);
    BenchData.Doc doc = new BenchData.Doc(type, type.equals("201") ? "CC-BENCH" : type.equals("501") ? "BENCH" : null,
        lines);
    for (int i = 0; i < lines; i++) {
      int p = r.nextInt(POOL_ITEMS);
      int k = r.nextInt(BINS_PER_ITEM);
      long qty = 1 + r.nextInt(5);
      switch (type) {
        case "311" -> doc.line(poolItem(p), qty, poolBin(p, k), poolBin(p, (k + 1 + r.nextInt(BINS_PER_ITEM - 1)) % BINS_PER_ITEM),
            null);
        case "201" -> doc.line(poolItem(p), qty, poolBin(p, k), -1, null);
        default -> doc.line(poolItem(p), qty, -1, poolBin(p, k), UNIT_COST);
      }
    }
    return session.set("type", type).set("body", doc.json());
  }

  private ChainBuilder posting(boolean measured) {
    return exec(StockPostingThroughputSimulation::document)
        .exec(session -> session.set("sent", System.currentTimeMillis()))
        .exec(http(session -> measured ? "posting " + session.getString("type") : "warm-up posting")
            .post("/api/v1/stock-documents")
            .header("Authorization", session -> api.warehouseBearer())
            .body(StringBody(session -> session.getString("body"))).asJson()
            .check(status().is(201), responseTimeInMillis().saveAs("rt")))
        .exec(session -> {
          if (measured) {
            firstStart.accumulateAndGet(session.getLong("sent"), Math::min);
            lastEnd.accumulateAndGet(System.currentTimeMillis(), Math::max);
            if (session.isFailed()) {
              failed.incrementAndGet();
            } else {
              synchronized (times) {
                times.add((long) session.getInt("rt"));
              }
            }
          }
          return session.markAsSucceeded();
        });
  }

  {
    setUp(scenario("stock postings")
        .during(Duration.ofSeconds(WARMUP_SECONDS)).on(posting(false))
        .during(Duration.ofSeconds(DURATION_SECONDS)).on(posting(true))
        .injectOpen(atOnceUsers(USERS)))
        .protocols(httpProtocol)
        .maxDuration(Duration.ofSeconds(WARMUP_SECONDS + DURATION_SECONDS + 120))
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void before() {
    System.out.printf("Millflow stock posting throughput: %s, %d users, %d s warm-up + %d s, pool of %d items x %d bins%n",
        api.baseUrl(), USERS, WARMUP_SECONDS, DURATION_SECONDS, POOL_ITEMS, BINS_PER_ITEM);
    api.requireMasterData();
    BenchData.Doc stock = new BenchData.Doc("501", "BENCH-POOL", POOL_ITEMS * BINS_PER_ITEM);
    for (int p = 0; p < POOL_ITEMS; p++) {
      for (int k = 0; k < BINS_PER_ITEM; k++) {
        stock.line(poolItem(p), 1_000_000, -1, poolBin(p, k), UNIT_COST);
      }
    }
    api.postDocument(stock.json(), Duration.ofMinutes(5));
  }

  @Override
  public void after() {
    List<Long> t;
    synchronized (times) {
      t = List.copyOf(times);
    }
    double seconds = Math.max(1, lastEnd.get() - firstStart.get()) / 1000.0;
    System.out.printf(Locale.ROOT, "Millflow stock posting throughput: %d documents posted in %.1f s = %.1f postings/s"
        + " with %d users; %d failed; latency %s%n", t.size(), seconds, t.size() / seconds, USERS, failed.get(),
        BenchApi.summary(t));
  }
}
