package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.ProjectFixtures;
import io.millflow.processes.ProcessKeys;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task that needs approval, moved to DONE, waits IN_REVIEW for its project manager's decision in the inbox
 * (task-approval): a rejection sends it back IN_PROGRESS with the comment, an approval makes it DONE.
 */
@AppTest
class TaskApprovalTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    Api api;
    ProjectFixtures pf;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        pf = new ProjectFixtures(api, port);
    }

    private Api.Response move(String taskId, String status) {
        return api.post("/api/v1/project-tasks/" + taskId + "/move", pf.token("employee"), Map.of("status", status,
                "boardRank", 0));
    }

    private String state(String taskId, String field) {
        return api.get("/api/v1/project-tasks/" + taskId, pf.token("manager")).text(field);
    }

    @Test
    void theProjectManagerRejectsThenApprovesACompletion() {
        String projectId = pf.project("manager", "employee").get("id").asText();
        String taskId = pf.task(projectId, "manager", "Sign off the drawings", "employee", true).get("id").asText();

        Api.Response moved = move(taskId, "DONE");
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.text("status")).isEqualTo("IN_REVIEW");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.TASK_APPROVAL)
                .processInstanceBusinessKey(taskId).count()).isEqualTo(1);

        String approval = pf.awaitInboxTask("manager", taskId, "Approve task completion");
        assertThat(pf.inboxTask("manager", taskId, "Approve task completion").get("assignee").asText())
                .isEqualTo("manager");
        assertThat(pf.decide("employee", approval, true, null).status()).as("not the employee's decision")
                .isEqualTo(403);
        assertThat(pf.decide("manager", approval, false, null).status()).as("a rejection says why").isEqualTo(400);
        assertThat(pf.decide("manager", approval, false, "The BOM is missing").status()).isEqualTo(204);
        assertThat(state(taskId, "status")).isEqualTo("IN_PROGRESS");
        assertThat(state(taskId, "approvalState")).isEqualTo("REJECTED");
        Api.Response comments = api.get("/api/v1/project-tasks/" + taskId + "/comments", pf.token("employee"));
        assertThat(comments.raw()).contains("The BOM is missing");

        assertThat(move(taskId, "DONE").text("status")).isEqualTo("IN_REVIEW");
        String second = pf.awaitInboxTask("manager", taskId, "Approve task completion");
        assertThat(pf.decide("manager", second, true, "Good").status()).isEqualTo(204);
        assertThat(state(taskId, "status")).isEqualTo("DONE");
        assertThat(state(taskId, "approvalState")).isEqualTo("APPROVED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(taskId).count()).isZero();

        Api.Response audit = api.get("/api/v1/audit?entityType=TaskApproval&entityId=" + taskId, pf.token("admin"));
        assertThat(audit.raw()).contains("APPROVAL_REQUESTED");
    }
}
