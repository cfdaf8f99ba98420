package io.millflow.benchmarks.stock;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time to post one large goods receipt: {@code warmups} (default 1) then {@code receipts} (default 5)
 * documents of movement type 101 with a purchase-order reference, {@code lines} (default 5,000) lines each,
 * every line a random item of the 100,000 into a random bin of the 8,000 with a unit cost, posted one after
 * the other by the user {@code warehouse} ({@code POST /api/v1/stock-documents}). The time of a posting is
 * Gatling's response time of that request (the JSON body is built before the request is sent).
 *
 * <p>Needs the benchmark master data ({@code benchmarks/scripts/stock-master-data.sql}). System properties:
 * {@code baseUrl}, {@code lines}, {@code warmups}, {@code receipts}, {@code seed}, {@code password}.
 */
public class StockReceiptSimulation extends Simulation {

  static final int LINES = Integer.getInteger("lines", 5_000);
  static final int WARMUPS = Integer.getInteger("warmups", 1);
  static final int RECEIPTS = Integer.getInteger("receipts", 5);
  static final long SEED = Long.getLong("seed", System.currentTimeMillis());
  static final String MEASURED = "receipt " + LINES + " lines";
  static final String WARM_UP = "warm-up receipt " + LINES + " lines";

  private final BenchApi api = BenchApi.fromSystemProperties();
  private final Random random = new Random(SEED);
  private final AtomicInteger number = new AtomicInteger();
  private final List<Long> measured = new ArrayList<>();

  private final HttpProtocolBuilder httpProtocol = http
      .baseUrl(api.baseUrl())
      .acceptHeader("application/json")
      .userAgentHeader("millflow-benchmarks/gatling")
      .disableWarmUp();

  /** A 101 goods receipt of LINES random lines. */
  private synchronized String receipt(Session session) {
    int n = number.incrementAndGet();
    BenchData.Doc doc = new BenchData.Doc("101", "PO-BENCH-RECEIPT-" + SEED + "-" + n, LINES);
    for (int i = 0; i < LINES; i++) {
      doc.line(random.nextInt(BenchData.ITEMS), 1 + random.nextInt(100), -1, random.nextInt(BenchData.BINS),
          BenchData.unitCost(random));
    }
    return doc.json();
  }

  private ChainBuilder post(String name, boolean record) {
    return exec(http(name)
        .post("/api/v1/stock-documents")
        .header("Authorization", session -> api.warehouseBearer())
        .body(StringBody(this::receipt)).asJson()
        .check(status().is(201), jsonPath("$.lineCount").ofInt().is(LINES), responseTimeInMillis().saveAs("rt")))
        .exec(session -> {
          if (record && !session.isFailed()) {
            synchronized (measured) {
              measured.add((long) session.getInt("rt"));
            }
          }
          return session.markAsSucceeded();
        })
        // a short breather so that one posting's after-work (autovacuum, GC) does not land in the next one
        .pause(Duration.ofSeconds(2));
  }

  {
    setUp(scenario("stock receipt")
        .repeat(WARMUPS).on(post(WARM_UP, false))
        .repeat(RECEIPTS).on(post(MEASURED, true))
        .injectOpen(atOnceUsers(1)))
        .protocols(httpProtocol)
        .maxDuration(Duration.ofMinutes(30))
        .assertions(global().failedRequests().count().is(0L));
  }

  @Override
  public void before() {
    System.out.printf("Millflow stock receipt benchmark: %s, %d warm-up + %d receipts of %d lines, seed %d%n",
        api.baseUrl(), WARMUPS, RECEIPTS, LINES, SEED);
    api.requireMasterData();
  }

  @Override
  public void after() {
    List<Long> times;
    synchronized (measured) {
      times = List.copyOf(measured);
    }
    System.out.printf(Locale.ROOT, "Millflow stock receipt benchmark: %d lines per receipt; times (ms) %s; median %d ms; %s%n",
        LINES, times, BenchApi.percentile(times, 50), BenchApi.summary(times));
  }
}
