package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Requisitions;
import io.millflow.app.support.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The purchase requisition through the REST API, with real tokens of the demo users. */
@AppTest
class RequisitionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String token(String user) {
        return Tokens.user(port, user);
    }

    static Map<String, Object> requisition(Object quantity, Object unitPrice, String currency) {
        return Requisitions.body("Hydraulic press seals", quantity, unitPrice, currency);
    }

    JsonNode submit(String user, Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/purchase-requisitions", token(user), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    String taskOf(String user, String requisitionId) {
        Api.Response tasks = api.get("/api/v1/tasks", token(user));
        assertThat(tasks.status()).isEqualTo(200);
        for (JsonNode t : tasks.body()) {
            if (requisitionId.equals(t.get("businessKey").asText())) {
                return t.get("id").asText();
            }
        }
        return null;
    }

    Api.Response decide(String user, String taskId, boolean approved, String comment) {
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("approved", approved);
        decision.put("comment", comment);
        return api.post("/api/v1/tasks/" + taskId + "/complete", token(user), decision);
    }

    JsonNode read(String user, String id) {
        Api.Response r = api.get("/api/v1/purchase-requisitions/" + id, token(user));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    @Test
    void twentyThousandEurosPassThreeLevelsAndBecomeOneOrder() {
        JsonNode created = submit("employee", requisition(10, "2000.00", "EUR"));
        String id = created.get("id").asText();
        assertThat(created.get("status").asText()).isEqualTo("IN_APPROVAL");
        assertThat(created.get("number").asText()).matches("PR-\\d{4}-\\d{6}");
        assertThat(created.get("totalAmount").decimalValue()).isEqualByComparingTo("20000");
        assertThat(created.get("approvalLevels")).extracting(JsonNode::asText)
                .containsExactly("MANAGER", "DEPARTMENT_HEAD", "FINANCE");

        for (String approver : List.of("manager", "head", "finance")) {
            String task = taskOf(approver, id);
            assertThat(task).as("task of %s", approver).isNotNull();
            assertThat(decide(approver, task, true, "fine by " + approver).status()).isEqualTo(204);
            assertThat(decide(approver, task, true, "again").status()).as("second completion").isEqualTo(409);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> "ORDERED".equals(read("employee", id).get("status").asText()));
        JsonNode ordered = read("employee", id);
        assertThat(ordered.get("purchaseOrderNumber").asText()).matches("PO-\\d{4}-\\d{6}");
        assertThat(ordered.get("approvals")).hasSize(3);
        List<String> deciders = new ArrayList<>();
        ordered.get("approvals").forEach(a -> {
            assertThat(a.get("decision").asText()).isEqualTo("APPROVED");
            deciders.add(a.get("decidedBy").asText());
        });
        assertThat(deciders).containsExactly("manager", "head", "finance");
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where requisition_id = ?::uuid",
                Long.class, id)).isEqualTo(1);

        // the audit trail holds every state change, readable by ADMIN only
        Api.Response audit = api.get("/api/v1/audit?entityType=PurchaseRequisition&entityId=" + id,
                Tokens.opsCli(port));
        assertThat(audit.status()).isEqualTo(200);
        List<String> actions = new ArrayList<>();
        audit.body().get("items").forEach(a -> actions.add(a.get("action").asText()));
        assertThat(actions).contains("SUBMITTED", "ORDERED");
        JsonNode orderedRecord = audit.body().get("items").get(0);
        assertThat(orderedRecord.get("before").asText()).contains("IN_APPROVAL");
        assertThat(orderedRecord.get("after").asText()).contains("ORDERED");
        assertThat(api.get("/api/v1/audit?entityType=PurchaseRequisition&entityId=" + id, token("manager")).status())
                .isEqualTo(403);
    }

    @Test
    void smallAndMediumAmountsNeedOneAndTwoLevels() {
        JsonNode small = submit("employee", requisition(1, "500.00", "EUR"));
        assertThat(small.get("approvalLevels")).extracting(JsonNode::asText).containsExactly("MANAGER");
        JsonNode medium = submit("employee", requisition(5, "1000.00", "EUR"));
        assertThat(medium.get("approvalLevels")).extracting(JsonNode::asText)
                .containsExactly("MANAGER", "DEPARTMENT_HEAD");
        // a foreign currency is converted to EUR before the decision: 900 USD are below 1,000 EUR
        JsonNode dollars = submit("employee", requisition(1, "900.00", "USD"));
        assertThat(dollars.get("approvalLevels")).extracting(JsonNode::asText).containsExactly("MANAGER");

        String smallTask = taskOf("manager", small.get("id").asText());
        assertThat(decide("manager", smallTask, true, null).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "ORDERED".equals(read("employee", small.get("id").asText()).get("status").asText()));
        assertThat(taskOf("head", medium.get("id").asText())).as("head waits for the manager").isNull();
    }

    @Test
    void aRejectionEndsItRejectedWithTheReason() {
        JsonNode created = submit("employee", requisition(4, "1000.00", "EUR"));
        String id = created.get("id").asText();
        assertThat(decide("manager", taskOf("manager", id), true, "ok").status()).isEqualTo(204);
        String headTask = taskOf("head", id);
        Api.Response noReason = decide("head", headTask, false, "  ");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("comment");
        assertThat(decide("head", headTask, false, "Budget frozen until Q2").status()).isEqualTo(204);

        JsonNode rejected = read("employee", id);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).isEqualTo("Budget frozen until Q2");
        assertThat(rejected.get("purchaseOrderNumber").isNull()).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
    }

    @Test
    void nobodyDecidesTheirOwnRequisitionAndEmployeesSeeNoApprovals() {
        assertThat(api.get("/api/v1/tasks", token("employee")).body()).isEmpty();
        JsonNode created = submit("manager", requisition(1, "100.00", "EUR"));
        String id = created.get("id").asText();
        assertThat(taskOf("manager", id)).as("the requester's own approval is hidden").isNull();
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
        assertThat(decide("manager", taskId, true, "me").status()).isEqualTo(403);
        assertThat(decide("employee", taskId, true, "me").status()).isEqualTo(403);
        assertThat(decide("head", taskId, true, "not my group").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/purchase-requisitions/" + id, token("warehouse")).status()).isEqualTo(403);
        assertThat(read("manager", id).get("status").asText()).isEqualTo("IN_APPROVAL");
    }

    @Test
    void unknownAndForeignTasksAreAnsweredWithProblems() {
        Api.Response unknown = decide("manager", "no-such-task", true, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");
        assertThat(unknown.text("type")).isEqualTo("https://millflow.io/problems/not-found");
        Api.Response missingDecision = api.post("/api/v1/tasks/x/complete", token("manager"), "{}");
        assertThat(missingDecision.status()).isEqualTo(400);
        assertThat(missingDecision.text("field")).isEqualTo("approved");
        Api.Response supplier = api.post("/api/v1/purchase-requisitions", token("supplier"), requisition(1, "1", "EUR"));
        assertThat(supplier.status()).isEqualTo(403);
        assertThat(supplier.contentType()).contains("application/problem+json");
    }

    static List<Object[]> badRequisitions() {
        List<Object[]> cases = new ArrayList<>();
        Map<String, Object> missing = requisition(1, "10", "EUR");
        missing.remove("itemDescription");
        cases.add(new Object[] {"missing item", missing, "itemDescription"});
        cases.add(new Object[] {"zero quantity", requisition(0, "10", "EUR"), "quantity"});
        cases.add(new Object[] {"negative quantity", requisition(-3, "10", "EUR"), "quantity"});
        cases.add(new Object[] {"negative price", requisition(1, "-10", "EUR"), "unitPrice"});
        cases.add(new Object[] {"unknown currency", requisition(1, "10", "XYZ"), "currency"});
        cases.add(new Object[] {"lower-case currency", requisition(1, "10", "eur"), "currency"});
        cases.add(new Object[] {"absurd quantity", requisition(5_000_000_000L, "10", "EUR"), "quantity"});
        cases.add(new Object[] {"absurd total", requisition(1_000_000, "9999999", "EUR"), "unitPrice"});
        cases.add(new Object[] {"too many decimals", requisition(1, "10.123", "EUR"), "unitPrice"});
        Map<String, Object> past = requisition(1, "10", "EUR");
        past.put("neededBy", LocalDate.now().minusDays(1).toString());
        cases.add(new Object[] {"needed in the past", past, "neededBy"});
        Map<String, Object> badDate = requisition(1, "10", "EUR");
        badDate.put("neededBy", "tomorrow");
        cases.add(new Object[] {"unparseable date", badDate, "neededBy"});
        Map<String, Object> text = requisition(1, "10", "EUR");
        text.put("quantity", "ten");
        cases.add(new Object[] {"text quantity", text, "quantity"});
        Map<String, Object> extra = requisition(1, "10", "EUR");
        extra.put("approvedBy", "me");
        cases.add(new Object[] {"unknown field", extra, "approvedBy"});
        Map<String, Object> costCentre = requisition(1, "10", "EUR");
        costCentre.put("costCentre", "cost centre 1");
        cases.add(new Object[] {"bad cost centre", costCentre, "costCentre"});
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequisitions")
    void badInputIsRefusedNamingTheFieldAndNothingIsKept(String name, Map<String, Object> body, String field) {
        long rows = jdbc.queryForObject("select count(*) from purchase_requisition", Long.class);
        long instances = runtime.createProcessInstanceQuery().count();

        Api.Response r = api.post("/api/v1/purchase-requisitions", token("employee"), body);

        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("field")).as(r.raw()).isEqualTo(field);
        assertThat(jdbc.queryForObject("select count(*) from purchase_requisition", Long.class)).isEqualTo(rows);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void malformedJsonIsAProblemAndStartsNothing() {
        long instances = runtime.createProcessInstanceQuery().count();
        Api.Response r = api.post("/api/v1/purchase-requisitions", token("employee"), "{\"itemDescription\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("type")).isEqualTo("https://millflow.io/problems/malformed-request");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }
}
