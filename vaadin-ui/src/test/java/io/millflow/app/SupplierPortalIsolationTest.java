package io.millflow.app;

import static io.millflow.app.support.OrderFixtures.asn;
import static io.millflow.app.support.OrderFixtures.asnLine;
import static io.millflow.app.support.OrderFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.OrderFixtures;
import io.millflow.app.support.OrderFixtures.Line;
import io.millflow.app.support.OrderFixtures.Order;
import io.millflow.app.support.OrderFixtures.SupplierUser;
import io.millflow.security.UserAccounts;
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
 * Acceptance 2 of issue #5: a supplier user sees only their own supplier's orders, notices and invoices. Every portal
 * endpoint is called by supplier A with supplier B's ids (404, nothing changed) and listed (none of B's); the same
 * calls with A's own ids succeed, so a 404 is not an accident of a broken endpoint.
 */
@AppTest
class SupplierPortalIsolationTest {

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
    Api api;
    Inventory inv;
    OrderFixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
        fx = new OrderFixtures(jdbc, transactions, events, accounts, api, port);
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    private static void assertNotFound(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(404);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("type")).endsWith("/not-found");
    }

    @Test
    void supplierASeesNothingOfSupplierB() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser a = fx.supplier("EUR");
        SupplierUser b = fx.supplier("EUR");
        Order orderA = fx.order(a, wh.warehouseId(), "EUR", List.of(new Line(item, "10", "1.00")));
        Order orderB = fx.order(b, wh.warehouseId(), "EUR", List.of(new Line(item, "10", "1.00")));
        String tokenA = fx.token(a);
        String tokenB = fx.token(b);

        // B's own history: confirmed, a notice, an invoice
        assertThat(fx.confirmAll(b, orderB, List.of("10")).status()).isEqualTo(200);
        Api.Response asnB = api.post("/api/v1/asns", tokenB, asn(orderB, List.of(asnLine(orderB.lineIds().get(0), 10, null))));
        assertThat(asnB.status()).as(asnB.raw()).isEqualTo(201);
        Api.Response invoiceB = api.post("/api/v1/supplier-invoices", tokenB, invoice(orderB, "B-" + orderB.number(), "EUR",
                List.<Object[]>of(new Object[] {orderB.lineIds().get(0), 10, "1.00"})));
        assertThat(invoiceB.status()).as(invoiceB.raw()).isEqualTo(201);
        String asnIdB = asnB.text("id");
        String invoiceIdB = invoiceB.text("id");
        long asnsBefore = count("advance_shipping_notice");
        long invoicesBefore = count("supplier_invoice");

        // --- purchase orders
        List<String> listed = ids(api.get("/api/v1/purchase-orders?size=500", tokenA));
        assertThat(listed).contains(orderA.id()).doesNotContain(orderB.id());
        assertThat(ids(api.get("/api/v1/purchase-orders?size=500&supplierId=" + b.supplierId(), tokenA))).isEmpty();
        assertThat(ids(api.get("/api/v1/purchase-orders?size=500&q=" + orderB.number(), tokenA))).isEmpty();
        assertNotFound(api.get("/api/v1/purchase-orders/" + orderB.id(), tokenA));
        assertThat(api.get("/api/v1/purchase-orders/" + orderA.id(), tokenA).status()).isEqualTo(200);

        // --- confirmation of B's order
        Map<String, Object> answer = Map.of("lines", List.of(Map.of("purchaseOrderLineId", orderB.lineIds().get(0),
                "decision", "DECLINE", "declineReason", "not ours")));
        assertNotFound(api.post("/api/v1/purchase-orders/" + orderB.id() + "/confirmation", tokenA, answer));
        assertThat(jdbc.queryForObject("select confirmation from purchase_order_line where id = ?::uuid", String.class,
                orderB.lineIds().get(0))).isEqualTo("CONFIRMED");

        // --- shipping notices
        assertNotFound(api.post("/api/v1/asns", tokenA, asn(orderB, List.of(asnLine(orderB.lineIds().get(0), 1, null)))));
        assertThat(count("advance_shipping_notice")).isEqualTo(asnsBefore);
        assertThat(ids(api.get("/api/v1/asns?size=500", tokenA))).doesNotContain(asnIdB);
        assertThat(ids(api.get("/api/v1/asns?size=500&purchaseOrderId=" + orderB.id(), tokenA))).isEmpty();
        assertNotFound(api.get("/api/v1/asns/" + asnIdB, tokenA));
        assertThat(api.get("/api/v1/asns/" + asnIdB, tokenB).status()).isEqualTo(200);

        // --- invoices
        assertNotFound(api.post("/api/v1/supplier-invoices", tokenA, invoice(orderB, "A-" + orderB.number(), "EUR",
                List.<Object[]>of(new Object[] {orderB.lineIds().get(0), 1, "1.00"}))));
        assertThat(count("supplier_invoice")).isEqualTo(invoicesBefore);
        assertThat(ids(api.get("/api/v1/supplier-invoices?size=500", tokenA))).doesNotContain(invoiceIdB);
        assertThat(ids(api.get("/api/v1/supplier-invoices?size=500&purchaseOrderId=" + orderB.id(), tokenA))).isEmpty();
        assertNotFound(api.get("/api/v1/supplier-invoices/" + invoiceIdB, tokenA));
        assertNotFound(api.get("/api/v1/supplier-invoices/" + invoiceIdB + "/file", tokenA));
        Api.Response ownFile = api.get("/api/v1/supplier-invoices/" + invoiceIdB + "/file", tokenB);
        assertThat(ownFile.status()).isEqualTo(200);
        assertThat(ownFile.raw()).startsWith("%PDF-");

        // --- and B sees A's nothing either
        assertThat(ids(api.get("/api/v1/purchase-orders?size=500", tokenB))).contains(orderB.id())
                .doesNotContain(orderA.id());
        assertNotFound(api.get("/api/v1/purchase-orders/" + orderA.id(), tokenB));

        // --- a supplier never reaches the warehouse and finance endpoints
        assertThat(api.get("/api/v1/goods-receipts", tokenA).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/goods-receipts", tokenA, Map.of("asnId", asnIdB, "receivingLocationId",
                wh.receivingId(), "lines", List.of(Map.of("asnLineId", UUID.randomUUID().toString(), "quantity", 1))))
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/purchase-orders/" + orderA.id() + "/put-away", tokenA, Map.of("lines", List.of(
                Map.of("goodsReceiptLineId", UUID.randomUUID().toString(), "toLocationId", wh.bins().get(0), "quantity", 1))))
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/supplier-invoices/" + invoiceIdB + "/payment", tokenA,
                Map.of("paymentReference", "X")).status()).isEqualTo(403);
    }

    @Test
    void aSupplierUserWithoutASupplierSeesNoOrdersAndDraftOrdersAreNotShown() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser a = fx.supplier("EUR");
        Order sent = fx.order(a, wh.warehouseId(), "EUR", List.of(new Line(item, "1", "1.00")));
        // a DRAFT order of A's supplier (not sent yet: e.g. waiting for a change approval) stays hidden
        Order draft = fx.order(a, wh.warehouseId(), "EUR", List.of(new Line(item, "1", "1.00")));
        jdbc.update("update purchase_order set status = 'DRAFT' where id = ?::uuid", draft.id());
        assertNotFound(api.get("/api/v1/purchase-orders/" + draft.id(), fx.token(a)));
        assertThat(ids(api.get("/api/v1/purchase-orders?size=500", fx.token(a)))).contains(sent.id())
                .doesNotContain(draft.id());

        // a SUPPLIER user linked to no supplier is refused everything
        SupplierUser unlinked = fx.supplier("EUR");
        jdbc.update("update app_user set supplier_id = null where username = ?", unlinked.username());
        assertThat(api.get("/api/v1/purchase-orders?size=500", fx.token(unlinked)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/purchase-orders/" + sent.id(), fx.token(unlinked)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/asns", fx.token(unlinked)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/supplier-invoices", fx.token(unlinked)).status()).isEqualTo(403);
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }
}
