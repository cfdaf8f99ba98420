package io.millflow.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Projects and tasks through the REST API (unique codes per call), and inbox look-ups, for the pms process tests. */
public final class ProjectFixtures {

    private final Api api;
    private final int port;

    public ProjectFixtures(Api api, int port) {
        this.api = api;
        this.port = port;
    }

    public String token(String username) {
        return Tokens.user(port, username);
    }

    /** The id of a department by code (demo data: ENG, PROD, QA). */
    public String department(String code) {
        Api.Response r = api.get("/api/v1/departments", token("admin"));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode d : r.body()) {
            if (code.equals(d.get("code").asText())) {
                return d.get("id").asText();
            }
        }
        throw new AssertionError("no department " + code + " in " + r.raw());
    }

    /** A project managed by {@code manager} with the given members (project role MEMBER); returns its body. */
    public JsonNode project(String manager, String... members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", Inventory.unique("PRJ-"));
        body.put("name", "Test project");
        body.put("departmentId", department("ENG"));
        body.put("manager", manager);
        body.put("startDate", LocalDate.now().toString());
        body.put("endDate", LocalDate.now().plusMonths(3).toString());
        body.put("budget", 10000);
        body.put("currency", "EUR");
        body.put("members", List.of(members).stream().map(m -> Map.of("username", m, "role", "MEMBER")).toList());
        Api.Response r = api.post("/api/v1/projects", token(manager), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    /** A task of a project (created by the manager), assigned to {@code assignee}. */
    public JsonNode task(String projectId, String manager, String name, String assignee, boolean needsApproval) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("startDate", LocalDate.now().toString());
        body.put("endDate", LocalDate.now().plusDays(5).toString());
        body.put("assignee", assignee);
        body.put("needsApproval", needsApproval);
        Api.Response r = api.post("/api/v1/projects/" + projectId + "/tasks", token(manager), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    /** The open inbox task of {@code username} with this name and business key, or null. */
    public JsonNode inboxTask(String username, String businessKey, String name) {
        Api.Response r = api.get("/api/v1/tasks", token(username));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode t : r.body()) {
            if (businessKey.equals(t.get("businessKey").asText()) && name.equals(t.get("name").asText())) {
                return t;
            }
        }
        return null;
    }

    /** Waits until {@code username} sees the task; returns its id. */
    public String awaitInboxTask(String username, String businessKey, String name) {
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode t = inboxTask(username, businessKey, name);
            found[0] = t == null ? null : t.get("id").asText();
            return found[0] != null;
        });
        return found[0];
    }

    public Api.Response decide(String username, String taskId, boolean approved, String comment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("approved", approved);
        if (comment != null) {
            body.put("comment", comment);
        }
        return api.post("/api/v1/tasks/" + taskId + "/complete", token(username), body);
    }
}
