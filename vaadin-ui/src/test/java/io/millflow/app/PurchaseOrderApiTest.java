package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Purchasing;
import io.millflow.app.support.Requisitions;
import io.millflow.app.support.Tokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requisitions with catalogue and free-text lines become purchase orders grouped per supplier; blocked suppliers,
 * supplier assignment, changes (approval when the total rises) and cancellation through the REST API.
 */
@AppTest
class PurchaseOrderApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    String token(String user) {
        return Tokens.user(port, user);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    record Catalogue(String itemX, String itemY, String supplierA, String supplierB) {
    }

    /** Item X sold by A in boxes of 10 (preferred, lead 5 days, 20.00 / 18.00 from 10 boxes); item Y by B (lead 40). */
    Catalogue catalogue() {
        String x = Purchasing.item(api, port, "PX", 10).get("id").asText();
        String y = Purchasing.item(api, port, "PY", 0).get("id").asText();
        String a = Purchasing.supplier(api, port, "SA", "EUR").get("id").asText();
        String b = Purchasing.supplier(api, port, "SB", "EUR").get("id").asText();
        Purchasing.supplierItem(api, port, a, Purchasing.supplierItemBody(x, "BOX", 5, 1, 1, true,
                Purchasing.breaks(1, "20.00", 10, "18.00")));
        Purchasing.supplierItem(api, port, b, Purchasing.supplierItemBody(y, "PCS", 40, 10, 10, false,
                Purchasing.breaks(10, "3.50")));
        return new Catalogue(x, y, a, b);
    }

    static Map<String, Object> header() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("neededBy", LocalDate.now().plusDays(30).toString());
        body.put("justification", "Line production");
        body.put("costCentre", "CC-2000");
        return body;
    }

    static Map<String, Object> line(Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            line.put((String) keyValues[i], keyValues[i + 1]);
        }
        return line;
    }

    void approveAll(String businessKey) {
        for (int guard = 0; guard < 3; guard++) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).active().singleResult();
            if (task == null) {
                return;
            }
            String group = tasks.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
            String user = switch (group) {
                case "MANAGER" -> "manager";
                case "DEPARTMENT_HEAD" -> "head";
                default -> "finance";
            };
            Api.Response done = api.post("/api/v1/tasks/" + task.getId() + "/complete", token(user),
                    Map.of("approved", true));
            assertThat(done.status()).as(done.raw()).isEqualTo(204);
        }
    }

    JsonNode orderedRequisition(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "ORDERED".equals(
                api.get("/api/v1/purchase-requisitions/" + id, token("buyer")).text("status")));
        return api.get("/api/v1/purchase-requisitions/" + id, token("buyer")).body();
    }

    List<Map<String, Object>> ordersOf(String requisitionId) {
        return jdbc.queryForList("select id::text as id, number, status, supplier_id::text as supplier, currency, "
                + "total_amount from purchase_order where requisition_id = ?::uuid order by number", requisitionId);
    }

    List<Map<String, Object>> linesOf(Object orderId) {
        return jdbc.queryForList("select id::text as id, line_no, item_id::text as item, supplier_sku, description, "
                + "quantity, unit, unit_price, line_amount, delivery_date, cancelled from purchase_order_line "
                + "where purchase_order_id = ?::uuid order by line_no", orderId);
    }

    @Test
    void approvedRequisitionLinesBecomeOneOrderPerSupplierWithDeliveryDates() {
        Catalogue c = catalogue();
        Map<String, Object> body = header();
        body.put("lines", List.of(
                line("itemId", c.itemX(), "quantity", 12),
                line("description", "Calibration of torque wrenches", "quantity", 2, "unitPrice", "150.00",
                        "currency", "EUR", "supplierId", c.supplierB()),
                line("itemId", c.itemY(), "supplierId", c.supplierB(), "quantity", 100),
                line("description", "Coffee machine for the workshop", "quantity", 1, "unitPrice", "80.00",
                        "currency", "EUR")));
        Api.Response created = api.post("/api/v1/purchase-requisitions", token("employee"), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode req = created.body();
        assertThat(req.get("lines")).hasSize(4);
        assertThat(req.get("lines").get(0).get("unit").asText()).isEqualTo("BOX");
        assertThat(req.get("lines").get(0).get("unitPrice").decimalValue()).as("break from 10 boxes")
                .isEqualByComparingTo("18.00");
        assertThat(req.get("lines").get(0).get("supplierId").asText()).isEqualTo(c.supplierA());
        assertThat(req.get("totalAmount").decimalValue()).isEqualByComparingTo("946.00"); // 216 + 300 + 350 + 80
        assertThat(req.get("approvalLevels")).hasSize(1);

        approveAll(req.get("id").asText());
        JsonNode ordered = orderedRequisition(req.get("id").asText());
        List<Map<String, Object>> orders = ordersOf(req.get("id").asText());
        assertThat(orders).hasSize(3);
        assertThat(ordered.get("purchaseOrderNumbers")).hasSize(3);
        assertThat(ordered.get("purchaseOrderNumber").asText()).isEqualTo(orders.get(0).get("number"));

        Map<String, Object> toA = orders.stream().filter(o -> c.supplierA().equals(o.get("supplier"))).findFirst().orElseThrow();
        Map<String, Object> toB = orders.stream().filter(o -> c.supplierB().equals(o.get("supplier"))).findFirst().orElseThrow();
        Map<String, Object> none = orders.stream().filter(o -> o.get("supplier") == null).findFirst().orElseThrow();
        assertThat(toA.get("status")).isEqualTo("SENT");
        assertThat((BigDecimal) toA.get("total_amount")).isEqualByComparingTo("216.00");
        assertThat(toB.get("status")).isEqualTo("SENT");
        assertThat((BigDecimal) toB.get("total_amount")).isEqualByComparingTo("650.00");
        assertThat(none.get("status")).isEqualTo("DRAFT");
        assertThat((BigDecimal) none.get("total_amount")).isEqualByComparingTo("80.00");

        List<Map<String, Object>> aLines = linesOf(toA.get("id"));
        assertThat(aLines).hasSize(1);
        assertThat((BigDecimal) aLines.get(0).get("quantity")).isEqualByComparingTo("12");
        assertThat(aLines.get(0).get("unit")).isEqualTo("BOX");
        assertThat(aLines.get(0).get("supplier_sku")).isNotNull();
        assertThat(aLines.get(0).get("delivery_date").toString()).as("needed-by is later than today + 5 days")
                .isEqualTo(LocalDate.now().plusDays(30).toString());
        List<Map<String, Object>> bLines = linesOf(toB.get("id"));
        assertThat(bLines).extracting(l -> l.get("line_no")).containsExactly(1, 2);
        assertThat(bLines.get(0).get("description")).isEqualTo("Calibration of torque wrenches");
        assertThat(bLines.get(0).get("delivery_date").toString()).isEqualTo(LocalDate.now().plusDays(30).toString());
        assertThat(bLines.get(1).get("item")).isEqualTo(c.itemY());
        assertThat(bLines.get(1).get("delivery_date").toString()).as("today + 40 days lead time is later")
                .isEqualTo(LocalDate.now().plusDays(40).toString());
        assertThat(jdbc.queryForObject("select count(*) from purchase_requisition_line where requisition_id = ?::uuid "
                + "and purchase_order_line_id is not null", Long.class, req.get("id").asText())).isEqualTo(4);
        for (Map<String, Object> o : orders) {
            assertThat(jdbc.queryForList("select action from audit_record where entity_type = 'PurchaseOrder' "
                    + "and entity_id = ?", String.class, o.get("id"))).containsExactly("CREATED");
        }
    }

    @Test
    void theOneLineShapeOfBeforeIsOneFreeTextLineAndOneDraftOrder() {
        String id = Requisitions.submit(api, port, "employee", Requisitions.body("Safety goggles", 10, "7.50", "EUR"));
        JsonNode req = api.get("/api/v1/purchase-requisitions/" + id, token("employee")).body();
        assertThat(req.get("lines")).hasSize(1);
        assertThat(req.get("lines").get(0).get("description").asText()).isEqualTo("Safety goggles");
        assertThat(req.get("lines").get(0).get("unit").asText()).isEqualTo("PCS");
        assertThat(req.get("totalAmount").decimalValue()).isEqualByComparingTo("75.00");
        approveAll(id);
        orderedRequisition(id);
        List<Map<String, Object>> orders = ordersOf(id);
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("status")).isEqualTo("DRAFT");
        assertThat(linesOf(orders.get(0).get("id"))).hasSize(1);
    }

    @Test
    void linesInAnotherCurrencyAreConvertedIntoTheRequisitionTotal() {
        Catalogue c = catalogue();
        Map<String, Object> body = header();
        body.put("currency", "EUR");
        body.put("lines", List.of(line("itemId", c.itemX(), "quantity", 1),
                line("description", "US adapter kit", "quantity", 1, "unitPrice", "100.00", "currency", "USD")));
        Api.Response created = api.post("/api/v1/purchase-requisitions", token("employee"), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        BigDecimal usd = jdbc.queryForObject("select rate_to_eur from exchange_rate where currency = 'USD' "
                + "order by valid_from desc limit 1", BigDecimal.class);
        assertThat(created.body().get("totalAmount").decimalValue())
                .isEqualByComparingTo(new BigDecimal("20.00").add(new BigDecimal("100.00").multiply(usd))
                        .setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(created.body().get("lines").get(1).get("currency").asText()).isEqualTo("USD");
    }

    @Test
    void aBlockedSupplierIsRefusedAtSubmissionAndNothingIsWritten() {
        Catalogue c = catalogue();
        api.post("/api/v1/suppliers/" + c.supplierA() + "/block", token("buyer"), Map.of("reason", "Quality"));
        long requisitions = count("purchase_requisition");
        long lines = count("purchase_requisition_line");
        long instances = runtime.createProcessInstanceQuery().count();

        Map<String, Object> catalogueLine = header();
        catalogueLine.put("lines", List.of(line("itemId", c.itemX(), "quantity", 2)));
        Api.Response r = api.post("/api/v1/purchase-requisitions", token("employee"), catalogueLine);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("type")).isEqualTo("https://millflow.io/problems/supplier-blocked");
        assertThat(r.text("field")).isEqualTo("lines[0].itemId");
        assertThat(r.text("detail")).contains("blocked").contains("Quality");

        Map<String, Object> freeText = header();
        freeText.put("lines", List.of(line("description", "Anything", "quantity", 1, "unitPrice", "5", "currency",
                "EUR", "supplierId", c.supplierA())));
        Api.Response f = api.post("/api/v1/purchase-requisitions", token("employee"), freeText);
        assertThat(f.status()).isEqualTo(422);
        assertThat(f.text("field")).isEqualTo("lines[0].supplierId");

        assertThat(count("purchase_requisition")).isEqualTo(requisitions);
        assertThat(count("purchase_requisition_line")).isEqualTo(lines);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void badLinesAreProblemsNamingTheLineAndField() {
        Catalogue c = catalogue();
        long requisitions = count("purchase_requisition");
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("lines[0].unitPrice", line("itemId", c.itemX(), "quantity", 1, "unitPrice", "1.00"));
        cases.put("lines[0].supplierId", line("itemId", c.itemX(), "supplierId", c.supplierB(), "quantity", 1));
        cases.put("lines[0].quantity", line("itemId", c.itemY(), "supplierId", c.supplierB(), "quantity", 15));
        cases.put("lines[0].description", line("quantity", 1, "unitPrice", "1.00", "currency", "EUR"));
        cases.put("lines[0].unit", line("description", "x", "quantity", 1, "unitPrice", "1.00", "currency", "EUR",
                "unit", "PARSEC"));
        cases.put("lines[0].itemId", line("itemId", "00000000-0000-0000-0000-000000000009", "quantity", 1));
        for (Map.Entry<String, Map<String, Object>> e : cases.entrySet()) {
            Map<String, Object> body = header();
            body.put("lines", List.of(e.getValue()));
            Api.Response r = api.post("/api/v1/purchase-requisitions", token("employee"), body);
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.text("field")).as(r.raw()).isEqualTo(e.getKey());
        }
        Map<String, Object> both = header();
        both.put("itemDescription", "header and lines");
        both.put("lines", List.of(line("itemId", c.itemX(), "quantity", 1)));
        Api.Response r = api.post("/api/v1/purchase-requisitions", token("employee"), both);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text("field")).isEqualTo("itemDescription");
        assertThat(count("purchase_requisition")).isEqualTo(requisitions);
    }

    /** A requisition for 10 boxes of X from A, approved and ordered; returns the order row. */
    Map<String, Object> sentOrder(Catalogue c) {
        Map<String, Object> body = header();
        body.put("lines", List.of(line("itemId", c.itemX(), "quantity", 10)));
        String id = api.post("/api/v1/purchase-requisitions", token("employee"), body).text("id");
        approveAll(id);
        orderedRequisition(id);
        return ordersOf(id).get(0);
    }

    @Test
    void anOrderToASupplierBlockedAfterSubmissionStaysDraftUntilABuyerAssignsAnUnblockedSupplier() {
        Catalogue c = catalogue();
        Map<String, Object> body = header();
        body.put("lines", List.of(line("itemId", c.itemX(), "quantity", 10)));
        String id = api.post("/api/v1/purchase-requisitions", token("employee"), body).text("id");
        assertThat(api.post("/api/v1/suppliers/" + c.supplierA() + "/block", token("buyer"),
                Map.of("reason", "Audit pending")).status()).isEqualTo(200);
        approveAll(id);
        orderedRequisition(id);
        Map<String, Object> order = ordersOf(id).get(0);
        assertThat(order.get("status")).isEqualTo("DRAFT");
        assertThat(order.get("supplier")).isEqualTo(c.supplierA());
        String orderId = (String) order.get("id");

        long audit = count("audit_record");
        Api.Response refused = api.post("/api/v1/purchase-orders/" + orderId + "/supplier", token("buyer"),
                Map.of("supplierId", c.supplierA()));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("https://millflow.io/problems/supplier-blocked");
        assertThat(count("audit_record")).isEqualTo(audit);
        assertThat(ordersOf(id).get(0).get("status")).isEqualTo("DRAFT");

        api.post("/api/v1/suppliers/" + c.supplierA() + "/unblock", token("buyer"), Map.of());
        Api.Response assigned = api.post("/api/v1/purchase-orders/" + orderId + "/supplier", token("buyer"),
                Map.of("supplierId", c.supplierA()));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.text("status")).isEqualTo("SENT");
        assertThat(jdbc.queryForObject("select buyer from purchase_order where id = ?::uuid", String.class, orderId))
                .isEqualTo("buyer");
        Api.Response again = api.post("/api/v1/purchase-orders/" + orderId + "/supplier", token("buyer"),
                Map.of("supplierId", c.supplierB()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("https://millflow.io/problems/order-not-changeable");
    }

    @Test
    void aDraftOrderWithoutSupplierTakesTheAssignedSuppliersCurrencyAndCataloguePrice() {
        Catalogue c = catalogue();
        String usd = Purchasing.supplier(api, port, "USD", "USD").get("id").asText();
        Purchasing.supplierItem(api, port, usd, Purchasing.supplierItemBody(c.itemY(), "PCS", 2, 1, 1, false,
                Purchasing.breaks(1, "4.00")));
        Map<String, Object> body = header();
        body.put("lines", List.of(line("description", "Spacer rings", "quantity", 5, "unitPrice", "2.00",
                "currency", "EUR")));
        String id = api.post("/api/v1/purchase-requisitions", token("employee"), body).text("id");
        approveAll(id);
        orderedRequisition(id);
        String orderId = (String) ordersOf(id).get(0).get("id");
        Api.Response assigned = api.post("/api/v1/purchase-orders/" + orderId + "/supplier", token("admin"),
                Map.of("supplierId", usd));
        assertThat(assigned.status()).as(assigned.raw()).isEqualTo(200);
        assertThat(assigned.text("currency")).isEqualTo("USD");
        BigDecimal usdRate = jdbc.queryForObject("select rate_to_eur from exchange_rate where currency = 'USD' "
                + "order by valid_from desc limit 1", BigDecimal.class);
        assertThat(assigned.body().get("lines").get(0).get("unitPrice").decimalValue())
                .isEqualByComparingTo(new BigDecimal("2.00").divide(usdRate, 4, java.math.RoundingMode.HALF_UP));
    }

    Api.Response change(String user, String orderId, List<Map<String, Object>> lines) {
        return api.post("/api/v1/purchase-orders/" + orderId + "/changes", user == null ? null : token(user),
                Map.of("reason", "Plan changed", "lines", lines));
    }

    @Test
    void aChangeThatLowersTheTotalAppliesAtOnce() {
        Map<String, Object> order = sentOrder(catalogue());
        String orderId = (String) order.get("id");
        String lineId = (String) linesOf(orderId).get(0).get("id");
        Api.Response r = change("buyer", orderId, List.of(line("action", "CHANGE", "lineId", lineId, "quantity", 5,
                "deliveryDate", LocalDate.now().plusDays(45).toString())));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("APPLIED");
        assertThat(r.body().get("revision").asInt()).isEqualTo(1);
        Map<String, Object> line = linesOf(orderId).get(0);
        assertThat((BigDecimal) line.get("quantity")).isEqualByComparingTo("5");
        assertThat((BigDecimal) line.get("line_amount")).as("5 boxes at the ordered 18.00").isEqualByComparingTo("90.00");
        assertThat(line.get("delivery_date").toString()).isEqualTo(LocalDate.now().plusDays(45).toString());
        assertThat(jdbc.queryForObject("select total_amount from purchase_order where id = ?::uuid", BigDecimal.class,
                orderId)).isEqualByComparingTo("90.00");
        assertThat(jdbc.queryForList("select action from audit_record where entity_type = 'PurchaseOrder' and "
                + "entity_id = ? order by occurred_at", String.class, orderId)).containsExactly("CREATED", "CHANGED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(r.text("id")).count()).isZero();
    }

    @Test
    void aChangeThatRaisesTheTotalWaitsForTheApprovalChainOnTheNewTotal() {
        Catalogue c = catalogue();
        Map<String, Object> order = sentOrder(c);
        String orderId = (String) order.get("id");
        String lineId = (String) linesOf(orderId).get(0).get("id");
        // 10 boxes (180.00) → 100 boxes at 18.00 = 1,800.00 EUR: manager and department head
        Api.Response r = change("buyer", orderId, List.of(line("action", "CHANGE", "lineId", lineId, "quantity", 100),
                line("action", "ADD", "description", "Express freight", "quantity", 1, "unitPrice", "40.00")));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        assertThat(r.text("status")).isEqualTo("IN_APPROVAL");
        assertThat(r.body().get("newTotal").decimalValue()).isEqualByComparingTo("1840.00");
        assertThat(r.body().get("approvalLevels")).extracting(JsonNode::asText)
                .containsExactly("MANAGER", "DEPARTMENT_HEAD");
        String changeId = r.text("id");
        assertThat(linesOf(orderId)).hasSize(1);
        assertThat(jdbc.queryForObject("select total_amount from purchase_order where id = ?::uuid", BigDecimal.class,
                orderId)).as("nothing applied yet").isEqualByComparingTo("180.00");

        Api.Response second = change("buyer", orderId, List.of(line("action", "CHANGE", "lineId", lineId,
                "quantity", 9)));
        assertThat(second.status()).isEqualTo(409);

        approveAll(changeId);
        await().atMost(Duration.ofSeconds(20)).until(() -> "APPLIED".equals(jdbc.queryForObject(
                "select status from purchase_order_change where id = ?::uuid", String.class, changeId)));
        assertThat(jdbc.queryForObject("select total_amount from purchase_order where id = ?::uuid", BigDecimal.class,
                orderId)).isEqualByComparingTo("1840.00");
        assertThat(jdbc.queryForObject("select revision from purchase_order where id = ?::uuid", Integer.class,
                orderId)).isEqualTo(1);
        assertThat(linesOf(orderId)).extracting(l -> l.get("description")).last().isEqualTo("Express freight");
        assertThat(jdbc.queryForList("select role from purchase_order_change_approval where change_id = ?::uuid "
                + "order by level", String.class, changeId)).containsExactly("MANAGER", "DEPARTMENT_HEAD");
        JsonNode changes = api.get("/api/v1/purchase-orders/" + orderId + "/changes", token("manager")).body();
        assertThat(changes.get(0).get("status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void aRejectedRaiseLeavesTheOrderAsItWas() {
        Map<String, Object> order = sentOrder(catalogue());
        String orderId = (String) order.get("id");
        String lineId = (String) linesOf(orderId).get(0).get("id");
        Api.Response r = change("buyer", orderId, List.of(line("action", "CHANGE", "lineId", lineId,
                "unitPrice", "25.00")));
        assertThat(r.status()).isEqualTo(202);
        String changeId = r.text("id");
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(changeId).singleResult();
        assertThat(api.post("/api/v1/tasks/" + task.getId() + "/complete", token("buyer"),
                Map.of("approved", true)).status()).as("the buyer is no approver").isEqualTo(403);
        assertThat(api.post("/api/v1/tasks/" + task.getId() + "/complete", token("manager"),
                Map.of("approved", false, "comment", "Too expensive")).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select status from purchase_order_change where id = ?::uuid", String.class,
                changeId)).isEqualTo("REJECTED");
        assertThat((BigDecimal) linesOf(orderId).get(0).get("unit_price")).isEqualByComparingTo("18.00");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(changeId).count()).isZero();
    }

    @Test
    void cancellationIsRefusedOnceGoodsWereReceived() {
        Catalogue c = catalogue();
        String orderId = (String) sentOrder(c).get("id");
        Api.Response noReason = api.post("/api/v1/purchase-orders/" + orderId + "/cancellation", token("buyer"),
                Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.text("field")).isEqualTo("reason");

        String received = (String) sentOrder(c).get("id");
        jdbc.update("update purchase_order_line set received_quantity = 1 where purchase_order_id = ?::uuid", received);
        long audit = count("audit_record");
        Api.Response refused = api.post("/api/v1/purchase-orders/" + received + "/cancellation", token("buyer"),
                Map.of("reason", "Not needed"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).isEqualTo("https://millflow.io/problems/order-not-changeable");
        assertThat(count("audit_record")).isEqualTo(audit);
        assertThat(jdbc.queryForObject("select status from purchase_order where id = ?::uuid", String.class, received))
                .isEqualTo("SENT");

        Api.Response cancelled = api.post("/api/v1/purchase-orders/" + orderId + "/cancellation", token("buyer"),
                Map.of("reason", "Project stopped"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.text("cancelReason")).isEqualTo("Project stopped");
        assertThat(jdbc.queryForList("select action from audit_record where entity_type = 'PurchaseOrder' and "
                + "entity_id = ? order by occurred_at", String.class, orderId)).containsExactly("CREATED", "CANCELLED");
        Api.Response twice = api.post("/api/v1/purchase-orders/" + orderId + "/cancellation", token("buyer"),
                Map.of("reason", "again"));
        assertThat(twice.status()).isEqualTo(409);
        Api.Response changeAfter = change("buyer", orderId, List.of(line("action", "CANCEL", "lineId",
                linesOf(orderId).get(0).get("id"))));
        assertThat(changeAfter.status()).isEqualTo(409);
    }

    @ParameterizedTest
    @ValueSource(strings = {"employee", "warehouse", "supplier", "manager", "finance"})
    void onlyBuyersAndAdminsChangeCancelOrAssign(String user) {
        String orderId = (String) sentOrder(catalogue()).get("id");
        String lineId = (String) linesOf(orderId).get(0).get("id");
        long changes = count("purchase_order_change");
        assertThat(change(user, orderId, List.of(line("action", "CANCEL", "lineId", lineId))).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/purchase-orders/" + orderId + "/cancellation", token(user),
                Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/purchase-orders/" + orderId + "/supplier", token(user),
                Map.of("supplierId", "00000000-0000-0000-0000-000000000001")).status()).isEqualTo(403);
        assertThat(count("purchase_order_change")).isEqualTo(changes);
        assertThat(jdbc.queryForObject("select status from purchase_order where id = ?::uuid", String.class, orderId))
                .isEqualTo("SENT");
        if (List.of("employee", "warehouse", "supplier").contains(user)) {
            assertThat(api.get("/api/v1/purchase-orders/" + orderId + "/changes", token(user)).status()).isEqualTo(403);
        }
    }
}
