package io.millflow.benchmarks.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.benchmarks.TokenClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the stock simulations need outside of Gatling: tokens (the demo user {@code warehouse} through
 * authorization code + PKCE, renewed when less than 5 minutes are left; the {@code ops-cli} client through
 * client credentials for ADMIN calls), plain HTTP calls for set-up and checks, and percentiles.
 */
public final class BenchApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final String password;
  private final TokenClient tokenClient;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .version(HttpClient.Version.HTTP_1_1).build();
  private TokenClient.Tokens warehouse;

  public BenchApi(String baseUrl, String password) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.password = password;
    this.tokenClient = new TokenClient(this.baseUrl);
  }

  public static BenchApi fromSystemProperties() {
    return new BenchApi(System.getProperty("baseUrl", "http://localhost:8080"), System.getProperty("password", "millflow"));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** "Bearer ..." of the user {@code warehouse} (role WAREHOUSE: posts and reads stock). */
  public synchronized String warehouseBearer() {
    if (warehouse == null || warehouse.remaining(Instant.now()).compareTo(Duration.ofMinutes(5)) < 0) {
      warehouse = tokenClient.login("warehouse", password);
    }
    return "Bearer " + warehouse.accessToken();
  }

  /** "Bearer ..." of the client {@code ops-cli} (role ADMIN). */
  public String adminBearer() {
    String basic = Base64.getEncoder().encodeToString("ops-cli:ops-cli-secret".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")), Duration.ofSeconds(30));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("client_credentials grant of ops-cli failed: " + r.statusCode() + " " + r.body());
    }
    return "Bearer " + json(r.body()).get("access_token").asText();
  }

  public JsonNode get(String pathAndQuery, String bearer, Duration timeout) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .header("Authorization", bearer).header("Accept", "application/json").GET(), timeout);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + pathAndQuery + " -> " + r.statusCode() + " " + abbreviate(r.body()));
    }
    return json(r.body());
  }

  /** POSTs a posting document as {@code warehouse}; returns the created document. */
  public JsonNode postDocument(String body, Duration timeout) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/stock-documents"))
        .header("Authorization", warehouseBearer()).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), timeout);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("POST /api/v1/stock-documents -> " + r.statusCode() + " " + abbreviate(r.body()));
    }
    return json(r.body());
  }

  /** Fails unless the benchmark master data (stock-master-data.sql) is there. */
  public void requireMasterData() {
    String bearer = warehouseBearer();
    for (int i : new int[] {0, BenchData.ITEMS - 1}) {
      JsonNode item = get("/api/v1/items/" + BenchData.item(i), bearer, Duration.ofSeconds(30));
      if (!BenchData.sku(i).equals(item.path("sku").asText())) {
        throw new IllegalStateException("item " + BenchData.item(i) + " is not " + BenchData.sku(i)
            + ": load benchmarks/scripts/stock-master-data.sql first");
      }
    }
    get("/api/v1/locations/" + BenchData.bin(BenchData.BINS - 1), bearer, Duration.ofSeconds(30));
  }

  /**
   * GET /api/v1/stock/integrity as ADMIN; throws unless there are no differences. Returns the report.
   */
  public JsonNode requireCleanLedger() {
    long start = System.nanoTime();
    JsonNode report = get("/api/v1/stock/integrity", adminBearer(), Duration.ofMinutes(30));
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("Millflow stock integrity: %d moves, %d quants, %d valuations, %d differences (check took %d ms)%n",
        report.path("moves").asLong(), report.path("quants").asLong(), report.path("valuations").asLong(),
        report.path("differences").size(), ms);
    if (report.path("differences").size() > 0) {
      throw new IllegalStateException("the stock ledger has differences: " + abbreviate(report.path("differences").toString()));
    }
    return report;
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Duration timeout) {
    try {
      return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("call to " + baseUrl + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("not JSON: " + abbreviate(body), e);
    }
  }

  static String abbreviate(String s) {
    String oneLine = s == null ? "" : s.replaceAll("\\s+", " ").trim();
    return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "...";
  }

  // ---------------------------------------------------------------------------------------------
  // Percentiles (nearest rank, as Gatling reports them closely enough for ms values)

  /** Nearest-rank percentile of {@code values} (ms); 0 when empty. */
  public static long percentile(List<Long> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** "n=…, p50 … ms, p95 … ms, p99 … ms, max … ms". */
  public static String summary(List<Long> values) {
    if (values.isEmpty()) {
      return "n=0";
    }
    return String.format(Locale.ROOT, "n=%d, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", values.size(),
        percentile(values, 50), percentile(values, 95), percentile(values, 99), percentile(values, 100));
  }
}
