package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.ProjectFixtures;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Project intake over REST and the inbox: the heads of ENG ({@code head}) and PROD ({@code head2}) approve in
 * parallel, the project is created from template PRODUCT-INTRO and its manager kicks it off; one rejection ends it;
 * who reads requests and who may not decide them.
 */
@AppTest
class ProjectIntakeTest {

    @LocalServerPort
    int port;
    Api api;
    ProjectFixtures pf;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        pf = new ProjectFixtures(api, port);
    }

    private Map<String, Object> body(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "New sensor line");
        body.put("description", "Bring the new sensor to production");
        body.put("departmentId", pf.department("ENG"));
        body.put("involvedDepartmentIds", List.of(pf.department("PROD")));
        body.put("manager", "manager");
        body.put("startDate", LocalDate.now().plusDays(7).toString());
        body.put("endDate", LocalDate.now().plusMonths(4).toString());
        body.put("budget", 50000);
        body.put("currency", "EUR");
        body.put("templateCode", "PRODUCT-INTRO");
        return body;
    }

    private JsonNode request(String id, String user) {
        Api.Response r = api.get("/api/v1/project-requests/" + id, pf.token(user));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void twoHeadsApproveThenTheProjectIsCreatedFromItsTemplateAndTheManagerKicksItOff() {
        String code = Inventory.unique("NSL-");
        Api.Response submitted = api.post("/api/v1/project-requests", pf.token("employee"), body(code));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String id = submitted.text("id");
        assertThat(submitted.text("status")).isEqualTo("IN_APPROVAL");
        assertThat(submitted.body().get("approvals").findValuesAsText("headUsername")).containsExactly("head", "head2");

        String engApproval = pf.awaitInboxTask("head", id, "Approve project request");
        String prodApproval = pf.awaitInboxTask("head2", id, "Approve project request");
        assertThat(pf.inboxTask("head", id, "Approve project request").get("assignee").asText()).isEqualTo("head");
        // warehouse may not decide it, nor head2 the approval of head
        Api.Response refused = pf.decide("warehouse", engApproval, true, null);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(pf.decide("head2", engApproval, true, null).status()).isEqualTo(409);
        // the requester and the heads read it; warehouse does not see it
        assertThat(request(id, "head2").get("code").asText()).isEqualTo(code);
        assertThat(api.get("/api/v1/project-requests/" + id, pf.token("warehouse")).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/project-requests", pf.token("employee")).body().get("items")
                .findValuesAsText("id")).contains(id);

        assertThat(pf.decide("head", engApproval, true, "ENG is in").status()).isEqualTo(204);
        assertThat(request(id, "employee").get("status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(pf.decide("head2", prodApproval, true, "PROD is in").status()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> request(id, "employee").hasNonNull("projectId"));
        JsonNode approved = request(id, "employee");
        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        String projectId = approved.get("projectId").asText();
        Api.Response project = api.get("/api/v1/projects/" + projectId, pf.token("manager"));
        assertThat(project.status()).as(project.raw()).isEqualTo(200);
        assertThat(project.text("code")).isEqualTo(code);
        assertThat(project.text("manager")).isEqualTo("manager");
        assertThat(project.body().get("involvedDepartmentCodes").toString()).contains("PROD");
        Api.Response tasks = api.get("/api/v1/projects/" + projectId + "/tasks", pf.token("manager"));
        assertThat(tasks.status()).as(tasks.raw()).isEqualTo(200);
        assertThat(tasks.body().size()).as("tasks of template PRODUCT-INTRO").isGreaterThanOrEqualTo(5);

        String kickoff = pf.awaitInboxTask("manager", id, "Kick off project");
        assertThat(pf.inboxTask("manager", id, "Kick off project").get("assignee").asText()).isEqualTo("manager");
        assertThat(pf.decide("manager", kickoff, true, "Let's go").status()).isEqualTo(204);
        assertThat(request(id, "employee").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/projects/" + projectId, pf.token("manager")).text("status")).isEqualTo("ACTIVE");

        Api.Response audit = api.get("/api/v1/audit?entityType=ProjectRequest&entityId=" + id + "&size=50",
                pf.token("admin"));
        assertThat(audit.raw()).contains("SUBMITTED", "APPROVED", "PROJECT_CREATED", "KICKED_OFF");
        Api.Response decisions = api.get("/api/v1/audit?entityType=ProjectRequestApproval&size=200", pf.token("admin"));
        assertThat(decisions.raw()).contains(id + "#0", id + "#1");
    }

    @Test
    void oneRejectionEndsTheRequestRejectedWithItsReason() {
        Api.Response submitted = api.post("/api/v1/project-requests", pf.token("employee"),
                body(Inventory.unique("REJ-")));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
        String id = submitted.text("id");
        String prodApproval = pf.awaitInboxTask("head2", id, "Approve project request");
        pf.awaitInboxTask("head", id, "Approve project request");

        Api.Response noReason = pf.decide("head2", prodApproval, false, null);
        assertThat(noReason.status()).as(noReason.raw()).isEqualTo(400);
        assertThat(pf.decide("head2", prodApproval, false, "No capacity in PROD this year").status()).isEqualTo(204);

        JsonNode rejected = request(id, "employee");
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).contains("PROD", "No capacity");
        assertThat(rejected.get("approvals").findValuesAsText("decision")).containsExactly("WITHDRAWN", "REJECTED");
        assertThat(pf.inboxTask("head", id, "Approve project request")).as("withdrawn").isNull();
        assertThat(rejected.get("projectId").isNull()).isTrue();
    }

    @Test
    void badRequestsAreRefusedAndNothingStarts() {
        Map<String, Object> bad = body(Inventory.unique("BAD-"));
        bad.put("endDate", LocalDate.now().toString());
        Api.Response endBeforeStart = api.post("/api/v1/project-requests", pf.token("employee"), bad);
        assertThat(endBeforeStart.status()).as(endBeforeStart.raw()).isEqualTo(400);
        assertThat(endBeforeStart.raw()).contains("endDate");

        Map<String, Object> noManager = body(Inventory.unique("BAD-"));
        noManager.put("manager", "employee");
        Api.Response notAManager = api.post("/api/v1/project-requests", pf.token("employee"), noManager);
        assertThat(notAManager.status()).as(notAManager.raw()).isEqualTo(400);
        assertThat(notAManager.raw()).contains("manager");

        Map<String, Object> qa = body(Inventory.unique("BAD-"));
        qa.put("involvedDepartmentIds", List.of(pf.department("QA")));
        Api.Response headless = api.post("/api/v1/project-requests", pf.token("employee"), qa);
        assertThat(headless.status()).as("QA has no head: " + headless.raw()).isEqualTo(400);
        assertThat(headless.raw()).contains("involvedDepartmentIds", "no head");
    }
}
