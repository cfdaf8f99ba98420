package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Tokens;
import io.millflow.pms.TaskAttachments;
import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Projects and tasks through the REST API: templates, scheduling, visibility (404 for projects one is not a member
 * of, 403 for VIEWER writes), bad input that writes nothing, attachments, and an audit record for every change.
 */
@AppTest
class ProjectApiTest {

    static final LocalDate START = LocalDate.of(2026, 3, 2);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    TaskAttachments attachments;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        for (String u : List.of("pms.alice", "pms.bob", "pms.vera", "pms.carol")) {
            if (!accounts.exists(u)) {
                accounts.create("test", u, "millflow", u, u + "@test.millflow.io", Set.of(Roles.EMPLOYEE));
            }
        }
    }

    String token(String user) {
        return Tokens.user(port, user);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    long audits(String action, String entityId) {
        return jdbc.queryForObject("select count(*) from audit_record where action = ? and entity_id = ?", Long.class,
                action, entityId);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    String department(String code) {
        for (JsonNode d : api.get("/api/v1/departments", token("employee")).body()) {
            if (d.get("code").asText().equals(code)) {
                return d.get("id").asText();
            }
        }
        throw new AssertionError("no department " + code);
    }

    Map<String, Object> projectBody(String code, String template, List<Map<String, Object>> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Project " + code);
        body.put("description", "test");
        body.put("departmentId", department("ENG"));
        body.put("involvedDepartmentIds", List.of(department("QA")));
        body.put("manager", "manager");
        body.put("startDate", START.toString());
        body.put("endDate", START.plusDays(90).toString());
        body.put("budget", 1000);
        body.put("currency", "EUR");
        body.put("templateCode", template);
        body.put("members", members);
        return body;
    }

    String project(String code, List<Map<String, Object>> members) {
        Api.Response r = api.post("/api/v1/projects", token("manager"), projectBody(code, null, members));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    static Map<String, Object> member(String username, String role) {
        return Map.of("username", username, "role", role);
    }

    static Map<String, Object> task(String name, LocalDate start, LocalDate end) {
        Map<String, Object> t = new HashMap<>();
        t.put("name", name);
        t.put("startDate", start == null ? null : start.toString());
        t.put("endDate", end == null ? null : end.toString());
        return t;
    }

    String createTask(String projectId, String user, String name, int startDay, int endDay) {
        Api.Response r = api.post("/api/v1/projects/" + projectId + "/tasks", token(user),
                task(name, START.plusDays(startDay), START.plusDays(endDay)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.text("id");
    }

    Api.Response depend(String projectId, String user, String pred, String succ, String kind, int lag) {
        return api.post("/api/v1/projects/" + projectId + "/dependencies", token(user),
                Map.of("predecessorId", pred, "successorId", succ, "kind", kind, "lagDays", lag));
    }

    static void badInput(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("field")).as(r.raw()).isEqualTo(field);
    }

    // ------------------------------------------------------------------ templates and schedule

    @Test
    void aProjectFromTheTemplateGetsItsTasksDependenciesAndACriticalPath() {
        Api.Response r = api.post("/api/v1/projects", token("manager"),
                projectBody(unique("T"), "PRODUCT-INTRO", List.of(member("employee", "MEMBER"))));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        String id = r.text("id");
        assertThat(r.body().get("members").toString()).contains("employee", "manager");
        assertThat(audits("PROJECT_CREATED", id)).isEqualTo(1);

        JsonNode gantt = api.get("/api/v1/projects/" + id + "/gantt", token("employee")).body();
        assertThat(gantt.get("tasks")).hasSize(9);
        assertThat(gantt.get("dependencies")).hasSize(9);
        JsonNode tasks = gantt.get("tasks");
        assertThat(tasks.get(0).get("startDate").asText()).isEqualTo(START.toString());
        assertThat(tasks.get(5).get("milestone").asBoolean()).isTrue();
        // every dependency holds after creation
        Map<String, JsonNode> byId = new HashMap<>();
        tasks.forEach(t -> byId.put(t.get("id").asText(), t));
        for (JsonNode d : gantt.get("dependencies")) {
            JsonNode p = byId.get(d.get("predecessorId").asText());
            JsonNode s = byId.get(d.get("successorId").asText());
            LocalDate sStart = LocalDate.parse(s.get("startDate").asText());
            LocalDate min = d.get("kind").asText().equals("SS") || p.get("milestone").asBoolean()
                    ? LocalDate.parse(p.get("startDate").asText()).plusDays(d.get("lagDays").asInt())
                    : LocalDate.parse(p.get("endDate").asText()).plusDays(1 + d.get("lagDays").asInt());
            assertThat(sStart).isAfterOrEqualTo(min);
        }
        JsonNode schedule = gantt.get("schedule");
        // everything but the test plan is on the critical path (the template's offsets are tight)
        assertThat(schedule.get("criticalPath")).hasSize(8);
        assertThat(schedule.get("criticalPath").get(0).asText()).isEqualTo(tasks.get(0).get("id").asText());
        // "Test plan" runs beside the design and has slack
        JsonNode testPlan = null;
        for (JsonNode s : schedule.get("tasks")) {
            if (s.get("taskId").asText().equals(tasks.get(2).get("id").asText())) {
                testPlan = s;
            }
        }
        assertThat(testPlan.get("slackDays").asInt()).isPositive();
        assertThat(testPlan.get("critical").asBoolean()).isFalse();
    }

    @Test
    void reschedulePushesSuccessorsThroughFsAndSsButNeverPullsThemBack() {
        String p = project(unique("R"), List.of());
        String a = createTask(p, "manager", "A", 0, 2);
        String b = createTask(p, "manager", "B", 3, 4);
        String c = createTask(p, "manager", "C", 5, 9);
        String d = createTask(p, "manager", "D", 1, 1);
        assertThat(depend(p, "manager", a, b, "FS", 0).status()).isEqualTo(201);
        assertThat(depend(p, "manager", b, c, "FS", 0).status()).isEqualTo(201);
        assertThat(depend(p, "manager", a, d, "SS", 1).status()).isEqualTo(201);

        Api.Response moved = api.post("/api/v1/project-tasks/" + a + "/schedule", token("manager"),
                Map.of("startDate", START.plusDays(2).toString(), "endDate", START.plusDays(4).toString()));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body()).hasSize(4);
        assertThat(dates(b)).containsExactly(START.plusDays(5), START.plusDays(6));
        assertThat(dates(c)).containsExactly(START.plusDays(7), START.plusDays(11));
        assertThat(dates(d)).containsExactly(START.plusDays(3), START.plusDays(3));
        assertThat(audits("TASK_RESCHEDULED", c)).isEqualTo(1);

        Api.Response back = api.post("/api/v1/project-tasks/" + a + "/schedule", token("manager"),
                Map.of("startDate", START.toString(), "endDate", START.plusDays(2).toString()));
        assertThat(back.body()).hasSize(1);
        assertThat(dates(b)).containsExactly(START.plusDays(5), START.plusDays(6));
        assertThat(api.get("/api/v1/project-tasks/" + b + "/history", token("manager")).raw()).contains("startDate");
    }

    List<LocalDate> dates(String taskId) {
        JsonNode t = api.get("/api/v1/project-tasks/" + taskId, token("manager")).body();
        return List.of(LocalDate.parse(t.get("startDate").asText()), LocalDate.parse(t.get("endDate").asText()));
    }

    // ------------------------------------------------------------------ access

    @Test
    void membersSeeOnlyTheirProjectsViewersOnlyReadAndManagersSeeAll() {
        String p1 = project(unique("A"), List.of(member("pms.alice", "MEMBER"), member("pms.vera", "VIEWER"),
                member("pms.carol", "MEMBER")));
        String p2 = project(unique("B"), List.of(member("pms.bob", "MEMBER")));
        String t1 = createTask(p1, "pms.alice", "Alice's task", 0, 1);
        String t2 = createTask(p2, "pms.bob", "Bob's task", 0, 1);

        // a member of P1 cannot see or change P2 or its tasks: 404, nothing written
        assertThat(api.get("/api/v1/projects/" + p2, token("pms.alice")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/projects/" + p2 + "/tasks", token("pms.alice")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/project-tasks/" + t2, token("pms.alice")).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/project-tasks/" + t2, token("pms.alice"), Map.of("name", "mine now")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/project-tasks/" + t2 + "/move", token("pms.alice"), Map.of("status", "DONE")).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/projects/" + p2 + "/tasks", token("pms.alice"), task("x", null, null)).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/project-tasks/" + t2 + "/comments", token("pms.alice"), Map.of("body", "hi")).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/project-tasks/" + t2, token("pms.bob")).body().get("name").asText())
                .isEqualTo("Bob's task");

        // a VIEWER reads but may not write: 403
        assertThat(api.get("/api/v1/project-tasks/" + t1, token("pms.vera")).status()).isEqualTo(200);
        long tasksBefore = count("task");
        assertThat(api.put("/api/v1/project-tasks/" + t1, token("pms.vera"), Map.of("name", "viewer edit")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/projects/" + p1 + "/tasks", token("pms.vera"), task("x", null, null)).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/project-tasks/" + t1 + "/move", token("pms.vera"), Map.of("status", "DONE")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/project-tasks/" + t1 + "/comments", token("pms.vera"), Map.of("body", "hi")).status())
                .isEqualTo(403);
        assertThat(count("task")).isEqualTo(tasksBefore);
        assertThat(api.get("/api/v1/project-tasks/" + t1, token("pms.vera")).body().get("name").asText())
                .isEqualTo("Alice's task");
        // an EMPLOYEE member cannot manage the project
        assertThat(api.post("/api/v1/projects/" + p1 + "/members", token("pms.alice"),
                member("pms.bob", "MEMBER")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/projects", token("pms.alice"), projectBody(unique("X"), null, List.of()))
                .status()).isEqualTo(403);

        // EMPLOYEE list shows only member projects; MANAGER and ADMIN see all
        // (pms.carol is a member of P1 only; the demo project and other tests' projects stay hidden)
        assertThat(codes(api.get("/api/v1/projects?size=500", token("pms.carol")).body()))
                .containsExactly(code(p1));
        assertThat(codes(api.get("/api/v1/projects?size=500", token("manager")).body()))
                .contains(code(p1), code(p2));
        assertThat(codes(api.get("/api/v1/projects?size=500", token("admin")).body()))
                .contains(code(p1), code(p2));
        assertThat(api.get("/api/v1/project-tasks/" + t2, token("admin")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/projects/" + p2 + "/schedule", token("manager")).status()).isEqualTo(200);

        // my tasks: only tasks assigned to me in visible projects
        assertThat(api.put("/api/v1/project-tasks/" + t1, token("manager"), Map.of("assignee", "pms.alice")).status())
                .isEqualTo(200);
        assertThat(api.put("/api/v1/project-tasks/" + t2, token("manager"), Map.of("assignee", "pms.alice")).status())
                .isEqualTo(200);
        JsonNode mine = api.get("/api/v1/me/tasks", token("pms.alice")).body();
        assertThat(mine.get("total").asLong()).isEqualTo(1);
        assertThat(mine.get("items").get(0).get("id").asText()).isEqualTo(t1);
        // a supplier is no insider
        assertThat(api.get("/api/v1/projects", token("supplier")).status()).isEqualTo(403);
    }

    String code(String projectId) {
        return api.get("/api/v1/projects/" + projectId, token("manager")).text("code");
    }

    static List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(p -> out.add(p.get("code").asText()));
        return out;
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void aDependencyCycleDirectOrIndirectIsRefusedAndNothingIsWritten() {
        String p = project(unique("C"), List.of());
        String a = createTask(p, "manager", "A", 0, 1);
        String b = createTask(p, "manager", "B", 2, 3);
        String c = createTask(p, "manager", "C", 4, 5);
        assertThat(depend(p, "manager", a, b, "FS", 0).status()).isEqualTo(201);
        assertThat(depend(p, "manager", b, c, "FS", 0).status()).isEqualTo(201);
        long deps = count("task_dependency");
        long audit = count("audit_record");

        Api.Response direct = depend(p, "manager", b, a, "FS", 0);
        badInput(direct, "predecessorId");
        assertThat(direct.text("detail")).contains("cycle").contains("T-2 → T-1 → T-2");
        Api.Response indirect = depend(p, "manager", c, a, "SS", 0);
        badInput(indirect, "predecessorId");
        assertThat(indirect.text("detail")).contains("T-3 → T-1 → T-2 → T-3");
        badInput(depend(p, "manager", a, a, "FS", 0), "successorId");

        assertThat(count("task_dependency")).isEqualTo(deps);
        assertThat(count("audit_record")).isEqualTo(audit);
    }

    @Test
    void aTaskEndingBeforeItStartsOrWithANegativeEstimateIsRefusedAndNothingIsWritten() {
        String p = project(unique("E"), List.of());
        String t = createTask(p, "manager", "ok", 0, 3);
        long tasks = count("task");
        long history = count("task_history");
        long audit = count("audit_record");

        badInput(api.post("/api/v1/projects/" + p + "/tasks", token("manager"),
                task("backwards", START.plusDays(5), START.plusDays(4))), "endDate");
        Map<String, Object> negative = task("negative", START, START);
        negative.put("estimateHours", -1);
        badInput(api.post("/api/v1/projects/" + p + "/tasks", token("manager"), negative), "estimateHours");
        badInput(api.put("/api/v1/project-tasks/" + t, token("manager"), Map.of("endDate", START.minusDays(1).toString())),
                "endDate");
        badInput(api.put("/api/v1/project-tasks/" + t, token("manager"), Map.of("estimateHours", -0.5)), "estimateHours");
        badInput(api.post("/api/v1/project-tasks/" + t + "/schedule", token("manager"),
                Map.of("startDate", START.plusDays(3).toString(), "endDate", START.toString())), "endDate");
        badInput(api.post("/api/v1/projects/" + p + "/tasks", token("manager"), task(" ", START, START)), "name");

        assertThat(count("task")).isEqualTo(tasks);
        assertThat(count("task_history")).isEqualTo(history);
        assertThat(count("audit_record")).isEqualTo(audit);
        assertThat(dates(t)).containsExactly(START, START.plusDays(3));
    }

    // ------------------------------------------------------------------ attachments

    @Test
    void attachmentsAreStoredAndTooLargeOrForbiddenFilesAreRefusedWithNothingWritten() throws Exception {
        String p = project(unique("F"), List.of(member("pms.alice", "MEMBER")));
        String t = createTask(p, "pms.alice", "with files", 0, 1);
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

        HttpResponse<String> ok = upload(t, "pms.alice", "spec.pdf", "application/pdf", pdf);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        JsonNode a = Api.json().readTree(ok.body());
        assertThat(a.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(a.get("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(audits("ATTACHMENT_ADDED", a.get("id").asText())).isEqualTo(1);
        Path stored = attachments.storageRoot().resolve(a.get("sha256").asText().substring(0, 2))
                .resolve(a.get("id").asText());
        assertThat(Files.readAllBytes(stored)).isEqualTo(pdf);
        Api.Response download = api.get("/api/v1/project-tasks/" + t + "/attachments/" + a.get("id").asText(),
                token("pms.alice"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw()).startsWith("%PDF-");

        long rows = count("task_attachment");
        long files = files();
        long audit = count("audit_record");
        byte[] exe = new byte[200];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertProblem(upload(t, "pms.alice", "invoice.pdf", "application/pdf", exe));
        assertProblem(upload(t, "pms.alice", "setup.exe", "application/octet-stream", pdf));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertProblem(upload(t, "pms.alice", "picture.pdf", "application/pdf", png));
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        assertProblem(upload(t, "pms.alice", "big.pdf", "application/pdf", big));
        assertThat(count("task_attachment")).isEqualTo(rows);
        assertThat(files()).isEqualTo(files);
        assertThat(count("audit_record")).isEqualTo(audit);

        // a hidden task's attachments answer 404
        assertThat(upload(t, "pms.bob", "spec.pdf", "application/pdf", pdf).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/v1/project-tasks/" + t + "/attachments", token("pms.bob")).status()).isEqualTo(404);

        assertThat(api.delete("/api/v1/project-tasks/" + t + "/attachments/" + a.get("id").asText(), token("pms.alice"))
                .status()).isEqualTo(204);
        assertThat(audits("ATTACHMENT_DELETED", a.get("id").asText())).isEqualTo(1);
        assertThat(stored).doesNotExist();
    }

    static void assertProblem(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(Api.json().readTree(r.body()).get("field").asText()).isEqualTo("file");
    }

    long files() throws IOException {
        Path root = attachments.storageRoot();
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    HttpResponse<String> upload(String taskId, String user, String name, String type, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----millflow" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/project-tasks/" + taskId
                        + "/attachments"))
                .header("Authorization", "Bearer " + token(user))
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------ audit and history

    @Test
    void everyChangeIsAuditedAndTheTaskKeepsItsHistory() {
        String p = project(unique("H"), List.of(member("pms.alice", "MEMBER")));
        assertThat(audits("PROJECT_CREATED", p)).isEqualTo(1);
        String a = createTask(p, "pms.alice", "First", 0, 1);
        String b = createTask(p, "pms.alice", "Second", 2, 3);
        assertThat(audits("TASK_CREATED", a)).isEqualTo(1);

        Api.Response updated = api.put("/api/v1/project-tasks/" + a, token("pms.alice"),
                Map.of("name", "First, renamed", "priority", "HIGH", "estimateHours", 6, "labels", List.of("x")));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(audits("TASK_CHANGED", a)).isEqualTo(1);
        Api.Response moved = api.post("/api/v1/project-tasks/" + a + "/move", token("pms.alice"),
                Map.of("status", "IN_PROGRESS", "boardRank", 0));
        assertThat(moved.text("status")).isEqualTo("IN_PROGRESS");
        assertThat(audits("TASK_MOVED", a)).isEqualTo(1);
        assertThat(depend(p, "pms.alice", a, b, "FS", 0).status()).isEqualTo(201);
        assertThat(audits("DEPENDENCY_ADDED", a + ">" + b)).isEqualTo(1);
        Api.Response comment = api.post("/api/v1/project-tasks/" + a + "/comments", token("pms.alice"),
                Map.of("body", "Ready for @manager, not for @nobody-here."));
        assertThat(comment.status()).as(comment.raw()).isEqualTo(201);
        assertThat(comment.body().get("mentions").toString()).isEqualTo("[\"manager\"]");
        assertThat(audits("COMMENT_ADDED", comment.text("id"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from task_mention where username = 'manager'", Long.class))
                .isPositive();
        assertThat(api.delete("/api/v1/projects/" + p + "/dependencies/" + a + "/" + b, token("pms.alice")).status())
                .isEqualTo(204);
        assertThat(audits("DEPENDENCY_REMOVED", a + ">" + b)).isEqualTo(1);
        assertThat(api.post("/api/v1/projects/" + p + "/members", token("manager"), member("pms.bob", "VIEWER"))
                .status()).isEqualTo(200);
        assertThat(audits("MEMBER_ADDED", p)).isEqualTo(1);

        JsonNode history = api.get("/api/v1/project-tasks/" + a + "/history", token("pms.alice")).body();
        List<String> fields = new ArrayList<>();
        history.forEach(h -> fields.add(h.get("field").asText()));
        assertThat(fields).contains("created", "name", "priority", "estimateHours", "labels", "status");
        assertThat(fields).doesNotContain("startDate");
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("pms.alice");
    }

    @Test
    void aTaskThatNeedsApprovalGoesToReviewWhenMovedToDone() {
        String p = project(unique("V"), List.of(member("pms.alice", "MEMBER")));
        Map<String, Object> body = task("Needs a look", START, START);
        body.put("needsApproval", true);
        Api.Response created = api.post("/api/v1/projects/" + p + "/tasks", token("pms.alice"), body);
        String t = created.text("id");
        Api.Response moved = api.post("/api/v1/project-tasks/" + t + "/move", token("pms.alice"), Map.of("status", "DONE"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.text("status")).isEqualTo("IN_REVIEW");
        assertThat(moved.text("approvalState")).isEqualTo("PENDING");
        assertThat(api.post("/api/v1/project-tasks/" + t + "/move", token("pms.alice"), Map.of("status", "DONE")).status())
                .isEqualTo(409);
    }

    // ------------------------------------------------------------------ departments, templates, OpenAPI

    @Test
    void adminsKeepDepartmentsManagersKeepTemplatesAndTheApiIsDescribed() {
        String code = unique("D");
        assertThat(api.post("/api/v1/departments", token("manager"), Map.of("code", code, "name", "x")).status())
                .isEqualTo(403);
        Api.Response dept = api.post("/api/v1/departments", token("admin"),
                Map.of("code", code, "name", "Dept " + code, "headUsername", "head"));
        assertThat(dept.status()).as(dept.raw()).isEqualTo(201);
        assertThat(audits("DEPARTMENT_CREATED", dept.text("id"))).isEqualTo(1);
        badInput(api.post("/api/v1/departments", token("admin"), Map.of("code", unique("D"), "name", "x",
                "headUsername", "no-such-user")), "headUsername");

        JsonNode template = api.get("/api/v1/project-templates/PRODUCT-INTRO", token("employee")).body();
        assertThat(template.get("tasks")).hasSize(9);
        Map<String, Object> line = new HashMap<>(Map.of("name", "one", "offsetDays", 0, "durationDays", 2,
                "milestone", false));
        Map<String, Object> body = Map.of("code", unique("TPL"), "name", "t", "tasks", List.of(line, line),
                "dependencies", List.of(Map.of("predecessor", 1, "successor", 2, "kind", "FS", "lagDays", 0),
                        Map.of("predecessor", 2, "successor", 1, "kind", "SS", "lagDays", 0)));
        assertThat(api.post("/api/v1/project-templates", token("employee"), body).status()).isEqualTo(403);
        long templates = count("project_template");
        badInput(api.post("/api/v1/project-templates", token("manager"), body), "dependencies[1]");
        assertThat(count("project_template")).isEqualTo(templates);

        JsonNode paths = api.get("/v3/api-docs", null).body().get("paths");
        for (String path : List.of("/api/v1/projects", "/api/v1/projects/{id}/members", "/api/v1/projects/{id}/tasks",
                "/api/v1/project-tasks/{id}", "/api/v1/project-tasks/{id}/move", "/api/v1/project-tasks/{id}/schedule",
                "/api/v1/projects/{id}/dependencies", "/api/v1/projects/{id}/schedule", "/api/v1/projects/{id}/gantt",
                "/api/v1/project-tasks/{id}/comments", "/api/v1/project-tasks/{id}/attachments",
                "/api/v1/project-tasks/{id}/history", "/api/v1/me/tasks", "/api/v1/departments",
                "/api/v1/project-templates")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
    }
}
