package io.millflow.app;

import static io.millflow.app.support.OrderFixtures.asn;
import static io.millflow.app.support.OrderFixtures.asnLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.OrderFixtures;
import io.millflow.app.support.OrderFixtures.Order;
import io.millflow.app.support.OrderFixtures.SupplierUser;
import io.millflow.app.support.ProjectFixtures;
import io.millflow.app.support.Purchasing;
import io.millflow.processes.ProcessKeys;
import io.millflow.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The acceptance test of project material pulls over REST and the inbox: a task needs 10 of an item the warehouse has
 * 4 of; 4 are reserved at once, a requisition for 6 goes through approval, ordering, confirmation, receipt and
 * put-away; then the 6 are reserved, the warehouse picks, and 10 are issued to the project (221) at ledger value,
 * which is the project's material cost. Cancelling releases what was reserved. Role refusals on the way.
 */
@AppTest
class MaterialPullTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    UserAccounts accounts;
    @Autowired
    RuntimeService runtime;
    Api api;
    Inventory inv;
    OrderFixtures fx;
    ProjectFixtures pf;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
        fx = new OrderFixtures(jdbc, transactions, events, accounts, api, port);
        pf = new ProjectFixtures(api, port);
    }

    private String token(String user) {
        return pf.token(user);
    }

    /** An item (PCS) whose preferred supplier is a supplier with a portal user, 2.50 EUR a piece. */
    private record Bought(String itemId, SupplierUser supplier) {
    }

    private Bought boughtItem() {
        String itemId = Purchasing.item(api, port, "MAT", 0).get("id").asText();
        SupplierUser supplier = fx.supplier("EUR");
        Purchasing.supplierItem(api, port, supplier.supplierId(), Purchasing.supplierItemBody(itemId, "PCS", 3, 1, 1,
                true, Purchasing.breaks(1, "2.50")));
        return new Bought(itemId, supplier);
    }

    private Map<String, Object> request(String warehouseId, String itemId, Object quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("warehouseId", warehouseId);
        body.put("neededBy", LocalDate.now().plusDays(10).toString());
        body.put("note", "for the prototype");
        body.put("lines", List.of(Map.of("itemId", itemId, "quantity", quantity)));
        return body;
    }

    private JsonNode materialRequest(String id, String user) {
        Api.Response r = api.get("/api/v1/material-requests/" + id, token(user));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private JsonNode awaitStatus(String id, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = materialRequest(id, "employee");
            return status.equals(last[0].get("status").asText());
        });
        return last[0];
    }

    private BigDecimal reservedOf(String itemId, String reference) {
        return jdbc.queryForObject("select coalesce(sum(quantity - consumed_quantity), 0) from reservation "
                + "where item_id = ?::uuid and purpose_ref = ? and status = 'OPEN'", BigDecimal.class, itemId, reference);
    }

    @Test
    void aShortMaterialPullReservesRequisitionsReceivesPicksAndIssuesTenAtLedgerValue() {
        Inventory.Warehouse wh = inv.warehouse(2);
        Bought bought = boughtItem();
        inv.receive(bought.itemId(), wh.bins().get(0), 4, "3.00");
        JsonNode project = pf.project("manager", "employee");
        String projectId = project.get("id").asText();
        JsonNode task = pf.task(projectId, "manager", "Build the prototype", "employee", false);
        String taskId = task.get("id").asText();

        Api.Response created = api.post("/api/v1/project-tasks/" + taskId + "/material-requests", token("employee"),
                request(wh.warehouseId(), bought.itemId(), 10));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("status")).isEqualTo("REQUESTED");

        // 4 reserved at once, a requisition for the 6 missing raised on behalf of the employee
        JsonNode shortReq = awaitStatus(id, "SHORT");
        await().atMost(Duration.ofSeconds(30)).until(() -> materialRequest(id, "employee").hasNonNull("requisitionId"));
        shortReq = materialRequest(id, "employee");
        JsonNode line = shortReq.get("lines").get(0);
        assertThat(line.get("reservedQuantity").decimalValue()).isEqualByComparingTo("4");
        assertThat(line.get("requisitionedQuantity").decimalValue()).isEqualByComparingTo("6");
        assertThat(reservedOf(bought.itemId(), projectId)).isEqualByComparingTo("4");
        assertThat(inv.stockAt(bought.itemId(), wh.bins().get(0))[2]).as("nothing left available").isEqualByComparingTo("0");
        String requisitionId = shortReq.get("requisitionId").asText();
        Api.Response requisition = api.get("/api/v1/purchase-requisitions/" + requisitionId, token("manager"));
        assertThat(requisition.status()).as(requisition.raw()).isEqualTo(200);
        assertThat(requisition.text("status")).isEqualTo("IN_APPROVAL");
        assertThat(requisition.text("requester")).isEqualTo("employee");
        assertThat(requisition.text("warehouseId")).isEqualTo(wh.warehouseId());
        assertThat(requisition.body().get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("6");
        assertThat(requisition.body().get("lines").get(0).get("neededBy").asText())
                .isEqualTo(LocalDate.now().plusDays(10).toString());

        // the requisition's normal approval (15 EUR: the manager), then a purchase order to the supplier
        String approval = pf.awaitInboxTask("manager", requisitionId, "Approve requisition (manager)");
        Api.Response approved = pf.decide("manager", approval, true, "ok");
        assertThat(approved.status()).as(approved.raw()).isEqualTo(204);
        String[] orderId = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> ids = jdbc.queryForList("select id::text from purchase_order where requisition_id = ?::uuid "
                    + "and status = 'SENT'", String.class, requisitionId);
            orderId[0] = ids.isEmpty() ? null : ids.get(0);
            return orderId[0] != null;
        });
        String orderNumber = jdbc.queryForObject("select number from purchase_order where id = ?::uuid", String.class,
                orderId[0]);
        List<String> lineIds = jdbc.queryForList("select id::text from purchase_order_line where purchase_order_id = "
                + "?::uuid order by line_no", String.class, orderId[0]);
        Order order = new Order(orderId[0], orderNumber, lineIds);
        Api.Response confirmed = fx.confirmAll(bought.supplier(), order, List.of("6"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        Api.Response notice = api.post("/api/v1/asns", fx.token(bought.supplier()),
                asn(order, List.of(asnLine(lineIds.get(0), 6, null))));
        assertThat(notice.status()).as(notice.raw()).isEqualTo(201);

        // receipt into receiving, put-away into a bin: only then the goods can be reserved
        pf.awaitInboxTask("warehouse", orderId[0], "Receive goods");
        Api.Response receipt = api.post("/api/v1/goods-receipts", token("warehouse"), Map.of("asnId",
                notice.text("id"), "receivingLocationId", wh.receivingId(), "lines", List.of(Map.of("asnLineId",
                        notice.body().get("lines").get(0).get("id").asText(), "quantity", 6))));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(201);
        assertThat(materialRequest(id, "employee").get("status").asText()).as("received, not put away").isEqualTo("SHORT");
        pf.awaitInboxTask("warehouse", orderId[0], "Put away");
        List<Map<String, Object>> putAway = new ArrayList<>();
        for (JsonNode l : receipt.body().get("lines")) {
            putAway.add(Map.of("goodsReceiptLineId", l.get("id").asText(), "toLocationId", wh.bins().get(1),
                    "quantity", l.get("quantity").decimalValue()));
        }
        Api.Response stored = api.post("/api/v1/purchase-orders/" + orderId[0] + "/put-away", token("warehouse"),
                Map.of("lines", putAway));
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);

        JsonNode reserved = awaitStatus(id, "RESERVED");
        assertThat(reserved.get("lines").get(0).get("reservedQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(reservedOf(bought.itemId(), projectId)).isEqualByComparingTo("10");

        // the warehouse picks; an employee may not
        String pick = pf.awaitInboxTask("warehouse", id, "Pick materials");
        assertThat(pf.inboxTask("employee", id, "Pick materials")).as("not in the employee's inbox").isNull();
        Api.Response refused = pf.decide("employee", pick, true, null);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        Api.Response picked = pf.decide("warehouse", pick, true, "picked to the bench");
        assertThat(picked.status()).as(picked.raw()).isEqualTo(204);

        JsonNode issued = awaitStatus(id, "ISSUED");
        assertThat(issued.get("pickedBy").asText()).isEqualTo("warehouse");
        assertThat(issued.get("issuedQuantity").decimalValue()).isEqualByComparingTo("10");
        // 4 at 3.00 and 6 at 2.50 make 27.00 on the moving average; the issue takes exactly that value
        BigDecimal ledger = jdbc.queryForObject("select sum(m.value) from stock_move m join stock_document d on "
                + "d.id = m.document_id where m.movement_type = '221' and d.reference = ?", BigDecimal.class, projectId);
        BigDecimal issuedQuantity = jdbc.queryForObject("select sum(m.quantity) from stock_move m join stock_document d "
                + "on d.id = m.document_id where m.movement_type = '221' and d.reference = ?", BigDecimal.class, projectId);
        assertThat(issuedQuantity).isEqualByComparingTo("10");
        assertThat(ledger).isEqualByComparingTo("27.00");
        assertThat(issued.get("issuedValue").decimalValue()).isEqualByComparingTo(ledger);
        Api.Response cost = api.get("/api/v1/projects/" + projectId + "/material-cost", token("manager"));
        assertThat(cost.status()).as(cost.raw()).isEqualTo(200);
        assertThat(cost.body().get("materialCost").decimalValue()).isEqualByComparingTo(ledger);
        assertThat(reservedOf(bought.itemId(), projectId)).isEqualByComparingTo("0");
        assertThat(inv.stockAt(bought.itemId(), wh.bins().get(0))[0]).isEqualByComparingTo("0");
        assertThat(inv.stockAt(bought.itemId(), wh.bins().get(1))[0]).isEqualByComparingTo("0");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PROJECT_MATERIAL_REQUEST)
                .processInstanceBusinessKey(id).count()).isZero();

        // the task shows it: requests with quantities and value
        Api.Response ofTask = api.get("/api/v1/tasks/" + taskId + "/material-requests", token("employee"));
        assertThat(ofTask.status()).as(ofTask.raw()).isEqualTo(200);
        assertThat(ofTask.body()).hasSize(1);
        assertThat(ofTask.body().get(0).get("issuedValue").decimalValue()).isEqualByComparingTo("27.00");

        Api.Response audit = api.get("/api/v1/audit?entityType=MaterialRequest&entityId=" + id + "&size=100",
                token("admin"));
        assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
        assertThat(audit.raw()).contains("REQUESTED", "RESERVED", "REQUISITIONED", "PICKED", "ISSUED");
    }

    @Test
    void cancellingReleasesEveryReservationAndEndsTheProcess() {
        Inventory.Warehouse wh = inv.warehouse(1);
        Bought bought = boughtItem();
        inv.receive(bought.itemId(), wh.bins().get(0), 3, "1.00");
        String projectId = pf.project("manager", "employee").get("id").asText();
        String taskId = pf.task(projectId, "manager", "Fit the housing", "employee", false).get("id").asText();

        // short: 3 reserved, 2 requisitioned; cancelled while waiting for the goods
        Api.Response created = api.post("/api/v1/tasks/" + taskId + "/material-requests", token("employee"),
                request(wh.warehouseId(), bought.itemId(), 5));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> materialRequest(id, "employee").hasNonNull("requisitionId"));
        assertThat(reservedOf(bought.itemId(), projectId)).isEqualByComparingTo("3");

        Api.Response cancelled = api.post("/api/v1/material-requests/" + id + "/cancel", token("employee"), Map.of());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(reservedOf(bought.itemId(), projectId)).isEqualByComparingTo("0");
        assertThat(inv.stockAt(bought.itemId(), wh.bins().get(0))).containsExactly(new BigDecimal("3"),
                BigDecimal.ZERO, new BigDecimal("3"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();

        // fully reserved and waiting to be picked: cancelling withdraws the pick
        Api.Response second = api.post("/api/v1/material-requests", token("employee"),
                withTask(request(wh.warehouseId(), bought.itemId(), 2), taskId));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        String id2 = second.text("id");
        pf.awaitInboxTask("warehouse", id2, "Pick materials");
        assertThat(reservedOf(bought.itemId(), projectId)).isEqualByComparingTo("2");
        Api.Response cancelledByWarehouse = api.post("/api/v1/material-requests/" + id2 + "/cancel", token("warehouse"),
                Map.of());
        assertThat(cancelledByWarehouse.status()).as(cancelledByWarehouse.raw()).isEqualTo(200);
        assertThat(pf.inboxTask("warehouse", id2, "Pick materials")).isNull();
        assertThat(reservedOf(bought.itemId(), projectId)).isEqualByComparingTo("0");
        assertThat(inv.stockAt(bought.itemId(), wh.bins().get(0))[2]).isEqualByComparingTo("3");
        Api.Response again = api.post("/api/v1/material-requests/" + id2 + "/cancel", token("warehouse"), Map.of());
        assertThat(again.status()).as("cancelling twice answers the cancelled request").isEqualTo(200);

        Api.Response audit = api.get("/api/v1/audit?entityType=Reservation&size=200", token("admin"));
        assertThat(audit.raw()).contains("RELEASED");
        Api.Response requestAudit = api.get("/api/v1/audit?entityType=MaterialRequest&entityId=" + id, token("admin"));
        assertThat(requestAudit.raw()).contains("CANCELLED");
    }

    @Test
    void onlyWhoMayChangeTheProjectRequestsAndOnlyWhoMayReadItSeesTheRequests() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String itemId = inv.item("NONE", "C");
        inv.receive(itemId, wh.bins().get(0), 5, "1.00");
        String projectId = pf.project("manager", "employee").get("id").asText();
        String taskId = pf.task(projectId, "manager", "Paint", "employee", false).get("id").asText();
        String outsider = "emp-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create("test", outsider, "millflow", "Outsider", outsider + "@example.com", Set.of("EMPLOYEE"));

        Api.Response notMember = api.post("/api/v1/tasks/" + taskId + "/material-requests", pf.token(outsider),
                request(wh.warehouseId(), itemId, 1));
        assertThat(notMember.status()).as(notMember.raw()).isEqualTo(404);
        Api.Response viaBody = api.post("/api/v1/material-requests", pf.token(outsider),
                withTask(request(wh.warehouseId(), itemId, 1), taskId));
        assertThat(viaBody.status()).as(viaBody.raw()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from material_request where task_id = ?::uuid", Long.class,
                taskId)).isZero();

        Api.Response bad = api.post("/api/v1/tasks/" + taskId + "/material-requests", token("employee"),
                request(wh.warehouseId(), itemId, -1));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);

        Api.Response created = api.post("/api/v1/tasks/" + taskId + "/material-requests", token("employee"),
                request(wh.warehouseId(), itemId, 1));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(api.get("/api/v1/material-requests/" + id, pf.token(outsider)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tasks/" + taskId + "/material-requests", pf.token(outsider)).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/projects/" + projectId + "/material-cost", pf.token(outsider)).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/material-requests/" + id + "/cancel", pf.token(outsider), Map.of()).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/material-requests/" + id, token("warehouse")).status()).isEqualTo(200);
        String pick = pf.awaitInboxTask("warehouse", id, "Pick materials");
        assertThat(pf.decide("warehouse", pick, false, "no").status()).as("a pick is not rejected").isEqualTo(409);
    }

    private static Map<String, Object> withTask(Map<String, Object> body, String taskId) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put("taskId", taskId);
        return copy;
    }
}
