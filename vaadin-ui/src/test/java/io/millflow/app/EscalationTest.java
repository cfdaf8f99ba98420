package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Requisitions;
import io.millflow.app.support.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A late approval (its 2-working-day timer fired) is handed to the next level's group and shown overdue. */
@AppTest
class EscalationTest {

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    @Test
    void aLateManagerApprovalEscalatesToDepartmentHeads() {
        Api api = new Api(port);
        String id = Requisitions.submit(api, port, "employee", Requisitions.body("Safety gloves", 20, "12.50", "EUR"));
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
        assertThat(headSees(api, id)).as("before the deadline").isNull();

        // the deadline passes: fire the boundary timer as the job executor would
        Job timer = management.createJobQuery().processInstanceId(
                tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId()).timers().singleResult();
        management.executeJob(timer.getId());

        await().atMost(Duration.ofSeconds(20)).until(() -> headSees(api, id) != null);
        JsonNode task = headSees(api, id);
        assertThat(task.get("overdue").asBoolean()).isTrue();
        assertThat(tasks.getIdentityLinksForTask(taskId)).extracting(IdentityLink::getGroupId)
                .contains("MANAGER", "DEPARTMENT_HEAD");

        // the head decides the manager level; the approval trail records it as overdue
        Api.Response done = api.post("/api/v1/tasks/" + taskId + "/complete", Tokens.user(port, "head"),
                Map.of("approved", true, "comment", "stepping in"));
        assertThat(done.status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ORDERED".equals(
                api.get("/api/v1/purchase-requisitions/" + id, Tokens.user(port, "employee")).text("status")));
        JsonNode approval = api.get("/api/v1/purchase-requisitions/" + id, Tokens.user(port, "employee")).body()
                .get("approvals").get(0);
        assertThat(approval.get("decidedBy").asText()).isEqualTo("head");
        assertThat(approval.get("overdue").asBoolean()).isTrue();
    }

    private JsonNode headSees(Api api, String requisitionId) {
        for (JsonNode t : api.get("/api/v1/tasks", Tokens.user(port, "head")).body()) {
            if (requisitionId.equals(t.get("businessKey").asText())) {
                return t;
            }
        }
        return null;
    }
}
