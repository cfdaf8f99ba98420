package io.millflow.app;

import static io.millflow.app.support.OrderFixtures.asn;
import static io.millflow.app.support.OrderFixtures.asnLine;
import static io.millflow.app.support.OrderFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.OrderFixtures;
import io.millflow.app.support.OrderFixtures.Line;
import io.millflow.app.support.OrderFixtures.Order;
import io.millflow.app.support.OrderFixtures.SupplierUser;
import io.millflow.app.support.Tokens;
import io.millflow.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The purchase-order process end to end over REST: sent → confirmed → two partial deliveries (notice, receipt 101
 * into receiving, put-away 311) → invoice → three-way match → CLOSED, with stock and value checked; and the mismatch
 * path through the buyer's inbox.
 */
@AppTest
class PurchaseOrderFlowTest {

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
    org.operaton.bpm.engine.ManagementService management;
    @Autowired
    org.operaton.bpm.engine.RuntimeService runtime;
    Api api;
    Inventory inv;
    OrderFixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
        fx = new OrderFixtures(jdbc, transactions, events, accounts, api, port);
    }

    private String buyer() {
        return Tokens.user(port, "buyer");
    }

    private JsonNode order(String id, String token) {
        Api.Response r = api.get("/api/v1/purchase-orders/" + id, token);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    /** Waits until the user sees a task of the order's process with this name; returns its id. */
    private String awaitTask(String username, String orderId, String name) {
        String token = Tokens.user(port, username);
        String[] found = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            for (JsonNode t : api.get("/api/v1/tasks", token).body()) {
                if (orderId.equals(t.get("businessKey").asText()) && name.equals(t.get("name").asText())) {
                    found[0] = t.get("id").asText();
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private JsonNode receive(JsonNode asn, String receivingId, List<Object> quantities) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < asn.get("lines").size(); i++) {
            lines.add(Map.of("asnLineId", asn.get("lines").get(i).get("id").asText(), "quantity", quantities.get(i)));
        }
        Api.Response r = api.post("/api/v1/goods-receipts", inv.warehouse(), Map.of("asnId", asn.get("id").asText(),
                "receivingLocationId", receivingId, "lines", lines), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    private void putAway(String orderId, JsonNode receipt, String bin) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (JsonNode l : receipt.get("lines")) {
            lines.add(Map.of("goodsReceiptLineId", l.get("id").asText(), "toLocationId", bin, "quantity",
                    l.get("quantity").decimalValue()));
        }
        Api.Response r = api.post("/api/v1/purchase-orders/" + orderId + "/put-away", inv.warehouse(),
                Map.of("lines", lines));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    @Test
    void twoPartialDeliveriesThenAMatchingInvoiceCloseTheOrderWithStockAndValueBooked() {
        Inventory.Warehouse wh = inv.warehouse(2);
        String bolts = inv.item("NONE", "B");
        String glue = inv.item("LOT", "C");
        SupplierUser supplier = fx.supplier("EUR");
        Order o = fx.order(supplier, wh.warehouseId(), "EUR",
                List.of(new Line(bolts, "10", "2.50"), new Line(glue, "4", "10.00")));
        String portal = fx.token(supplier);

        // sent: the supplier sees it in the portal list
        Api.Response mine = api.get("/api/v1/purchase-orders?size=500", portal);
        assertThat(mine.body().get("items").findValuesAsText("id")).contains(o.id());

        Api.Response confirmed = fx.confirmAll(supplier, o, List.of("10", "4"));
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");

        // first delivery: 6 bolts and all the glue
        Api.Response asn1 = api.post("/api/v1/asns", portal, asn(o, List.of(asnLine(o.lineIds().get(0), 6, null),
                asnLine(o.lineIds().get(1), 4, "G-7"))));
        assertThat(asn1.status()).as(asn1.raw()).isEqualTo(201);
        awaitTask("warehouse", o.id(), "Receive goods");
        JsonNode receipt1 = receive(asn1.body(), wh.receivingId(), List.of(6, 4));
        assertThat(receipt1.get("lines").get(1).get("lot").asText()).isEqualTo("G-7");
        assertThat(order(o.id(), buyer()).get("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(inv.stockAt(bolts, wh.receivingId())[0]).isEqualByComparingTo("6");
        assertThat(inv.stockAt(glue, wh.receivingId())[0]).isEqualByComparingTo("4");

        awaitTask("warehouse", o.id(), "Put away");
        putAway(o.id(), receipt1, wh.bins().get(0));
        assertThat(inv.stockAt(bolts, wh.receivingId())[0]).isEqualByComparingTo("0");
        assertThat(inv.stockAt(bolts, wh.bins().get(0))[0]).isEqualByComparingTo("6");

        // second delivery: the remaining 4 bolts
        Api.Response asn2 = api.post("/api/v1/asns", portal, asn(o, List.of(asnLine(o.lineIds().get(0), 4, null))));
        assertThat(asn2.status()).as(asn2.raw()).isEqualTo(201);
        awaitTask("warehouse", o.id(), "Receive goods");
        JsonNode receipt2 = receive(asn2.body(), wh.receivingId(), List.of(4));
        assertThat(order(o.id(), buyer()).get("status").asText()).isEqualTo("RECEIVED");
        awaitTask("warehouse", o.id(), "Put away");
        putAway(o.id(), receipt2, wh.bins().get(1));

        // invoice, matched three ways, closes the order
        Api.Response invoice = api.post("/api/v1/supplier-invoices", portal, invoice(o, "INV-" + o.number(), "EUR",
                List.of(new Object[] {o.lineIds().get(0), 10, "2.50"}, new Object[] {o.lineIds().get(1), 4, "10.00"})));
        assertThat(invoice.status()).as(invoice.raw()).isEqualTo(201);
        assertThat(invoice.body().get("totalAmount").decimalValue()).isEqualByComparingTo("65.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(fx.status(o.id())));

        JsonNode closed = order(o.id(), buyer());
        assertThat(closed.get("lines").get(0).get("receivedQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(closed.get("lines").get(0).get("invoicedQuantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(closed.get("lines").get(0).get("openQuantity").decimalValue()).isEqualByComparingTo("0");
        assertThat(closed.get("matches")).hasSize(1);
        assertThat(closed.get("matches").get(0).get("matched").asBoolean()).isTrue();
        assertThat(closed.get("receipts")).hasSize(2);
        assertThat(closed.get("putAways")).hasSize(2);
        assertThat(inv.stockAt(bolts, wh.bins().get(0))[0].add(inv.stockAt(bolts, wh.bins().get(1))[0]))
                .isEqualByComparingTo("10");
        assertThat(inv.stockAt(glue, wh.bins().get(0))[0]).isEqualByComparingTo("4");
        assertThat(inv.valuation(bolts, wh.siteId())[1]).isEqualByComparingTo("25.00");
        assertThat(inv.valuation(glue, wh.siteId())[1]).isEqualByComparingTo("40.00");
        Integer moves = jdbc.queryForObject("select count(*) from stock_move m join stock_document d on d.id = m.document_id "
                + "where d.reference = ? and d.movement_type = '101'", Integer.class, o.number());
        assertThat(moves).isEqualTo(3);

        // finance pays; the supplier sees it paid
        String invoiceId = invoice.text("id");
        Api.Response early = api.get("/api/v1/supplier-invoices/" + invoiceId, portal);
        assertThat(early.text("paymentStatus")).isEqualTo("APPROVED");
        assertThat(early.text("dueDate")).isNotNull();
        Api.Response paid = api.post("/api/v1/supplier-invoices/" + invoiceId + "/payment",
                Tokens.user(port, "finance"), Map.of("paymentReference", "PAY-1"));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/supplier-invoices/" + invoiceId, portal).text("paymentStatus")).isEqualTo("PAID");

        // every step left an audit record
        Api.Response audit = api.get("/api/v1/audit?entityType=PurchaseOrder&entityId=" + o.id() + "&size=100",
                Tokens.user(port, "admin"));
        assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
        assertThat(audit.raw()).contains("CONFIRMED", "PARTIALLY_RECEIVED", "RECEIVED", "PUT_AWAY", "CLOSED");
        Api.Response processAudit = api.get("/api/v1/audit?entityType=PurchaseOrderProcess&entityId=" + o.id(),
                Tokens.user(port, "admin"));
        assertThat(processAudit.raw()).contains("PROCESS_STARTED", "SENT");
        Api.Response receiptAudit = api.get("/api/v1/audit?entityType=GoodsReceipt&entityId="
                + receipt1.get("id").asText(), Tokens.user(port, "admin"));
        assertThat(receiptAudit.raw()).contains("RECEIVED");
    }

    @Test
    void aMismatchedInvoiceGoesToTheBuyerWhoRejectsItAndTheCorrectedOneCloses() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser supplier = fx.supplier("EUR");
        Order o = fx.order(supplier, wh.warehouseId(), "EUR", List.of(new Line(item, "5", "4.00")));
        String portal = fx.token(supplier);
        assertThat(fx.confirmAll(supplier, o, List.of("5")).status()).isEqualTo(200);
        Api.Response asn = api.post("/api/v1/asns", portal, asn(o, List.of(asnLine(o.lineIds().get(0), 5, null))));
        assertThat(asn.status()).as(asn.raw()).isEqualTo(201);
        awaitTask("warehouse", o.id(), "Receive goods");
        JsonNode receipt = receive(asn.body(), wh.receivingId(), List.of(5));
        awaitTask("warehouse", o.id(), "Put away");
        putAway(o.id(), receipt, wh.bins().get(0));

        // 4.50 instead of 4.00 is 12.5 % over: beyond the 5 % of a small line
        Api.Response wrong = api.post("/api/v1/supplier-invoices", portal, invoice(o, "W-" + o.number(), "EUR",
                List.<Object[]>of(new Object[] {o.lineIds().get(0), 5, "4.50"})));
        assertThat(wrong.status()).as(wrong.raw()).isEqualTo(201);
        String task = awaitTask("buyer", o.id(), "Resolve invoice mismatch");
        assertThat(api.get("/api/v1/supplier-invoices/" + wrong.text("id"), portal).text("status")).isEqualTo("MISMATCH");
        // a rejection needs a reason
        Api.Response noReason = api.post("/api/v1/tasks/" + task + "/complete", buyer(), Map.of("approved", false));
        assertThat(noReason.status()).as(noReason.raw()).isEqualTo(400);
        Api.Response rejected = api.post("/api/v1/tasks/" + task + "/complete", buyer(),
                Map.of("approved", false, "comment", "Price is 4.00 as ordered"));
        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(204);
        assertThat(api.get("/api/v1/supplier-invoices/" + wrong.text("id"), portal).text("status")).isEqualTo("REJECTED");
        assertThat(fx.status(o.id())).isEqualTo("RECEIVED");

        Api.Response corrected = api.post("/api/v1/supplier-invoices", portal, invoice(o, "C-" + o.number(), "EUR",
                List.<Object[]>of(new Object[] {o.lineIds().get(0), 5, "4.00"})));
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(fx.status(o.id())));
        JsonNode closed = order(o.id(), buyer());
        assertThat(closed.get("matches")).hasSize(2);
        assertThat(closed.get("lines").get(0).get("invoicedQuantity").decimalValue()).isEqualByComparingTo("5");
        assertThat(inv.valuation(item, wh.siteId())[1]).isEqualByComparingTo(new BigDecimal("20.00"));

        // a damaged unit goes back to the supplier (122); more than was received cannot
        String url = "/api/v1/purchase-orders/" + o.id() + "/returns";
        Api.Response tooMany = api.post(url, inv.warehouse(), Map.of("reason", "damaged", "lines", List.of(Map.of(
                "purchaseOrderLineId", o.lineIds().get(0), "fromLocationId", wh.bins().get(0), "quantity", 6))));
        assertThat(tooMany.status()).as(tooMany.raw()).isEqualTo(422);
        assertThat(inv.stockAt(item, wh.bins().get(0))[0]).isEqualByComparingTo("5");
        Api.Response returned = api.post(url, inv.warehouse(), Map.of("reason", "damaged", "lines", List.of(Map.of(
                "purchaseOrderLineId", o.lineIds().get(0), "fromLocationId", wh.bins().get(0), "quantity", 1))));
        assertThat(returned.status()).as(returned.raw()).isEqualTo(201);
        assertThat(returned.body().get("lines").get(0).get("returnedQuantity").decimalValue()).isEqualByComparingTo("1");
        assertThat(returned.body().get("returns")).hasSize(1);
        assertThat(inv.stockAt(item, wh.bins().get(0))[0]).isEqualByComparingTo("4");
        assertThat(api.post(url, Tokens.user(port, "buyer"), Map.of("reason", "x", "lines", List.of(Map.of(
                "purchaseOrderLineId", o.lineIds().get(0), "fromLocationId", wh.bins().get(0), "quantity", 1))))
                .status()).isEqualTo(403);
    }

    @Test
    void withoutAnAnswerTheSupplierIsRemindedAfterTwoDaysAndABuyerChasesAfterFive() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser supplier = fx.supplier("EUR");
        Order o = fx.order(supplier, wh.warehouseId(), "EUR", List.of(new Line(item, "2", "3.00")));
        String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(o.id()).singleResult().getId();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> management.createJobQuery().processInstanceId(pi).timers().count() == 2);
        List<org.operaton.bpm.engine.runtime.Job> timers = management.createJobQuery().processInstanceId(pi).timers()
                .orderByJobDuedate().asc().list();
        assertThat(timers).hasSize(2);

        management.executeJob(timers.get(0).getId()); // 2 days
        await().atMost(Duration.ofSeconds(20)).until(() -> order(o.id(), fx.token(supplier)).get("reminders").size() == 1);
        JsonNode reminder = order(o.id(), fx.token(supplier)).get("reminders").get(0);
        assertThat(reminder.get("kind").asText()).isEqualTo("REMINDER");
        assertThat(reminder.get("note").asText()).contains(o.number());

        management.executeJob(timers.get(1).getId()); // 5 days
        String chase = awaitTask("buyer", o.id(), "Chase confirmation");
        Api.Response chased = api.post("/api/v1/tasks/" + chase + "/complete", buyer(),
                Map.of("approved", true, "comment", "Called them: confirmation comes tomorrow"));
        assertThat(chased.status()).as(chased.raw()).isEqualTo(204);
        JsonNode reminders = order(o.id(), buyer()).get("reminders");
        assertThat(reminders).hasSize(2);
        assertThat(reminders.get(1).get("kind").asText()).isEqualTo("CHASE");
        assertThat(reminders.get(1).get("note").asText()).contains("tomorrow");

        assertThat(fx.confirmAll(supplier, o, List.of("2")).status()).isEqualTo(200);
        assertThat(management.createJobQuery().processInstanceId(pi).timers().count()).isZero();
    }
}
