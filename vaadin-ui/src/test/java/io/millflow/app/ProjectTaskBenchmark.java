package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Tokens;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acceptance line 6 of issue #6: latency of the project task list and of the Gantt data request for a project of
 * 2,000 tasks, through the real REST endpoints with a bearer token (security, access check, JSON).
 * <p>
 * The project is created over the API; its 2,000 tasks (a tree of 40 summary tasks with 49 subtasks each) and
 * about 2,400 finish-to-start and start-to-start dependencies are inserted with SQL before the clock starts.
 * After a warm-up, {@code clients} threads each send {@code requests} requests of each kind; the test prints
 * p50, p95, p99 and max in milliseconds. Not part of the normal build; run it alone:
 *
 * <pre>
 * mvn -o -q -pl vaadin-ui -am test -Dtest=ProjectTaskBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dprojects.benchmark=true [-Dprojects.clients=4 -Dprojects.requests=100]
 * </pre>
 */
@AppTest
@EnabledIfSystemProperty(named = "projects.benchmark", matches = "true")
class ProjectTaskBenchmark {

    static final int SUMMARIES = 40;
    static final int CHILDREN = 49;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void taskListAndGanttOfA2000TaskProject() throws Exception {
        Api api = new Api(port);
        String manager = Tokens.user(port, "manager");
        String admin = Tokens.user(port, "admin");
        UUID department = UUID.fromString(api.post("/api/v1/departments", admin,
                Map.of("code", "BENCH", "name", "Benchmark department")).body().get("id").asText());
        LocalDate start = LocalDate.of(2027, 1, 4);
        Api.Response created = api.post("/api/v1/projects", manager, Map.of("code", "BENCH-2000",
                "name", "Benchmark project of 2,000 tasks", "departmentId", department, "manager", "manager",
                "startDate", start.toString(), "endDate", start.plusYears(2).toString(), "budget", 1_000_000));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        UUID project = UUID.fromString(created.body().get("id").asText());
        int tasks = insertTasks(project, start);
        assertThat(tasks).isEqualTo(SUMMARIES * (CHILDREN + 1));

        int clients = Integer.getInteger("projects.clients", 4);
        int requests = Integer.getInteger("projects.requests", 100);
        String listPath = "/api/v1/projects/" + project + "/tasks";
        String ganttPath = "/api/v1/projects/" + project + "/gantt";
        Api.Response list = api.get(listPath, manager);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        Api.Response gantt = api.get(ganttPath, manager);
        assertThat(gantt.status()).as(gantt.raw()).isEqualTo(200);
        System.out.printf(Locale.ROOT, "BENCH task list answer %d bytes, gantt answer %d bytes%n",
                list.raw().length(), gantt.raw().length());

        report("task list", measure(clients, requests, () -> api.get(listPath, manager)));
        report("gantt data", measure(clients, requests, () -> api.get(ganttPath, manager)));
        report("task page (50)", measure(clients, requests,
                () -> api.get(listPath + "/page?page=0&size=50", manager)));
    }

    private int insertTasks(UUID project, LocalDate start) {
        Random random = new Random(6);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> deps = new ArrayList<>();
        String[] statuses = {"TODO", "IN_PROGRESS", "IN_REVIEW", "DONE"};
        int number = 0;
        UUID previousSummaryLast = null;
        for (int s = 0; s < SUMMARIES; s++) {
            UUID summary = UUID.randomUUID();
            LocalDate summaryStart = start.plusDays(s * 14L);
            rows.add(new Object[] {summary, project, null, ++number, "Work package " + (s + 1), "TODO", number,
                    Date.valueOf(summaryStart), Date.valueOf(summaryStart.plusDays(60)), false});
            UUID previous = null;
            for (int c = 0; c < CHILDREN; c++) {
                UUID child = UUID.randomUUID();
                LocalDate childStart = summaryStart.plusDays(c);
                boolean milestone = c == CHILDREN - 1;
                rows.add(new Object[] {child, project, summary, ++number, "Task " + (s + 1) + "." + (c + 1),
                        statuses[random.nextInt(statuses.length)], number, Date.valueOf(childStart),
                        Date.valueOf(milestone ? childStart : childStart.plusDays(random.nextInt(5))), milestone});
                if (previous != null) {
                    deps.add(new Object[] {previous, child, project, c % 5 == 0 ? "SS" : "FS", c % 7 == 0 ? 1 : 0});
                }
                if (c == 0 && previousSummaryLast != null) {
                    deps.add(new Object[] {previousSummaryLast, child, project, "FS", 0});
                }
                previous = child;
            }
            previousSummaryLast = previous;
        }
        jdbc.batchUpdate("insert into task (id, project_id, parent_id, number, name, status, board_rank, priority, "
                + "start_date, end_date, milestone, created_by, created_at, updated_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, 'NORMAL', ?, ?, ?, 'manager', now(), now(), 0)", rows);
        jdbc.batchUpdate("insert into task_dependency (predecessor_id, successor_id, project_id, kind, lag_days, "
                + "created_at) values (?, ?, ?, ?, ?, now())", deps);
        System.out.printf(Locale.ROOT, "BENCH inserted %d tasks and %d dependencies at %s%n", rows.size(), deps.size(),
                now);
        return rows.size();
    }

    private static long[] measure(int clients, int requests, Supplier<Api.Response> call) throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(call.get().status()).isEqualTo(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    long[] times = new long[requests];
                    for (int i = 0; i < requests; i++) {
                        long t0 = System.nanoTime();
                        Api.Response r = call.get();
                        times[i] = System.nanoTime() - t0;
                        assertThat(r.status()).isEqualTo(200);
                    }
                    return times;
                }));
            }
            long[] all = new long[clients * requests];
            int k = 0;
            for (Future<long[]> f : futures) {
                for (long t : f.get()) {
                    all[k++] = t;
                }
            }
            Arrays.sort(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "BENCH %-15s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what,
                sorted.length, pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
