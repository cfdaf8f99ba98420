package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Tokens;
import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resources over REST: site calendars with holidays, allocations flagged when over capacity, the capacity heatmap,
 * timesheets (24 h a day at most, nothing written otherwise), approval in the inbox and labour cost, role refusals.
 */
@AppTest
class ResourceApiTest {

    /** Monday 3 March 2031; the week after has a holiday on Tuesday 11 March in the test calendar. */
    static final LocalDate W1 = LocalDate.of(2031, 3, 3);
    static final LocalDate W2 = W1.plusWeeks(1);
    static final LocalDate W3 = W1.plusWeeks(2);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    HistoryService history;
    @Autowired
    io.millflow.pms.ProjectEvents events;
    Api api;
    String admin;
    String manager;
    String suffix;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = Tokens.user(port, "admin");
        manager = Tokens.user(port, "manager");
        suffix = Long.toString(System.nanoTime(), 36);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    String user(String prefix) {
        String username = (prefix + "-" + suffix).toLowerCase();
        accounts.create("test", username, "millflow", prefix + " (test)", username + "@test.millflow.io",
                Set.of(Roles.EMPLOYEE));
        return username;
    }

    UUID site() {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into site (id, code, name, active, created_at, version) values (?, ?, ?, true, ?, 0)", id,
                ("S" + suffix).toUpperCase(), "Test site " + suffix, Timestamp.from(Instant.now()));
        return id;
    }

    UUID project(String managerUsername, String... members) {
        UUID dept = jdbc.query("select id from department order by code limit 1", rs -> rs.next() ? rs.getObject(1, UUID.class)
                : null);
        if (dept == null) {
            dept = UUID.randomUUID();
            jdbc.update("insert into department (id, code, name, created_at, version) values (?, ?, ?, now(), 0)", dept,
                    "D" + suffix, "Test department");
        }
        UUID id = UUID.randomUUID();
        String code = ("P" + Long.toString(System.nanoTime(), 36)).toUpperCase();
        jdbc.update("insert into project (id, code, name, department_id, manager, start_date, end_date, budget, currency, "
                + "status, created_by, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 0, 'EUR', 'ACTIVE', "
                + "'test', now(), now(), 0)", id, code.length() > 20 ? code.substring(0, 20) : code, "Project " + code, dept,
                managerUsername, W1.minusWeeks(4), W1.plusWeeks(12));
        for (String m : members) {
            jdbc.update("insert into project_member (project_id, username, project_role, added_at) values (?, ?, 'MEMBER', now())",
                    id, m);
        }
        return id;
    }

    UUID task(UUID project, int number, String name) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into task (id, project_id, number, name, status, board_rank, priority, milestone, start_date, "
                + "end_date, created_by, created_at, updated_at, version) values (?, ?, ?, ?, 'IN_PROGRESS', 0, 'NORMAL', "
                + "false, ?, ?, 'test', now(), now(), 0)", id, project, number, name, W1, W1.plusWeeks(4));
        return id;
    }

    String team() {
        Api.Response r = api.post("/api/v1/teams", admin, Map.of("name", "Team " + suffix));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    String person(String username, String teamId, UUID siteId, String capacity, String rate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("teamId", teamId);
        body.put("siteId", siteId);
        body.put("weeklyCapacityHours", capacity);
        body.put("hourlyRate", rate);
        Api.Response r = api.post("/api/v1/people", admin, body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    Api.Response allocate(String personId, UUID project, LocalDate week, String hours) {
        return api.post("/api/v1/allocations", manager, Map.of("personId", personId, "projectId", project.toString(),
                "weekStart", week.toString(), "hours", hours));
    }

    static Map<String, Object> entry(UUID task, LocalDate day, String hours) {
        return Map.of("taskId", task.toString(), "day", day.toString(), "hours", hours);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    long audits(String entityType, String entityId) {
        return count("select count(*) from audit_record where entity_type = ? and entity_id = ?", entityType, entityId);
    }

    String taskFor(String username, String businessKey) {
        Api.Response r = api.get("/api/v1/tasks", Tokens.user(port, username));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode t : r.body()) {
            if (businessKey.equals(t.get("businessKey").asText())) {
                return t.get("id").asText();
            }
        }
        return null;
    }

    // ---- tests ----------------------------------------------------------------------------------------------

    @Test
    void overAllocationIsFlaggedWhereItIsMadeAndInTheHeatmap() {
        UUID site = site();
        Map<String, Object> calendar = new LinkedHashMap<>();
        calendar.put("code", ("C" + suffix).toUpperCase());
        calendar.put("name", "Test calendar");
        calendar.put("siteId", site);
        calendar.put("workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
        calendar.put("hoursPerDay", "8");
        calendar.put("holidays", List.of(Map.of("day", W2.plusDays(1).toString(), "name", "Test holiday")));
        Api.Response cal = api.post("/api/v1/calendars", admin, calendar);
        assertThat(cal.status()).as(cal.raw()).isEqualTo(201);
        assertThat(cal.body().get("holidays")).hasSize(1);
        assertThat(audits("WorkCalendar", cal.text("id"))).isEqualTo(1);

        String teamId = team();
        String planned = user("planned");
        String personId = person(planned, teamId, site, "40", "50.00");
        UUID p1 = project("manager");
        UUID p2 = project("manager");

        // normal week: 24 + 16 = 40 = capacity → FULL, not over
        Api.Response a1 = allocate(personId, p1, W1, "24");
        assertThat(a1.status()).as(a1.raw()).isEqualTo(201);
        assertThat(a1.body().get("capacityHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(a1.body().get("allocatedHours").decimalValue()).isEqualByComparingTo("24");
        assertThat(a1.body().get("overAllocated").asBoolean()).isFalse();
        Api.Response a2 = allocate(personId, p2, W1, "16");
        assertThat(a2.body().get("allocatedHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(a2.body().get("overAllocated").asBoolean()).isFalse();

        // holiday week: capacity 40 × 4/5 = 32; 24 + 16 = 40 → over by 8, flagged on the allocation that tips it
        Api.Response b1 = allocate(personId, p1, W2, "24");
        assertThat(b1.body().get("capacityHours").decimalValue()).isEqualByComparingTo("32");
        assertThat(b1.body().get("overAllocated").asBoolean()).isFalse();
        Api.Response b2 = allocate(personId, p2, W2, "16");
        assertThat(b2.status()).as(b2.raw()).isEqualTo(201);
        assertThat(b2.body().get("capacityHours").decimalValue()).isEqualByComparingTo("32");
        assertThat(b2.body().get("allocatedHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(b2.body().get("overAllocated").asBoolean()).isTrue();
        assertThat(b2.body().get("overByHours").decimalValue()).isEqualByComparingTo("8");
        // the first allocation of that week now reads as over too
        assertThat(api.get("/api/v1/allocations/" + b1.text("id"), manager).body().get("overAllocated").asBoolean()).isTrue();
        assertThat(audits("Allocation", b2.text("id"))).isEqualTo(1);

        // lowering it to 8 h makes the week FULL again
        Api.Response lowered = api.put("/api/v1/allocations/" + b2.text("id"), manager, Map.of("hours", "8"));
        assertThat(lowered.status()).as(lowered.raw()).isEqualTo(200);
        assertThat(lowered.body().get("overAllocated").asBoolean()).isFalse();
        assertThat(lowered.body().get("allocatedHours").decimalValue()).isEqualByComparingTo("32");
        assertThat(audits("Allocation", b2.text("id"))).isEqualTo(2);
        Api.Response raised = api.put("/api/v1/allocations/" + b2.text("id"), manager, Map.of("hours", "16"));
        assertThat(raised.body().get("overAllocated").asBoolean()).isTrue();

        Api.Response heat = api.get("/api/v1/capacity?from=" + W1.plusDays(2) + "&weeks=3&teamId=" + teamId,
                Tokens.user(port, "head"));
        assertThat(heat.status()).as(heat.raw()).isEqualTo(200);
        assertThat(heat.body().get("weeks")).hasSize(3);
        assertThat(heat.body().get("weeks").get(0).asText()).isEqualTo(W1.toString());
        assertThat(heat.body().get("rows")).hasSize(1);
        JsonNode cells = heat.body().get("rows").get(0).get("cells");
        assertThat(cells.get(0).get("load").asText()).isEqualTo("FULL");
        assertThat(cells.get(0).get("allocatedHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(cells.get(0).get("capacityHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(cells.get(1).get("load").asText()).isEqualTo("OVER");
        assertThat(cells.get(1).get("allocatedHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(cells.get(1).get("capacityHours").decimalValue()).isEqualByComparingTo("32");
        assertThat(cells.get(2).get("load").asText()).isEqualTo("FREE");
        assertThat(cells.get(2).get("allocatedHours").decimalValue()).isEqualByComparingTo("0");
        assertThat(cells.get(2).get("capacityHours").decimalValue()).isEqualByComparingTo("40");

        // utilisation per team and week (for analytics)
        Api.Response util = api.get("/api/v1/capacity/teams?from=" + W1 + "&weeks=3", manager);
        assertThat(util.status()).as(util.raw()).isEqualTo(200);
        JsonNode teamW2 = null;
        for (JsonNode w : util.body()) {
            if (teamId.equals(w.path("teamId").asText()) && W2.toString().equals(w.get("weekStart").asText())) {
                teamW2 = w;
            }
        }
        assertThat(teamW2).as(util.raw()).isNotNull();
        assertThat(teamW2.get("people").asInt()).isEqualTo(1);
        assertThat(teamW2.get("capacityHours").decimalValue()).isEqualByComparingTo("32");
        assertThat(teamW2.get("allocatedHours").decimalValue()).isEqualByComparingTo("40");
        assertThat(teamW2.get("bookedHours").decimalValue()).isEqualByComparingTo("0");
        assertThat(teamW2.get("utilisation").decimalValue()).isEqualByComparingTo("0");

        // bad input and refusals
        Api.Response tuesday = allocate(personId, p1, W3.plusDays(1), "8");
        assertThat(tuesday.status()).as(tuesday.raw()).isEqualTo(400);
        assertThat(tuesday.text("field")).isEqualTo("weekStart");
        Api.Response twice = allocate(personId, p1, W1, "8");
        assertThat(twice.status()).as(twice.raw()).isEqualTo(409);
        Api.Response noProject = allocate(personId, UUID.randomUUID(), W3, "8");
        assertThat(noProject.status()).isEqualTo(400);
        assertThat(noProject.text("field")).isEqualTo("projectId");
        String employee = Tokens.user(port, planned);
        long before = count("select count(*) from allocation where person_id = ?", UUID.fromString(personId));
        Api.Response byEmployee = api.post("/api/v1/allocations", employee, Map.of("personId", personId, "projectId",
                p1.toString(), "weekStart", W3.toString(), "hours", "8"));
        assertThat(byEmployee.status()).isEqualTo(403);
        assertThat(count("select count(*) from allocation where person_id = ?", UUID.fromString(personId))).isEqualTo(before);
        assertThat(api.get("/api/v1/capacity?weeks=2", employee).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/capacity/teams?weeks=2", employee).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/capacity?weeks=27", manager).status()).isEqualTo(400);
        // an employee reads only their own allocations
        Api.Response own = api.get("/api/v1/allocations?from=" + W1 + "&to=" + W3, employee);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).hasSize(4);
        own.body().forEach(a -> assertThat(a.get("username").asText()).isEqualTo(planned));
        assertThat(api.get("/api/v1/allocations?from=" + W1, Tokens.user(port, "employee")).body())
                .noneMatch(a -> a.get("username").asText().equals(planned));
    }

    @Test
    void aDayOverTwentyFourHoursIsRefusedAndNothingIsWritten() {
        String booker = user("booker");
        String personId = person(booker, null, null, "40", "40.00");
        UUID project = project("manager", booker);
        UUID t1 = task(project, 1, "Design");
        UUID t2 = task(project, 2, "Build");
        String token = Tokens.user(port, booker);
        UUID person = UUID.fromString(personId);

        Api.Response over = api.put("/api/v1/timesheets/me/" + W1, token,
                Map.of("entries", List.of(entry(t1, W1, "16"), entry(t2, W1.plusDays(1), "8"), entry(t2, W1, "8.5"))));
        assertThat(over.status()).as(over.raw()).isEqualTo(400);
        assertThat(over.text("field")).isEqualTo("entries[2].hours");
        assertThat(over.text("type")).endsWith("invalid-input");
        assertThat(count("select count(*) from timesheet where person_id = ?", person)).isZero();
        assertThat(count("select count(*) from timesheet_entry e join timesheet t on t.id = e.timesheet_id "
                + "where t.person_id = ?", person)).isZero();

        Api.Response negative = api.put("/api/v1/timesheets/me/" + W1, token, Map.of("entries", List.of(entry(t1, W1, "-2"))));
        assertThat(negative.status()).as(negative.raw()).isEqualTo(400);
        assertThat(negative.text("field")).isEqualTo("entries[0].hours");
        assertThat(count("select count(*) from timesheet where person_id = ?", person)).isZero();

        Api.Response ok = api.put("/api/v1/timesheets/me/" + W1, token,
                Map.of("entries", List.of(entry(t1, W1, "16"), entry(t2, W1, "8"), entry(t1, W1.plusDays(1), "7.5"))));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.body().get("totalHours").decimalValue()).isEqualByComparingTo("31.5");
        assertThat(ok.body().get("dayTotals").get(0).get("hours").decimalValue()).isEqualByComparingTo("24");
        assertThat(ok.text("status")).isEqualTo("DRAFT");
        assertThat(audits("Timesheet", ok.text("id"))).isEqualTo(1);

        // a second save that tips Tuesday over 24 h leaves the saved entries as they were
        Api.Response tipped = api.put("/api/v1/timesheets/me/" + W1, token, Map.of("entries", List.of(
                entry(t1, W1.plusDays(1), "12"), entry(t2, W1.plusDays(1), "12.25"))));
        assertThat(tipped.status()).as(tipped.raw()).isEqualTo(400);
        assertThat(tipped.text("field")).isEqualTo("entries[1].hours");
        assertThat(count("select count(*) from timesheet_entry where timesheet_id = ?", UUID.fromString(ok.text("id"))))
                .isEqualTo(3);
        assertThat(api.get("/api/v1/timesheets/me?week=" + W1.plusDays(3), token).body().get("totalHours").decimalValue())
                .isEqualByComparingTo("31.5");
        assertThat(audits("Timesheet", ok.text("id"))).isEqualTo(1);

        // a day outside the week, a task of a project the person does not belong to
        UUID foreign = task(project("manager"), 1, "Elsewhere");
        Api.Response notMine = api.put("/api/v1/timesheets/me/" + W1, token, Map.of("entries", List.of(entry(foreign, W1, "1"))));
        assertThat(notMine.status()).as(notMine.raw()).isEqualTo(400);
        assertThat(notMine.text("field")).isEqualTo("entries[0].taskId");
        Api.Response outside = api.put("/api/v1/timesheets/me/" + W1, token, Map.of("entries", List.of(entry(t1, W2, "1"))));
        assertThat(outside.text("field")).isEqualTo("entries[0].day");
        assertThat(api.put("/api/v1/timesheets/me/" + W1.plusDays(1), token, Map.of("entries", List.of())).status())
                .isEqualTo(400);
    }

    @Test
    void aSubmittedTimesheetIsApprovedInTheInboxAndCostsHoursTimesRate() {
        String worker = user("worker");
        String personId = person(worker, null, null, "40", "62.50");
        UUID project = project("manager", worker);
        UUID t1 = task(project, 1, "Assemble");
        UUID t2 = task(project, 2, "Test");
        String token = Tokens.user(port, worker);
        Api.Response saved = api.put("/api/v1/timesheets/me/" + W2, token, Map.of("entries", List.of(
                entry(t1, W2, "7.5"), entry(t2, W2, "0.5"), entry(t1, W2.plusDays(2), "6"), entry(t2, W2.plusDays(3), "1.5"))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        String id = saved.text("id");

        java.util.List<io.millflow.pms.ProjectEvents.ProjectChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribe(changes::add);
        Api.Response submitted = api.post("/api/v1/timesheets/" + id + "/submit", token, Map.of());
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(200);
        // open project views hear of it
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> changes.stream()
                .anyMatch(c -> c.projectId().equals(project) && "TIMESHEET".equals(c.kind()) && worker.equals(c.actor())));
        unsubscribe.run();
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        // a submitted timesheet cannot be changed or submitted again
        assertThat(api.put("/api/v1/timesheets/me/" + W2, token, Map.of("entries", List.of())).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/timesheets/" + id + "/submit", token, Map.of()).status()).isEqualTo(409);

        // the project's manager has it, assigned; the worker does not
        assertThat(taskFor(worker, id)).isNull();
        String task = taskFor("manager", id);
        assertThat(task).isNotNull();
        JsonNode described = api.get("/api/v1/tasks/" + task, manager).body();
        assertThat(described.get("processKey").asText()).isEqualTo("timesheet-approval");
        assertThat(described.get("name").asText()).isEqualTo("Approve timesheet");
        assertThat(described.get("assignee").asText()).isEqualTo("manager");
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", token, Map.of("approved", true)).status())
                .isIn(403, 404);

        // rejected with a reason: back to DRAFT, no cost
        Api.Response noReason = api.post("/api/v1/tasks/" + task + "/complete", manager, Map.of("approved", false));
        assertThat(noReason.status()).as(noReason.raw()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("comment");
        Api.Response rejected = api.post("/api/v1/tasks/" + task + "/complete", manager,
                Map.of("approved", false, "comment", "Thursday belongs to the other project"));
        assertThat(rejected.status()).as(rejected.raw()).isIn(200, 204);
        JsonNode draft = api.get("/api/v1/timesheets/" + id, token).body();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("decisionComment").asText()).isEqualTo("Thursday belongs to the other project");
        assertThat(api.get("/api/v1/projects/" + project + "/labour-cost", manager).body().get("labourCost").decimalValue())
                .isEqualByComparingTo("0");

        // corrected, submitted again, approved: 7.5 + 0.5 + 6 + 1.5 + 0.5 = 16 h × 62.50 = 1,000.00
        List<Map<String, Object>> corrected = new ArrayList<>(List.of(entry(t1, W2, "7.5"), entry(t2, W2, "0.5"),
                entry(t1, W2.plusDays(2), "6"), entry(t2, W2.plusDays(3), "1.5"), entry(t2, W2.plusDays(4), "0.5")));
        assertThat(api.put("/api/v1/timesheets/me/" + W2, token, Map.of("entries", corrected)).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/timesheets/" + id + "/submit", token, Map.of()).status()).isEqualTo(200);
        String second = taskFor("manager", id);
        assertThat(second).isNotNull().isNotEqualTo(task);
        Api.Response approved = api.post("/api/v1/tasks/" + second + "/complete", manager, Map.of("approved", true));
        assertThat(approved.status()).as(approved.raw()).isIn(200, 204);
        JsonNode done = api.get("/api/v1/timesheets/" + id, token).body();
        assertThat(done.get("status").asText()).isEqualTo("APPROVED");
        assertThat(done.get("decidedBy").asText()).isEqualTo("manager");
        Api.Response cost = api.get("/api/v1/projects/" + project + "/labour-cost", manager);
        assertThat(cost.status()).as(cost.raw()).isEqualTo(200);
        assertThat(cost.body().get("approvedHours").decimalValue()).isEqualByComparingTo("16");
        assertThat(cost.body().get("labourCost").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(cost.body().get("byPerson").get(0).get("username").asText()).isEqualTo(worker);
        // a member reads the project's cost; someone outside it does not see the project
        assertThat(api.get("/api/v1/projects/" + project + "/labour-cost", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects/" + project + "/labour-cost", Tokens.user(port, "employee")).status())
                .isEqualTo(404);

        // a later rate does not change approved cost
        Map<String, Object> raise = new LinkedHashMap<>();
        raise.put("username", worker);
        raise.put("weeklyCapacityHours", "40");
        raise.put("hourlyRate", "80.00");
        assertThat(api.put("/api/v1/people/" + personId, admin, raise).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects/" + project + "/labour-cost", manager).body().get("labourCost").decimalValue())
                .isEqualByComparingTo("1000.00");

        assertThat(count("select count(*) from audit_record where entity_type = 'Timesheet' and entity_id = ? "
                + "and action in ('SUBMITTED', 'REJECTED', 'APPROVED')", id)).isEqualTo(4);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).finished().count())
                .isEqualTo(2);
    }

    @Test
    void rolesAreRefused() {
        String alice = user("alice");
        String bob = user("bob");
        person(alice, null, null, "40", "40.00");
        person(bob, null, null, "40", "40.00");
        UUID project = project("manager", alice, bob);
        UUID t = task(project, 1, "Shared");
        String aliceToken = Tokens.user(port, alice);
        String bobToken = Tokens.user(port, bob);
        Api.Response bobs = api.put("/api/v1/timesheets/me/" + W3, bobToken, Map.of("entries", List.of(entry(t, W3, "4"))));
        assertThat(bobs.status()).as(bobs.raw()).isEqualTo(200);
        String bobsId = bobs.text("id");

        // another person's timesheet: not found, not listed, not submitted
        assertThat(api.get("/api/v1/timesheets/" + bobsId, aliceToken).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/timesheets?username=" + bob, aliceToken).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/timesheets/" + bobsId + "/submit", aliceToken, Map.of()).status()).isEqualTo(404);
        Api.Response alicesList = api.get("/api/v1/timesheets", aliceToken);
        assertThat(alicesList.body().get("total").asLong()).isZero();
        // managers read it, but only bob submits it
        assertThat(api.get("/api/v1/timesheets/" + bobsId, manager).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/timesheets?username=" + bob, manager).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.post("/api/v1/timesheets/" + bobsId + "/submit", manager, Map.of()).status()).isEqualTo(403);

        // only ADMIN keeps teams, people and calendars; rates are for planners
        long teams = count("select count(*) from team");
        assertThat(api.post("/api/v1/teams", aliceToken, Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/teams", manager, Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(count("select count(*) from team")).isEqualTo(teams);
        assertThat(api.post("/api/v1/people", manager, Map.of("username", alice, "weeklyCapacityHours", "1",
                "hourlyRate", "1")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/people", aliceToken).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/people", manager).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/people/me", aliceToken).text("username")).isEqualTo(alice);
        assertThat(api.get("/api/v1/teams", aliceToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/calendars", aliceToken).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/calendars", manager, Map.of("code", "X", "name", "X", "workingDays", List.of("MONDAY"),
                "hoursPerDay", "8")).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/allocations/" + UUID.randomUUID(), aliceToken, Map.of("hours", "1")).status())
                .isEqualTo(403);
        // someone who is not a person has no timesheet
        assertThat(api.get("/api/v1/timesheets/me", Tokens.user(port, "buyer")).status()).isEqualTo(404);
        // bad input to people names the field
        Api.Response unknown = api.post("/api/v1/people", admin, Map.of("username", "nobody-" + suffix,
                "weeklyCapacityHours", "40", "hourlyRate", "1"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("field")).isEqualTo("username");
        Api.Response negativeRate = api.post("/api/v1/people", admin, Map.of("username", user("carol"),
                "weeklyCapacityHours", "40", "hourlyRate", "-1"));
        assertThat(negativeRate.status()).isEqualTo(400);
    }

    @Test
    void theResourceEndpointsAreInTheOpenApiDocument() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        for (String path : List.of("/api/v1/teams", "/api/v1/people", "/api/v1/people/me", "/api/v1/calendars",
                "/api/v1/allocations", "/api/v1/allocations/{id}", "/api/v1/capacity", "/api/v1/capacity/teams",
                "/api/v1/timesheets", "/api/v1/timesheets/me", "/api/v1/timesheets/me/{weekStart}",
                "/api/v1/timesheets/{id}/submit", "/api/v1/projects/{id}/labour-cost")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
