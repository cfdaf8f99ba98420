package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.FormFixtures;
import io.millflow.app.support.Tokens;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A user task linking the shipped form {@code finance-review} (auto-deployed from {@code bpmn/}): the form comes
 * with GET /api/v1/tasks/{id}/form; POST checks the values on the server (400 invalid-form with field errors, the
 * task stays open) and completes the task with them as process variables, audited; approve/reject cannot bypass it;
 * the inbox's rules apply (403, 409).
 */
@AppTest
class TaskFormApiTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        FormFixtures.deploy(repository);
    }

    private String token(String user) {
        return Tokens.user(port, user);
    }

    private static Map<String, String> errors(Api.Response r) {
        return StreamSupport.stream(r.body().path("errors").spliterator(), false)
                .collect(Collectors.toMap(e -> e.path("field").asText(), e -> e.path("message").asText(),
                        (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void financeFillsInTheFormAndTheServerChecksIt() throws Exception {
        String businessKey = "WB-FORM-" + UUID.randomUUID();
        String taskId = FormFixtures.start(runtime, tasks, "employee", businessKey);
        String path = "/api/v1/tasks/" + taskId + "/form";

        Api.Response form = api.get(path, token("finance"));
        assertThat(form.status()).as(form.raw()).isEqualTo(200);
        assertThat(form.text("formKey")).isEqualTo("finance-review");
        assertThat(form.text("taskId")).isEqualTo(taskId);
        JsonNode schema = Api.json().readTree(form.text("schemaJson"));
        assertThat(schema.path("id").asText()).isEqualTo("finance-review");
        assertThat(schema.path("components").findValuesAsText("key"))
                .contains("costCentre", "budgetConfirmed", "amountChecked", "comment");

        assertThat(api.get(path, token("employee")).status()).as("the requester and not FINANCE").isEqualTo(403);
        assertThat(api.post(path, token("employee"), Map.of("costCentre", "FI-1200")).status()).isEqualTo(403);
        assertThat(api.get(path, token("manager")).status()).as("not FINANCE").isEqualTo(403);

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("costCentre", "fi-12");
        bad.put("amountChecked", -5);
        bad.put("comment", "x".repeat(501));
        bad.put("approved", true);
        Api.Response refused = api.post(path, token("finance"), bad);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.text("type")).endsWith("/invalid-form");
        assertThat(errors(refused)).containsOnlyKeys("costCentre", "amountChecked", "comment", "approved")
                .containsEntry("costCentre",
                        "Cost centre must look like FI-1200 (two capital letters, a dash, four digits).")
                .containsEntry("amountChecked", "Field must have minimum value of 0.")
                .containsEntry("approved", "Field is not part of this form.");
        Api.Response notNumber = api.post(path, token("finance"), Map.of("costCentre", "FI-1200",
                "amountChecked", "a lot"));
        assertThat(errors(notNumber)).containsExactly(Map.entry("amountChecked", "Value is not a number."));
        assertThat(errors(api.post(path, token("finance"), Map.of()))).containsOnlyKeys("costCentre");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task stays open").isEqualTo(1);

        Api.Response bypass = api.post("/api/v1/tasks/" + taskId + "/complete", token("finance"),
                Map.of("approved", true));
        assertThat(bypass.status()).as(bypass.raw()).isEqualTo(400);
        assertThat(bypass.text("type")).endsWith("/form-required");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        Map<String, Object> good = new LinkedHashMap<>();
        good.put("costCentre", "FI-1200");
        good.put("budgetConfirmed", true);
        good.put("amountChecked", 1250.5);
        good.put("comment", "Budget line 4711");
        Api.Response done = api.post(path, token("finance"), good);
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isZero();
        String pi = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult().getId();
        Map<String, Object> vars = history.createHistoricVariableInstanceQuery().processInstanceId(pi).list().stream()
                .filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue));
        assertThat(vars).containsEntry("costCentre", "FI-1200").containsEntry("budgetConfirmed", true)
                .containsEntry("amountChecked", 1250.5).containsEntry("comment", "Budget line 4711");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count()).isOne();
        assertThat(history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo("finance");

        Api.Response audit = api.get("/api/v1/audit?entityType=Task&entityId=" + taskId, token("admin"));
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.raw()).contains("TASK_FORM_SUBMITTED").contains("FI-1200").contains("finance-review");

        assertThat(api.post(path, token("finance"), good).status()).as("already completed").isEqualTo(409);
    }

    @Test
    void aTaskClaimedBySomeoneElseIsNotTheirsToSubmit() {
        String taskId = FormFixtures.start(runtime, tasks, "employee", "WB-FORM-" + UUID.randomUUID());
        tasks.claim(taskId, "somebody-else");
        Api.Response r = api.post("/api/v1/tasks/" + taskId + "/form", token("finance"), Map.of("costCentre", "FI-1200"));
        assertThat(r.status()).as(r.raw()).isEqualTo(409);
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        runtime.deleteProcessInstance(tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId(),
                "test done");
    }

    @Test
    void anUnknownTaskHasNoForm() {
        assertThat(api.get("/api/v1/tasks/no-such-task/form", token("finance")).status()).isEqualTo(404);
    }
}
