package io.millflow.benchmarks;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Submits a 20,000 EUR purchase requisition as {@code employee} and approves it on all three
 * levels (manager, department head, finance) through the REST API, then waits until the
 * background worker has turned it into a purchase order.
 *
 * <p>System properties: {@code baseUrl} (default http://localhost:8080), {@code usersPerSec}
 * (new requisitions per second, default 2), {@code durationSeconds} (injection time, default 60),
 * {@code password} (of the demo users, default millflow).
 */
public class RequisitionApprovalSimulation extends Simulation {

  static final String BASE_URL = System.getProperty("baseUrl", "http://localhost:8080");
  static final double USERS_PER_SEC = Double.parseDouble(System.getProperty("usersPerSec", "2"));
  static final long DURATION_SECONDS = Long.parseLong(System.getProperty("durationSeconds", "60"));
  static final String PASSWORD = System.getProperty("password", "millflow");

  static final String FULL_APPROVAL = "full approval";

  /** Polls of GET /api/v1/tasks per approval level before the level counts as failed. */
  static final int MAX_TASK_POLLS = 20;
  /** Polls of GET /api/v1/purchase-requisitions/{id} waiting for ORDERED. */
  static final int MAX_ORDERED_POLLS = 20;
  static final Duration POLL_PAUSE = Duration.ofMillis(250);

  /** Approval levels in order: user who approves, and the label used in request names. */
  static final List<Map.Entry<String, String>> APPROVERS = List.of(
      Map.entry("manager", "manager"),
      Map.entry("head", "head"),
      Map.entry("finance", "finance"));
  static final String EMPLOYEE = "employee";

  private final TokenClient tokenClient = new TokenClient(BASE_URL);
  private final Map<String, TokenClient.Tokens> tokens = new ConcurrentHashMap<>();
  private final AtomicLong started = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private ScheduledExecutorService refresher;
  private Instant injectionStart;

  // -----------------------------------------------------------------------------------------------
  // HTTP

  private final HttpProtocolBuilder httpProtocol = http
      .baseUrl(BASE_URL)
      .acceptHeader("application/json")
      .userAgentHeader("millflow-benchmarks/gatling")
      // Gatling warms up by calling gatling.io unless told otherwise: only the base URL is ever called.
      .disableWarmUp();

  /** Authorization header value for {@code user}, read per request so refreshed tokens are used. */
  private Function<Session, String> bearer(String user) {
    return session -> {
      TokenClient.Tokens t = tokens.get(user);
      if (t == null) {
        throw new IllegalStateException("no token for " + user + " (did before() fail?)");
      }
      return "Bearer " + t.accessToken();
    };
  }

  // -----------------------------------------------------------------------------------------------
  // Scenario

  private static String requisitionJson(Session session) {
    return """
        {"itemDescription": "Benchmark sheet steel, batch %d",
         "quantity": 10,
         "unitPrice": 2000.00,
         "currency": "EUR",
         "neededBy": "%s",
         "justification": "Gatling load test (RequisitionApprovalSimulation)",
         "costCentre": "CC-1000"}
        """.formatted(session.userId(), LocalDate.now().plusDays(30));
  }

  private final ChainBuilder submit = exec(
      http("submit")
          .post("/api/v1/purchase-requisitions")
          .header("Authorization", bearer(EMPLOYEE))
          .body(StringBody(RequisitionApprovalSimulation::requisitionJson)).asJson()
          .check(
              status().is(201),
              jsonPath("$.id").saveAs("requisitionId"),
              jsonPath("$.status").is("IN_APPROVAL")));

  /** Polls the approver's task list until the task for this requisition shows up, then approves it. */
  private ChainBuilder approveAs(String user, String label) {
    return exec(session -> session.remove("taskId").set("taskPolls", 0))
        .asLongAs(session -> !session.contains("taskId") && session.getInt("taskPolls") < MAX_TASK_POLLS)
        .on(
            exec(session -> session.set("taskPolls", session.getInt("taskPolls") + 1))
                .exec(http("tasks " + label)
                    .get("/api/v1/tasks")
                    .header("Authorization", bearer(user))
                    .check(
                        status().is(200),
                        jsonPath(session -> "$[?(@.businessKey == '" + session.getString("requisitionId") + "')].id")
                            .optional().saveAs("taskId"))
                    // On the last allowed poll a missing task fails the request (and so the run).
                    .checkIf(session -> session.getInt("taskPolls") >= MAX_TASK_POLLS)
                    .then(jsonPath(session -> "$[?(@.businessKey == '" + session.getString("requisitionId") + "')].id")
                        .exists().name("task of the requisition listed within " + MAX_TASK_POLLS + " polls")))
                .doIf(session -> !session.contains("taskId")).then(pause(POLL_PAUSE)))
        .exec(http("approve " + label)
            .post("/api/v1/tasks/#{taskId}/complete")
            .header("Authorization", bearer(user))
            .body(StringBody("{\"approved\": true, \"comment\": \"ok\"}")).asJson()
            .check(status().is(204)));
  }

  /** Polls the requisition until the background worker has created the purchase order. */
  private final ChainBuilder awaitOrdered =
      exec(session -> session.set("status", "IN_APPROVAL").set("orderedPolls", 0))
          .asLongAs(session -> !"ORDERED".equals(session.getString("status"))
              && session.getInt("orderedPolls") < MAX_ORDERED_POLLS)
          .on(
              exec(session -> session.set("orderedPolls", session.getInt("orderedPolls") + 1))
                  .exec(http("poll ordered")
                      .get("/api/v1/purchase-requisitions/#{requisitionId}")
                      .header("Authorization", bearer(EMPLOYEE))
                      .check(
                          status().is(200),
                          jsonPath("$.status").in("IN_APPROVAL", "ORDERED").saveAs("status"),
                          // ORDERED must come with its purchase order number.
                          jmesPath("status == 'ORDERED' && purchaseOrderNumber == null").ofBoolean().is(false)
                              .name("purchaseOrderNumber set once ORDERED"))
                      .checkIf(session -> session.getInt("orderedPolls") >= MAX_ORDERED_POLLS)
                      .then(jsonPath("$.status").is("ORDERED").name("ORDERED within " + MAX_ORDERED_POLLS + " polls")))
                  .doIf(session -> !"ORDERED".equals(session.getString("status"))).then(pause(POLL_PAUSE)));

  private ChainBuilder fullApproval() {
    ChainBuilder steps = submit;
    for (Map.Entry<String, String> approver : APPROVERS) {
      steps = steps.exec(approveAs(approver.getKey(), approver.getValue()));
    }
    steps = steps.exec(awaitOrdered).exec(session -> {
      completed.incrementAndGet();
      return session;
    });
    // The first failed request ends this requisition's run (the group is then KO).
    return group(FULL_APPROVAL).on(exitBlockOnFail().on(steps));
  }

  private final ScenarioBuilder scenario = scenario("requisition approval")
      .exec(session -> {
        started.incrementAndGet();
        return session;
      })
      .exec(fullApproval());

  {
    setUp(scenario.injectOpen(
            constantUsersPerSec(USERS_PER_SEC).during(Duration.ofSeconds(DURATION_SECONDS))))
        .protocols(httpProtocol)
        // Hard stop: injection time plus ample time for the last requisitions to finish.
        .maxDuration(Duration.ofSeconds(DURATION_SECONDS + 180))
        .assertions(
            global().failedRequests().percent().is(0.0),
            details(FULL_APPROVAL).failedRequests().count().is(0L),
            details(FULL_APPROVAL).successfulRequests().count().gt(0L));
  }

  // -----------------------------------------------------------------------------------------------
  // Tokens

  @Override
  public void before() {
    System.out.printf("Millflow benchmark: %s, %.2f requisitions/s for %d s%n",
        BASE_URL, USERS_PER_SEC, DURATION_SECONDS);
    for (String user : users()) {
      tokens.put(user, tokenClient.login(user, PASSWORD));
    }
    Duration shortest = tokens.values().stream()
        .map(t -> t.remaining(Instant.now()))
        .min(Duration::compareTo)
        .orElseThrow();
    // Refresh only when the run can outlive the tokens (run length + the 180 s tail + margin).
    if (shortest.compareTo(Duration.ofSeconds(DURATION_SECONDS + 180 + 60)) < 0) {
      long periodSeconds = Math.max(10, shortest.toSeconds() / 2);
      refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "millflow-token-refresh");
        thread.setDaemon(true);
        return thread;
      });
      refresher.scheduleAtFixedRate(this::refreshAll, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }
    injectionStart = Instant.now();
  }

  @Override
  public void after() {
    if (refresher != null) {
      refresher.shutdownNow();
    }
    if (injectionStart != null) {
      double seconds = Math.max(1, Duration.between(injectionStart, Instant.now()).toMillis()) / 1000.0;
      System.out.printf(
          "Millflow benchmark: %d of %d requisitions fully approved and ordered; %.2f/s over the %d s injection,"
              + " %.1f s wall clock%n",
          completed.get(), started.get(), completed.get() / (double) DURATION_SECONDS, DURATION_SECONDS, seconds);
    }
  }

  private static List<String> users() {
    return List.of(EMPLOYEE, APPROVERS.get(0).getKey(), APPROVERS.get(1).getKey(), APPROVERS.get(2).getKey());
  }

  /** refresh_token grant when a refresh token was issued; a new login when there is none or it fails. */
  private void refreshAll() {
    for (String user : users()) {
      try {
        tokens.put(user, refreshed(user, tokens.get(user)));
      } catch (RuntimeException e) {
        // Keep the old token; if it expires, requests fail with 401 and show up in the report.
        System.err.println("Millflow benchmark: token refresh for " + user + " failed: " + e.getMessage());
      }
    }
  }

  private TokenClient.Tokens refreshed(String user, TokenClient.Tokens current) {
    if (current != null && current.refreshToken() != null) {
      try {
        return tokenClient.refresh(current.refreshToken());
      } catch (TokenClient.TokenException e) {
        System.err.println("Millflow benchmark: refresh_token grant for " + user + " failed, logging in again: "
            + e.getMessage());
      }
    }
    return tokenClient.login(user, PASSWORD);
  }
}
