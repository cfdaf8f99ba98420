package io.millflow.benchmarks.stock;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Loads the stock ledger for {@link StockQuerySimulation} through the API, so that moves, quants and
 * valuation are what the ledger itself wrote: {@code documents} (default 200) documents of {@code lines}
 * (default 5,000) lines, posted one after the other by {@code warehouse}. With the defaults that is
 * 1,000,000 moves:
 *
 * <ul>
 *   <li>100 goods receipts (101, with a unit cost): every item is received 5 times, into two "home" bins
 *       of its own (one of them at another site for a quarter of the items);</li>
 *   <li>then, alternating, 60 transfers (311) and 40 issues to a cost centre (201) of random items that have
 *       stock: a transfer takes up to half of a bin's stock to another bin (80 % in the same warehouse,
 *       20 % anywhere, so some cross sites and carry value); an issue takes up to all of it.</li>
 * </ul>
 *
 * <p>The simulation keeps the stock it posted in memory to make only postings that must succeed; the
 * first failed posting ends the run. Random choices come from {@code seed} (default 42). Needs the
 * benchmark master data and no earlier stock in the bins (run it once per fresh database, after
 * StockReceiptSimulation if wanted: that one adds stock the loader does not know of, which is harmless).
 * Check the result with {@code GET /api/v1/stock/integrity} (StockQuerySimulation does).
 */
public class StockDataLoadSimulation extends Simulation {

  static final int DOCUMENTS = Integer.getInteger("documents", 200);
  static final int LINES = Integer.getInteger("lines", 5_000);
  static final long SEED = Long.getLong("seed", 42L);
  /** Share of receipts among the documents; the rest alternates transfers (3) and issues (2). */
  static final double RECEIPT_SHARE = 0.5;

  private final BenchApi api = BenchApi.fromSystemProperties();
  private final Random random = new Random(SEED);
  /** Stock the loader posted: key item * BINS + bin -> quantity. */
  private final Map<Long, Long> stock = new HashMap<>();
  /** Bins with stock per item (may list bins that went empty; checked against {@link #stock}). */
  private final List<List<Integer>> binsOf = new ArrayList<>(BenchData.ITEMS);
  private final int[][] homeBins = new int[BenchData.ITEMS][2];
  private int documentNo;
  private int receiptLine;
  private long moves;
  private Instant start;

  private final HttpProtocolBuilder httpProtocol = http
      .baseUrl(api.baseUrl())
      .acceptHeader("application/json")
      .userAgentHeader("millflow-benchmarks/gatling")
      .disableWarmUp();

  {
    for (int i = 0; i < BenchData.ITEMS; i++) {
      binsOf.add(new ArrayList<>(4));
      int first = random.nextInt(BenchData.BINS);
      int second;
      if (random.nextInt(4) == 0) {
        // another site
        second = (first + BenchData.BINS_PER_WAREHOUSE * 2 * (1 + random.nextInt(BenchData.SITES - 1))
            + random.nextInt(BenchData.BINS_PER_WAREHOUSE)) % BenchData.BINS;
      } else {
        int base = BenchData.warehouseOfBin(first) * BenchData.BINS_PER_WAREHOUSE;
        second = base + (first - base + 1 + random.nextInt(BenchData.BINS_PER_WAREHOUSE - 1)) % BenchData.BINS_PER_WAREHOUSE;
      }
      homeBins[i][0] = first;
      homeBins[i][1] = second;
    }

    setUp(scenario("stock data load")
        .repeat(DOCUMENTS).on(exec(this::next)
            .exec(http(session -> session.getString("kind"))
                .post("/api/v1/stock-documents")
                .header("Authorization", session -> api.warehouseBearer())
                .body(StringBody(session -> session.getString("body"))).asJson()
                .check(status().is(201), jsonPath("$.lineCount").ofInt().is(LINES)))
            .exitHereIfFailed()
            .exec(session -> session.remove("body")))
        .injectOpen(atOnceUsers(1)))
        .protocols(httpProtocol)
        .maxDuration(Duration.ofMinutes(120))
        .assertions(global().failedRequests().count().is(0L));
  }

  /** Builds the next document into the session: its kind (the request name) and its JSON body. */
  private synchronized Session next(Session session) {
    int n = documentNo++;
    String kind;
    BenchData.Doc doc;
    int receipts = (int) Math.round(DOCUMENTS * RECEIPT_SHARE);
    if (n < receipts) {
      kind = "load receipt 101";
      doc = new BenchData.Doc("101", "PO-BENCH-LOAD-" + n, LINES);
      for (int j = 0; j < LINES; j++, receiptLine++) {
        int item = receiptLine % BenchData.ITEMS;
        int bin = homeBins[item][(receiptLine / BenchData.ITEMS) % 2];
        long qty = 10 + random.nextInt(91);
        doc.line(item, qty, -1, bin, BenchData.unitCost(random));
        add(item, bin, qty);
      }
    } else if ((n - receipts) % 5 < 3) {
      kind = "load transfer 311";
      doc = new BenchData.Doc("311", null, LINES);
      while (doc.lines() < LINES) {
        int item = random.nextInt(BenchData.ITEMS);
        int from = binWithStock(item, 2);
        if (from < 0) {
          continue;
        }
        int to;
        do {
          if (random.nextInt(5) == 0) {
            to = random.nextInt(BenchData.BINS);
          } else {
            to = BenchData.warehouseOfBin(from) * BenchData.BINS_PER_WAREHOUSE
                + random.nextInt(BenchData.BINS_PER_WAREHOUSE);
          }
        } while (to == from);
        long qty = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, stock.get(key(item, from)) / 2));
        doc.line(item, qty, from, to, null);
        add(item, from, -qty);
        add(item, to, qty);
      }
    } else {
      kind = "load issue 201";
      doc = new BenchData.Doc("201", "CC-BENCH-" + n, LINES);
      while (doc.lines() < LINES) {
        int item = random.nextInt(BenchData.ITEMS);
        int from = binWithStock(item, 1);
        if (from < 0) {
          continue;
        }
        long qty = 1 + random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, stock.get(key(item, from))));
        doc.line(item, qty, from, -1, null);
        add(item, from, -qty);
      }
    }
    moves += doc.lines();
    return session.set("kind", kind).set("body", doc.json());
  }

  private static long key(int item, int bin) {
    return (long) item * BenchData.BINS + bin;
  }

  private void add(int item, int bin, long qty) {
    long k = key(item, bin);
    Long before = stock.get(k);
    long after = (before == null ? 0 : before) + qty;
    if (after < 0) {
      throw new IllegalStateException("loader bug: negative stock");
    }
    stock.put(k, after);
    if (before == null || before == 0) {
      binsOf.get(item).add(bin);
    }
  }

  /** A random bin of the item holding at least {@code min}, or -1. */
  private int binWithStock(int item, long min) {
    List<Integer> bins = binsOf.get(item);
    bins.removeIf(b -> stock.getOrDefault(key(item, b), 0L) == 0);
    List<Integer> enough = bins.stream().filter(b -> stock.get(key(item, b)) >= min).toList();
    return enough.isEmpty() ? -1 : enough.get(random.nextInt(enough.size()));
  }

  @Override
  public void before() {
    System.out.printf("Millflow stock data load: %s, %d documents of %d lines, seed %d%n", api.baseUrl(), DOCUMENTS,
        LINES, SEED);
    api.requireMasterData();
    start = Instant.now();
  }

  @Override
  public void after() {
    System.out.printf("Millflow stock data load: %d documents built (%d lines) in %d s%n", documentNo, moves,
        Duration.between(start, Instant.now()).toSeconds());
  }
}
