package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Purchasing;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.Tokens;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #5 through the REST API: reorder rules (CRUD, bad input, roles) and a replenishment run on ledger history
 * that proposes orders for the pairs at or below their reorder point, orders small ones at once (decision
 * replenishment-auto-approval) and sends a large one to a buyer, whose approval with a changed quantity is ordered.
 */
@AppTest
class ReplenishmentApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Inventory inv;
    Inventory.Warehouse wh;
    String buyer;
    String warehouseUser;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
        wh = inv.warehouse(2);
        buyer = Tokens.user(port, "buyer");
        warehouseUser = inv.warehouse();
    }

    private Map<String, Object> rule(String itemId, String type) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("itemId", itemId);
        r.put("warehouseId", wh.warehouseId());
        r.put("type", type);
        return r;
    }

    private Map<String, Object> fixed(String itemId, Object min, Object max) {
        Map<String, Object> r = rule(itemId, "FIXED_MIN_MAX");
        r.put("min", min);
        r.put("max", max);
        return r;
    }

    private JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    private long rulesOf(String itemId) {
        Api.Response r = api.get("/api/v1/reorder-rules?itemId=" + itemId, buyer);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("total").asLong();
    }

    private void assertProblem(Api.Response r, int status, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        if (field != null) {
            assertThat(r.text("field")).as(r.raw()).isEqualTo(field);
        }
    }

    @Test
    void buyersManageReorderRulesAndBadInputChangesNothing() {
        String item = inv.item("NONE", "B");
        Map<String, Object> forecast = rule(item, "FORECAST");
        forecast.put("serviceLevel", 97.5);
        forecast.put("coverDays", 21);
        forecast.put("packSize", 12);
        JsonNode r = created(api.post("/api/v1/reorder-rules", buyer, forecast));
        String id = r.get("id").asText();
        assertThat(r.get("type").asText()).isEqualTo("FORECAST");
        assertThat(r.get("serviceLevel").decimalValue()).isEqualByComparingTo("97.5");
        assertThat(r.get("coverDays").asInt()).isEqualTo(21);
        assertThat(r.get("active").asBoolean()).isTrue();
        assertThat(r.get("version").asLong()).isZero();

        // bad input: nothing is written
        assertProblem(api.post("/api/v1/reorder-rules", buyer, fixed(item, 50, 40)), 400, "max");
        Map<String, Object> tooHigh = rule(inv.item("NONE", "C"), "FORECAST");
        tooHigh.put("serviceLevel", 99.95);
        assertProblem(api.post("/api/v1/reorder-rules", buyer, tooHigh), 400, "serviceLevel");
        tooHigh.put("serviceLevel", 49);
        assertProblem(api.post("/api/v1/reorder-rules", buyer, tooHigh), 400, "serviceLevel");
        assertThat(rulesOf((String) tooHigh.get("itemId"))).isZero();
        Map<String, Object> unknownItem = fixed(UUID.randomUUID().toString(), 1, 2);
        assertProblem(api.post("/api/v1/reorder-rules", buyer, unknownItem), 400, "itemId");
        Map<String, Object> unknownWarehouse = fixed(inv.item("NONE", "C"), 1, 2);
        unknownWarehouse.put("warehouseId", UUID.randomUUID().toString());
        assertProblem(api.post("/api/v1/reorder-rules", buyer, unknownWarehouse), 400, "warehouseId");
        Map<String, Object> badPack = fixed(item, 1, 2);
        badPack.put("packSize", 0);
        assertProblem(api.put("/api/v1/reorder-rules/" + id, buyer, badPack), 400, "packSize");
        assertProblem(api.post("/api/v1/reorder-rules", buyer, fixed(item, 10, 20)), 409, null);
        assertThat(rulesOf(item)).isEqualTo(1);
        assertThat(api.get("/api/v1/reorder-rules/" + id, buyer).body().get("version").asLong()).isZero();

        // change with the version read; a stale version is refused
        Map<String, Object> change = fixed(item, 40, 160);
        change.put("version", 0);
        change.put("minimumOrderQuantity", 24);
        Api.Response changed = api.put("/api/v1/reorder-rules/" + id, Tokens.user(port, "admin"), change);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.text("type")).isEqualTo("FIXED_MIN_MAX");
        assertThat(changed.body().get("min").decimalValue()).isEqualByComparingTo("40");
        assertThat(changed.body().get("max").decimalValue()).isEqualByComparingTo("160");
        assertThat(changed.body().get("serviceLevel").isNull()).isTrue();
        assertThat(changed.body().get("version").asLong()).isEqualTo(1);
        assertProblem(api.put("/api/v1/reorder-rules/" + id, buyer, change), 409, null);

        assertThat(api.delete("/api/v1/reorder-rules/" + id, buyer).status()).isEqualTo(204);
        assertProblem(api.get("/api/v1/reorder-rules/" + id, buyer), 404, null);

        Api.Response audit = api.get("/api/v1/audit?entityType=ReorderRule&entityId=" + id, Tokens.user(port, "admin"));
        assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
        List<String> actions = audit.body().findValuesAsText("action");
        assertThat(actions).containsExactlyInAnyOrder("CREATED", "CHANGED", "DELETED");
    }

    @Test
    void onlyBuyersAndAdminsChangeRulesAndStartRunsAndInsidersWithStockRolesRead() {
        String item = inv.item("NONE", "C");
        for (String user : List.of("employee", "supplier")) {
            String token = Tokens.user(port, user);
            assertThat(api.get("/api/v1/reorder-rules", token).status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/replenishment-runs", token).status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/reorder-rules", token, fixed(item, 1, 2)).status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/replenishment-runs", token, Map.of()).status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/replenishment-forecast?itemId=" + item + "&warehouseId=" + wh.warehouseId(),
                    token).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/reorder-rules", warehouseUser).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/replenishment-runs", Tokens.user(port, "finance")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/reorder-rules", warehouseUser, fixed(item, 1, 2)).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/replenishment-runs", warehouseUser, Map.of()).status()).isEqualTo(403);
        assertThat(rulesOf(item)).isZero();
    }

    /** Issues {@code quantity} of an item from a bin to a cost centre on a past day. */
    private void issue(String itemId, String bin, int quantity, LocalDate day) {
        Map<String, Object> doc = Inventory.document("201", "CC-100", List.of(Inventory.line(itemId, quantity, bin, null)));
        doc.put("postingDate", day.toString());
        Api.Response r = api.post("/api/v1/stock-documents", warehouseUser, doc);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
    }

    /** The item's preferred supplier from now on: a new EUR supplier, no MOQ, sold singly at {@code price}. */
    private void terms(String itemId, int leadTimeDays, String price) {
        String supplierId = Purchasing.supplier(api, port, "RPL", "EUR").get("id").asText();
        Purchasing.supplierItem(api, port, supplierId, Purchasing.supplierItemBody(itemId, "PCS", leadTimeDays, 0, 1,
                true, Purchasing.breaks(0, new BigDecimal(price))));
    }

    private JsonNode run(String id) {
        Api.Response r = api.get("/api/v1/replenishment-runs/" + id, buyer);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private JsonNode proposalOf(String runId, String itemId) {
        for (int page = 0; ; page++) {
            Api.Response r = api.get("/api/v1/replenishment-runs/" + runId + "/proposals?size=500&page=" + page, buyer);
            assertThat(r.status()).as(r.raw()).isEqualTo(200);
            for (JsonNode p : r.body().get("items")) {
                if (p.get("itemId").asText().equals(itemId) && p.get("warehouseId").asText().equals(wh.warehouseId())) {
                    return p;
                }
            }
            if ((page + 1) * 500L >= r.body().get("total").asLong()) {
                return null;
            }
        }
    }

    private String startRun() {
        // a run of another test may still be computing
        Api.Response[] started = new Api.Response[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            started[0] = api.post("/api/v1/replenishment-runs", buyer, Map.of());
            return started[0].status() != 409;
        });
        JsonNode run = created(started[0]);
        assertThat(run.get("trigger").asText()).isEqualTo("MANUAL");
        assertThat(run.get("startedBy").asText()).isEqualTo("buyer");
        return run.get("id").asText();
    }

    private String reviewTask(String runId) {
        Api.Response r = api.get("/api/v1/tasks", buyer);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode t : r.body()) {
            if (runId.equals(t.get("businessKey").asText())) {
                assertThat(t.get("name").asText()).isEqualTo("Review replenishment proposals");
                return t.get("id").asText();
            }
        }
        return null;
    }

    @Test
    void aRunProposesOrdersBelowTheReorderPointOrdersSmallOnesAndSendsLargeOnesToABuyer() {
        LocalDate today = LocalDate.now();
        String bin = wh.bins().get(0);
        // fixed min/max, below min: on hand 100 - 70 = 30, reserved 6, position 24;
        // need 200 - 24 = 176, MOQ 60 -> 176, pack 12 -> 15 packs = 180; 180 x 2.50 EUR = 450 EUR (C) -> AUTO
        String low = inv.item("NONE", "C");
        inv.receive(low, bin, 100, "1.00");
        issue(low, bin, 70, today.minusDays(10));
        Api.Response reserved = api.post("/api/v1/reservations", warehouseUser, Map.of("itemId", low, "warehouseId",
                wh.warehouseId(), "quantity", 6, "purposeType", "COST_CENTRE", "purposeRef", "CC-100"));
        assertThat(reserved.status()).as(reserved.raw()).isEqualTo(201);
        Map<String, Object> lowRule = fixed(low, 50, 200);
        lowRule.put("minimumOrderQuantity", 60);
        lowRule.put("packSize", 12);
        created(api.post("/api/v1/reorder-rules", buyer, lowRule));
        terms(low, 3, "2.50");
        // fixed min/max, above min: position 120 > 50 -> nothing
        String high = inv.item("NONE", "C");
        inv.receive(high, bin, 120, "1.00");
        created(api.post("/api/v1/reorder-rules", buyer, fixed(high, 50, 200)));
        terms(high, 3, "2.50");
        // class A: 100 - 5 = 95 x 20 EUR = 1,900 EUR >= 500 EUR -> REVIEW
        String big = inv.item("NONE", "A");
        inv.receive(big, wh.bins().get(1), 5, "15.00");
        created(api.post("/api/v1/reorder-rules", buyer, fixed(big, 10, 100)));
        terms(big, 7, "20.00");
        // forecast-driven: 10 a working day for 8 weeks (about 7.1 a calendar day), 50 left, lead time 10 days
        String regular = inv.item("NONE", "B");
        inv.receive(regular, bin, 450, "4.00");
        int issued = 0;
        for (LocalDate day = today.minusDays(56); day.isBefore(today) && issued < 40; day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                issue(regular, bin, 10, day);
                issued++;
            }
        }
        Map<String, Object> regularRule = rule(regular, "FORECAST");
        regularRule.put("serviceLevel", 95);
        regularRule.put("leadTimeDays", 10);
        regularRule.put("coverDays", 14);
        regularRule.put("packSize", 10);
        created(api.post("/api/v1/reorder-rules", buyer, regularRule));
        terms(regular, 21, "4.00");

        String runId = startRun();
        await().atMost(Duration.ofSeconds(60)).until(() -> !"STARTED".equals(run(runId).get("status").asText())
                || run(runId).get("pairs").isInt());
        await().atMost(Duration.ofSeconds(30)).until(() -> "IN_REVIEW".equals(run(runId).get("status").asText()));
        JsonNode r = run(runId);
        assertThat(r.get("pairs").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(r.get("reviewProposals").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(r.get("autoProposals").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(proposalOf(runId, high)).as("above its reorder point").isNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> "ORDERED".equals(proposalOf(runId, low).get("status").asText()));
        JsonNode p = proposalOf(runId, low);
        assertThat(p.get("onHand").decimalValue()).isEqualByComparingTo("30");
        assertThat(p.get("reserved").decimalValue()).isEqualByComparingTo("6");
        assertThat(p.get("inventoryPosition").decimalValue()).isEqualByComparingTo("24");
        assertThat(p.get("reorderPoint").decimalValue()).isEqualByComparingTo("50");
        assertThat(p.get("orderUpTo").decimalValue()).isEqualByComparingTo("200");
        assertThat(p.get("quantity").decimalValue()).isEqualByComparingTo("180");
        assertThat(p.get("leadTimeDays").asInt()).isEqualTo(3);
        assertThat(p.get("unitPrice").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(p.get("valueEur").decimalValue()).isEqualByComparingTo("450.00");
        assertThat(p.get("decision").asText()).isEqualTo("AUTO");
        assertThat(p.get("decidedBy").asText()).isEqualTo("system");
        assertThat(p.get("requisitionNumber").asText()).matches("PR-\\d{4}-\\d{6}");
        Ordered lowOrder = accepted(p.get("id").asText());
        assertThat(lowOrder.number()).isEqualTo(p.get("requisitionNumber").asText());
        assertThat(lowOrder.quantity()).isEqualByComparingTo("180");
        assertThat(lowOrder.approvedBy()).isEqualTo("system");
        assertThat(lowOrder.neededBy()).isEqualTo(LocalDate.parse(r.get("asOf").asText()).plusDays(3));

        JsonNode f = proposalOf(runId, regular);
        assertThat(f).as("forecast-driven pair below its reorder point").isNotNull();
        assertThat(f.get("ruleType").asText()).isEqualTo("FORECAST");
        assertThat(f.get("forecastPerDay").asDouble()).isBetween(6.5, 8.0);
        double position = f.get("inventoryPosition").asDouble();
        assertThat(position).isEqualTo(50.0);
        // lead-time demand alone (9 days at about 7 a day) is more than the 50 left
        assertThat(f.get("reorderPoint").asDouble()).isGreaterThan(60).isGreaterThanOrEqualTo(position);
        assertThat(f.get("safetyStock").asDouble()).isGreaterThan(0);
        double quantity = f.get("quantity").asDouble();
        assertThat(quantity % 10).isZero();
        assertThat(quantity).isGreaterThanOrEqualTo(f.get("orderUpTo").asDouble() - position)
                .isLessThan(f.get("orderUpTo").asDouble() - position + 10);
        Api.Response chart = api.get("/api/v1/replenishment-forecast?itemId=" + regular + "&warehouseId="
                + wh.warehouseId(), warehouseUser);
        assertThat(chart.status()).as(chart.raw()).isEqualTo(200);
        assertThat(chart.body().get("reorderPoint").asDouble()).isCloseTo(f.get("reorderPoint").asDouble(), within(0.01));
        assertThat(chart.body().get("history")).hasSize(365);
        assertThat(chart.body().get("forecast").get(0).get("quantity").asDouble())
                .isCloseTo(f.get("forecastPerDay").asDouble(), within(0.001));

        JsonNode b = proposalOf(runId, big);
        assertThat(b.get("quantity").decimalValue()).isEqualByComparingTo("95");
        assertThat(b.get("valueEur").decimalValue()).isEqualByComparingTo("1900.00");
        assertThat(b.get("decision").asText()).isEqualTo("REVIEW");
        assertThat(b.get("status").asText()).isEqualTo("PROPOSED");
        String bigId = b.get("id").asText();
        Map<String, Object> adjust = Map.of("action", "APPROVE", "quantity", 90, "comment", "two boxes in transit");
        assertThat(api.post("/api/v1/replenishment-proposals/" + bigId + "/decision", warehouseUser, adjust).status())
                .isEqualTo(403);
        assertProblem(api.post("/api/v1/replenishment-proposals/" + bigId + "/decision", buyer,
                Map.of("action", "APPROVE", "quantity", -1)), 400, "quantity");
        Api.Response decided = api.post("/api/v1/replenishment-proposals/" + bigId + "/decision", buyer, adjust);
        assertThat(decided.status()).as(decided.raw()).isEqualTo(200);
        assertThat(decided.text("status")).isEqualTo("APPROVED");
        assertThat(decided.body().get("quantity").decimalValue()).isEqualByComparingTo("90");
        assertThat(decided.body().get("valueEur").decimalValue()).isEqualByComparingTo("1800.00");
        assertProblem(api.post("/api/v1/replenishment-proposals/" + p.get("id").asText() + "/decision", buyer,
                Map.of("action", "REJECT")), 409, null);

        String task = await().atMost(Duration.ofSeconds(30)).until(() -> reviewTask(runId), t -> t != null);
        Api.Response done = api.post("/api/v1/tasks/" + task + "/complete", buyer, Map.of("approved", true));
        assertThat(done.status()).as(done.raw()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(run(runId).get("status").asText()));
        JsonNode ordered = proposalOf(runId, big);
        assertThat(ordered.get("status").asText()).isEqualTo("ORDERED");
        Ordered bigOrder = accepted(bigId);
        assertThat(bigOrder.quantity()).isEqualByComparingTo("90");
        assertThat(bigOrder.approvedBy()).isEqualTo("buyer");
        assertThat(proposalOf(runId, regular).get("status").asText()).isEqualTo("ORDERED");

        // the next run counts what was ordered as inbound and proposes none of it again
        String second = startRun();
        await().atMost(Duration.ofSeconds(60)).until(() -> run(second).get("pairs").isInt());
        assertThat(proposalOf(second, low)).isNull();
        assertThat(proposalOf(second, big)).isNull();
        assertThat(proposalOf(second, regular)).isNull();
    }

    @Test
    void aProposalForAnItemWithoutSupplierCannotBeApprovedAndApprovingTheRestRejectsIt() {
        String bin = wh.bins().get(0);
        String orphan = inv.item("NONE", "C");
        inv.receive(orphan, bin, 3, "1.00");
        created(api.post("/api/v1/reorder-rules", buyer, fixed(orphan, 10, 50)));
        String runId = startRun();
        await().atMost(Duration.ofSeconds(60)).until(() -> "IN_REVIEW".equals(run(runId).get("status").asText()));
        JsonNode p = proposalOf(runId, orphan);
        assertThat(p.get("decision").asText()).as("unpriced").isEqualTo("REVIEW");
        assertThat(p.get("supplierId").isNull()).isTrue();
        Api.Response refused = api.post("/api/v1/replenishment-proposals/" + p.get("id").asText() + "/decision", buyer,
                Map.of("action", "APPROVE"));
        assertThat(refused.status()).as(refused.raw()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("no preferred supplier");
        assertThat(proposalOf(runId, orphan).get("status").asText()).isEqualTo("PROPOSED");

        String task = await().atMost(Duration.ofSeconds(30)).until(() -> reviewTask(runId), t -> t != null);
        Api.Response done = api.post("/api/v1/tasks/" + task + "/complete", buyer, Map.of("approved", true));
        assertThat(done.status()).as(done.raw()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(run(runId).get("status").asText()));
        JsonNode after = proposalOf(runId, orphan);
        assertThat(after.get("status").asText()).isEqualTo("REJECTED");
        assertThat(after.get("comment").asText()).isEqualTo("No preferred supplier to order from");
    }

    /** What procurement made of an ordered proposal: its requisition line and the purchase order line. */
    private Ordered accepted(String proposalId) {
        List<Ordered> found = jdbc.query("""
                select r.number, r.requester, r.source, l.quantity, l.needed_by, count(pol.id)
                  from purchase_requisition_line l join purchase_requisition r on r.id = l.requisition_id
                  left join purchase_order_line pol on pol.requisition_line_id = l.id
                 where l.proposal_id = ? group by 1, 2, 3, 4, 5""",
                (rs, n) -> new Ordered(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getObject(5, LocalDate.class), rs.getInt(6)), UUID.fromString(proposalId));
        assertThat(found).as("requisition line of proposal " + proposalId).hasSize(1);
        assertThat(found.get(0).source()).isEqualTo("REPLENISHMENT");
        assertThat(found.get(0).orderLines()).as("purchase order lines of proposal " + proposalId).isEqualTo(1);
        return found.get(0);
    }

    private record Ordered(String number, String approvedBy, String source, BigDecimal quantity, LocalDate neededBy,
            int orderLines) {
    }
}
