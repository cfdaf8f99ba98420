package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.PmsRows;
import io.millflow.app.support.Tokens;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Project analytics against figures computed by hand on a small fixture (tasks with exact timestamps), in JSON
 * and CSV, and who may read them.
 */
@AppTest
class ProjectAnalyticsApiTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    /** A project of 10 days (today − 5 … today + 4) with the tasks described in the test. */
    record Fixture(UUID projectId, String code, UUID departmentId) {
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant();
    }

    /**
     * Leaf tasks (estimate, created, state): T1 8 h, day −5, DONE day −4 (due −3: on time, 1 day);
     * T2 4 h, day −5, DONE +108 h = day −1 (due −2: late, 4.5 days); T3 6 h, day −3, IN_PROGRESS;
     * T4 no estimate, day −5, DONE day −2 (no due date, 3 days); T5 10 h CANCELLED (left out);
     * parent P 100 h (not a leaf: left out) with child T6 2 h, day −5, TODO.
     */
    static Fixture fixture(JdbcTemplate jdbc, String headOfDepartment) {
        PmsRows f = new PmsRows(jdbc);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        LocalDate today = LocalDate.now(ZONE);
        LocalDate d5 = today.minusDays(5);
        UUID dept = f.department("AD" + suffix, headOfDepartment);
        String code = "AN-" + suffix;
        UUID p = f.project(code, dept, "manager", d5, today.plusDays(4), new BigDecimal("1000.00"));
        Instant created = at(d5, 10);
        f.task(p, null, 1, "DONE", new BigDecimal("8"), created, at(today.minusDays(4), 10), today.minusDays(3), d5, d5);
        f.task(p, null, 2, "DONE", new BigDecimal("4"), created, created.plus(Duration.ofHours(108)),
                today.minusDays(2), d5, d5);
        f.task(p, null, 3, "IN_PROGRESS", new BigDecimal("6"), at(today.minusDays(3), 10), null, null, d5, d5);
        f.task(p, null, 4, "DONE", null, created, at(today.minusDays(2), 10), null, d5, d5);
        f.task(p, null, 5, "CANCELLED", new BigDecimal("10"), created, null, null, d5, d5);
        UUID parent = f.task(p, null, 6, "TODO", new BigDecimal("100"), created, null, null, d5, d5);
        f.task(p, parent, 7, "TODO", new BigDecimal("2"), created, null, null, d5, d5);
        f.member(p, "employee", "MEMBER");
        return new Fixture(p, code, dept);
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (code.equals(r.path("projectCode").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row for " + code + " in " + rows);
    }

    private String csv(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + port + path)).header("Authorization", "Bearer " + Tokens.user(port, user))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return r.body();
    }

    @Test
    void burndownOnTimeCycleTimeAndBudgetMatchTheFiguresComputedByHand() throws Exception {
        Fixture fx = fixture(jdbc, "nobody");
        String token = Tokens.user(port, "manager");
        LocalDate today = LocalDate.now(ZONE);

        Api.Response burn = api.get("/api/v1/analytics/projects/" + fx.projectId() + "/burndown", token);
        assertThat(burn.status()).as(burn.raw()).isEqualTo(200);
        JsonNode points = burn.body().path("points");
        assertThat(points).hasSize(10);
        // day: scope h, done h, remaining h, scope tasks, done tasks
        String[][] expected = {
                {"14.00", "0.00", "14.00", "4", "0"},
                {"14.00", "8.00", "6.00", "4", "1"},
                {"20.00", "8.00", "12.00", "5", "1"},
                {"20.00", "8.00", "12.00", "5", "2"},
                {"20.00", "12.00", "8.00", "5", "3"},
                {"20.00", "12.00", "8.00", "5", "3"}};
        for (int i = 0; i < expected.length; i++) {
            JsonNode p = points.get(i);
            assertThat(p.path("day").asText()).isEqualTo(today.minusDays(5 - i).toString());
            assertThat(p.path("scopeHours").decimalValue()).as("scope day " + i).isEqualByComparingTo(expected[i][0]);
            assertThat(p.path("doneHours").decimalValue()).as("done day " + i).isEqualByComparingTo(expected[i][1]);
            assertThat(p.path("remainingHours").decimalValue()).as("remaining day " + i)
                    .isEqualByComparingTo(expected[i][2]);
            assertThat(p.path("scopeTasks").asInt()).as("scope tasks day " + i).isEqualTo(Integer.parseInt(expected[i][3]));
            assertThat(p.path("doneTasks").asInt()).as("done tasks day " + i).isEqualTo(Integer.parseInt(expected[i][4]));
        }
        // the ideal line: 20 h at the start to 0 at the end, 9 days later; the future has only the ideal line
        assertThat(points.get(0).path("idealRemainingHours").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(points.get(5).path("idealRemainingHours").decimalValue()).isEqualByComparingTo("8.89");
        assertThat(points.get(9).path("idealRemainingHours").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(points.get(6).path("remainingHours").isNull()).isTrue();

        JsonNode onTime = row(api.get("/api/v1/analytics/on-time", token).body(), fx.code());
        assertThat(onTime.path("done").asInt()).isEqualTo(3);
        assertThat(onTime.path("withDueDate").asInt()).isEqualTo(2);
        assertThat(onTime.path("onTime").asInt()).isEqualTo(1);
        assertThat(onTime.path("rate").decimalValue()).isEqualByComparingTo("0.5");

        JsonNode cycle = row(api.get("/api/v1/analytics/cycle-time", token).body(), fx.code());
        assertThat(cycle.path("done").asInt()).isEqualTo(3);
        assertThat(cycle.path("averageDays").decimalValue()).isEqualByComparingTo("2.83"); // (1 + 4.5 + 3) / 3
        assertThat(cycle.path("medianDays").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(cycle.path("p85Days").decimalValue()).isEqualByComparingTo("4.05"); // 3 + 0.7 × (4.5 − 3)

        JsonNode budget = api.get("/api/v1/analytics/budget?projectId=" + fx.projectId(), token).body().get(0);
        assertThat(budget.path("budget").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(budget.path("actual").decimalValue()).isEqualByComparingTo(
                budget.path("labour").decimalValue().add(budget.path("materials").decimalValue()));
        assertThat(budget.path("remaining").decimalValue()).isEqualByComparingTo(
                new BigDecimal("1000.00").subtract(budget.path("actual").decimalValue()));

        String onTimeCsv = csv("/api/v1/analytics/on-time", "manager");
        assertThat(onTimeCsv).startsWith("project,name,done,with_due_date,on_time,rate\r\n");
        assertThat(onTimeCsv).contains("\r\n" + fx.code() + ",Project " + fx.code() + ",3,2,1,0.5000\r\n");
        String burnCsv = csv("/api/v1/analytics/projects/" + fx.projectId() + "/burndown", "manager");
        String[] lines = burnCsv.split("\r\n");
        assertThat(lines[0]).isEqualTo("day,scope_hours,done_hours,remaining_hours,ideal_remaining_hours,scope_tasks,done_tasks");
        assertThat(lines).hasSize(11);
        assertThat(lines[2]).isEqualTo(today.minusDays(4) + ",14.00,8.00,6.00,17.78,4,1");
        assertThat(lines[10]).isEqualTo(today.plusDays(4) + ",,,,0.00,,");
        String cycleCsv = csv("/api/v1/analytics/cycle-time", "manager");
        assertThat(cycleCsv).contains(fx.code() + ",Project " + fx.code() + ",3,2.83,3.00,4.05\r\n");
    }

    @Test
    void analyticsAreForManagersDepartmentHeadsOfTheirDepartmentsAndAdmins() {
        Fixture mine = fixture(jdbc, "head");
        Fixture other = fixture(jdbc, "nobody");

        Api.Response employee = api.get("/api/v1/analytics/on-time", Tokens.user(port, "employee"));
        assertThat(employee.status()).isEqualTo(403);
        Api.Response employeeBurn = api.get("/api/v1/analytics/projects/" + mine.projectId() + "/burndown",
                Tokens.user(port, "employee"));
        assertThat(employeeBurn.status()).isEqualTo(403);

        String head = Tokens.user(port, "head");
        JsonNode headRows = api.get("/api/v1/analytics/on-time", head).body();
        assertThat(headRows.findValuesAsText("projectCode")).contains(mine.code()).doesNotContain(other.code());
        assertThat(api.get("/api/v1/analytics/projects/" + mine.projectId() + "/burndown", head).status()).isEqualTo(200);
        Api.Response hidden = api.get("/api/v1/analytics/projects/" + other.projectId() + "/burndown", head);
        assertThat(hidden.status()).isEqualTo(404);

        JsonNode adminRows = api.get("/api/v1/analytics/on-time", Tokens.user(port, "admin")).body();
        assertThat(adminRows.findValuesAsText("projectCode")).contains(mine.code(), other.code());
        Api.Response bad = api.get("/api/v1/analytics/utilisation?from=2026-02-01&to=2026-01-01",
                Tokens.user(port, "admin"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("field")).isEqualTo("to");
    }

    @Test
    void labourInTheBudgetIsApprovedHoursTimesRateAndUtilisationIsThatOfResources() {
        Fixture fx = fixture(jdbc, "nobody");
        PmsRows f = new PmsRows(jdbc);
        UUID task = jdbc.queryForObject("select id from task where project_id = ? and number = 1", UUID.class,
                fx.projectId());
        // a week long ago, so that no other timesheet of these people is in the way
        LocalDate monday = LocalDate.of(2019, 1, 7).plusWeeks(ThreadLocalRandom.current().nextInt(0, 300));
        f.timesheet("employee", monday, "APPROVED", new BigDecimal("40.00"), task, fx.projectId(),
                new BigDecimal("3.75"), monday, monday.plusDays(1)); // 7.5 h × 40 = 300
        f.timesheet("manager", monday, "SUBMITTED", new BigDecimal("50.00"), task, fx.projectId(),
                new BigDecimal("3"), monday); // not approved: no cost
        String token = Tokens.user(port, "manager");

        JsonNode budget = api.get("/api/v1/analytics/budget?projectId=" + fx.projectId(), token).body().get(0);
        assertThat(budget.path("labourKnown").asBoolean()).isTrue();
        assertThat(budget.path("labour").decimalValue()).isEqualByComparingTo("300.00");
        BigDecimal actual = new BigDecimal("300.00").add(budget.path("materials").decimalValue());
        assertThat(budget.path("actual").decimalValue()).isEqualByComparingTo(actual);
        assertThat(budget.path("remaining").decimalValue()).isEqualByComparingTo(new BigDecimal("1000.00").subtract(actual));
        Api.Response labour = api.get("/api/v1/projects/" + fx.projectId() + "/labour-cost", token);
        assertThat(labour.status()).as(labour.raw()).isEqualTo(200);
        assertThat(labour.body().path("labourCost").decimalValue()).isEqualByComparingTo("300.00");

        // utilisation: the same figures as resources' own per-team answer
        LocalDate from = monday;
        JsonNode ours = api.get("/api/v1/analytics/utilisation?from=" + from + "&to=" + from.plusDays(13), token).body();
        JsonNode theirs = api.get("/api/v1/capacity/teams?from=" + from + "&weeks=2", token).body();
        assertThat(ours).hasSize(theirs.size());
        for (int i = 0; i < theirs.size(); i++) {
            assertThat(ours.get(i).path("week").asText()).isEqualTo(theirs.get(i).path("weekStart").asText());
            assertThat(ours.get(i).path("bookedHours").decimalValue())
                    .isEqualByComparingTo(theirs.get(i).path("bookedHours").decimalValue());
            assertThat(ours.get(i).path("capacityHours").decimalValue())
                    .isEqualByComparingTo(theirs.get(i).path("capacityHours").decimalValue());
        }
        BigDecimal booked = BigDecimal.ZERO;
        for (JsonNode r : ours) {
            if (r.path("week").asText().equals(monday.toString())) {
                booked = booked.add(r.path("bookedHours").decimalValue());
            }
        }
        assertThat(booked).as("7.5 h approved + 3 h submitted booked in that week").isEqualByComparingTo("10.50");
    }
}
