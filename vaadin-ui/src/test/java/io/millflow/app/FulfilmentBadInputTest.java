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
import io.millflow.app.support.Tokens;
import io.millflow.security.UserAccounts;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Acceptance 5 of issue #5 for fulfilment: bad input answers a clear problem and writes nothing (rows and stock
 * counted before and after); and every endpoint refuses the roles it does not name.
 */
@AppTest
class FulfilmentBadInputTest {

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

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static void assertProblem(Api.Response r, int status, String type, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("type")).isEqualTo("https://millflow.io/problems/" + type);
        assertThat(r.text("detail")).isNotBlank();
        if (field != null) {
            assertThat(r.text("field")).isEqualTo(field);
        }
    }

    @Test
    void aShippingNoticeForMoreThanOrderedIsRefusedAndNothingIsWritten() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String precious = inv.item("NONE", "A"); // class A: no over-delivery tolerance
        String cheap = inv.item("NONE", "C");    // class C: 10 %
        SupplierUser s = fx.supplier("EUR");
        Order o = fx.order(s, wh.warehouseId(), "EUR", List.of(new Line(precious, "10", "100.00"),
                new Line(cheap, "10", "1.00")));
        assertThat(fx.confirmAll(s, o, List.of("10", "10")).status()).isEqualTo(200);
        String token = fx.token(s);

        Api.Response over = api.post("/api/v1/asns", token, asn(o, List.of(asnLine(o.lineIds().get(0), 11, null))));
        assertProblem(over, 422, "over-quantity", "lines[0].quantity");
        assertThat(over.text("detail")).contains("10").contains("11");
        Api.Response overCheap = api.post("/api/v1/asns", token, asn(o, List.of(asnLine(o.lineIds().get(0), 1, null),
                asnLine(o.lineIds().get(1), 12, null))));
        assertProblem(overCheap, 422, "over-quantity", "lines[1].quantity");
        assertThat(count("select count(*) from advance_shipping_notice where purchase_order_id = ?::uuid", o.id()))
                .isZero();

        // within the tolerance of class C (10 % of 10): accepted; then the rest of the open quantity is what is left
        Api.Response within = api.post("/api/v1/asns", token, asn(o, List.of(asnLine(o.lineIds().get(1), 11, null))));
        assertThat(within.status()).as(within.raw()).isEqualTo(201);
        Api.Response again = api.post("/api/v1/asns", token, asn(o, List.of(asnLine(o.lineIds().get(1), 1, null))));
        assertProblem(again, 422, "over-quantity", "lines[0].quantity");
        assertThat(count("select count(*) from advance_shipping_notice where purchase_order_id = ?::uuid", o.id()))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"CLOSED", "CANCELLED"})
    void aReceiptForAClosedOrCancelledOrderIsRefusedAndNoStockIsPosted(String finalStatus) {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "B");
        SupplierUser s = fx.supplier("EUR");
        Order o = fx.order(s, wh.warehouseId(), "EUR", List.of(new Line(item, "5", "3.00")));
        assertThat(fx.confirmAll(s, o, List.of("5")).status()).isEqualTo(200);
        Api.Response asn = api.post("/api/v1/asns", fx.token(s), asn(o, List.of(asnLine(o.lineIds().get(0), 5, null))));
        assertThat(asn.status()).as(asn.raw()).isEqualTo(201);
        // the order is closed (or cancelled) while the goods are on their way
        jdbc.update("update purchase_order set status = ? where id = ?::uuid", finalStatus, o.id());
        long moves = count("select count(*) from stock_move");
        long receipts = count("select count(*) from goods_receipt");

        Api.Response r = api.post("/api/v1/goods-receipts", inv.warehouse(), Map.of("asnId", asn.text("id"),
                "receivingLocationId", wh.receivingId(), "lines", List.of(Map.of("asnLineId",
                        asn.body().get("lines").get(0).get("id").asText(), "quantity", 5))),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));

        assertProblem(r, 409, "purchase-order-state", null);
        assertThat(r.text("detail")).contains(finalStatus);
        assertThat(count("select count(*) from stock_move")).isEqualTo(moves);
        assertThat(count("select count(*) from goods_receipt")).isEqualTo(receipts);
        assertThat(inv.stockAt(item, wh.receivingId())[0]).isEqualByComparingTo("0");
        assertThat(jdbc.queryForObject("select received_quantity from purchase_order_line where id = ?::uuid",
                java.math.BigDecimal.class, o.lineIds().get(0))).isEqualByComparingTo("0");
    }

    @Test
    void receivingMoreThanTheToleranceOrIntoAShelfThatIsNotReceivingIsRefused() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "B"); // 5 %
        SupplierUser s = fx.supplier("EUR");
        Order o = fx.order(s, wh.warehouseId(), "EUR", List.of(new Line(item, "20", "1.00")));
        assertThat(fx.confirmAll(s, o, List.of("20")).status()).isEqualTo(200);
        Api.Response asn = api.post("/api/v1/asns", fx.token(s), asn(o, List.of(asnLine(o.lineIds().get(0), 20, null))));
        String asnLine = asn.body().get("lines").get(0).get("id").asText();
        long moves = count("select count(*) from stock_move");

        Api.Response tooMuch = api.post("/api/v1/goods-receipts", inv.warehouse(), Map.of("asnId", asn.text("id"),
                "receivingLocationId", wh.receivingId(), "lines", List.of(Map.of("asnLineId", asnLine, "quantity", 22))));
        assertProblem(tooMuch, 422, "over-quantity", "lines[0].quantity");
        Api.Response shelf = api.post("/api/v1/goods-receipts", inv.warehouse(), Map.of("asnId", asn.text("id"),
                "receivingLocationId", wh.bins().get(0), "lines", List.of(Map.of("asnLineId", asnLine, "quantity", 20))));
        assertProblem(shelf, 400, "invalid-input", "receivingLocationId");
        assertThat(count("select count(*) from stock_move")).isEqualTo(moves);

        // 21 is within 5 %: received
        Api.Response ok = api.post("/api/v1/goods-receipts", inv.warehouse(), Map.of("asnId", asn.text("id"),
                "receivingLocationId", wh.receivingId(), "lines", List.of(Map.of("asnLineId", asnLine, "quantity", 21))));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(inv.stockAt(item, wh.receivingId())[0]).isEqualByComparingTo("21");
    }

    @Test
    void anInvoiceInTheWrongCurrencyADuplicateNumberOrNotAPdfIsRefusedAndNothingIsWritten() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser s = fx.supplier("EUR");
        Order o = fx.order(s, wh.warehouseId(), "EUR", List.of(new Line(item, "2", "5.00")));
        assertThat(fx.confirmAll(s, o, List.of("2")).status()).isEqualTo(200);
        String token = fx.token(s);
        List<Object[]> lines = List.<Object[]>of(new Object[] {o.lineIds().get(0), 2, "5.00"});
        long invoices = count("select count(*) from supplier_invoice");
        long files = count("select count(*) from supplier_invoice_file");

        Api.Response usd = api.post("/api/v1/supplier-invoices", token, invoice(o, "USD-" + o.number(), "USD", lines));
        assertProblem(usd, 422, "currency-mismatch", "currency");
        assertThat(usd.text("detail")).contains("USD").contains("EUR");

        Map<String, Object> notPdf = invoice(o, "TXT-" + o.number(), "EUR", lines);
        notPdf.put("file", Map.of("name", "x.pdf", "contentType", "application/pdf", "contentBase64",
                java.util.Base64.getEncoder().encodeToString("just text".getBytes())));
        assertProblem(api.post("/api/v1/supplier-invoices", token, notPdf), 400, "invalid-input", "file.contentBase64");
        Map<String, Object> word = invoice(o, "DOC-" + o.number(), "EUR", lines);
        word.put("file", Map.of("name", "x.doc", "contentType", "application/msword", "contentBase64", "JVBERi0="));
        assertProblem(api.post("/api/v1/supplier-invoices", token, word), 400, "invalid-input", "file.contentType");
        assertThat(count("select count(*) from supplier_invoice")).isEqualTo(invoices);
        assertThat(count("select count(*) from supplier_invoice_file")).isEqualTo(files);

        assertThat(api.post("/api/v1/supplier-invoices", token, invoice(o, "N-" + o.number(), "EUR", lines)).status())
                .isEqualTo(201);
        Api.Response duplicate = api.post("/api/v1/supplier-invoices", token, invoice(o, "N-" + o.number(), "EUR", lines));
        assertProblem(duplicate, 409, "duplicate-invoice", "invoiceNumber");
        assertThat(count("select count(*) from supplier_invoice")).isEqualTo(invoices + 1);
    }

    @Test
    void confirmationsNeedQuantityDateOrReason() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser s = fx.supplier("EUR");
        Order o = fx.order(s, wh.warehouseId(), "EUR", List.of(new Line(item, "2", "5.00")));
        String url = "/api/v1/purchase-orders/" + o.id() + "/confirmation";
        String line = o.lineIds().get(0);
        assertProblem(api.post(url, fx.token(s), Map.of("lines", List.of(Map.of("purchaseOrderLineId", line,
                "decision", "CONFIRM", "confirmedQuantity", 3, "promisedDate", "2099-01-01")))), 400, "invalid-input",
                "lines[0].confirmedQuantity");
        assertProblem(api.post(url, fx.token(s), Map.of("lines", List.of(Map.of("purchaseOrderLineId", line,
                "decision", "DECLINE")))), 400, "invalid-input", "lines[0].declineReason");
        assertThat(jdbc.queryForObject("select confirmation from purchase_order_line where id = ?::uuid", String.class,
                line)).isEqualTo("OPEN");
        assertThat(fx.status(o.id())).isEqualTo("SENT");
    }

    @ParameterizedTest(name = "{0} may not {1} {2}")
    @CsvSource({
            "employee, GET, /api/v1/purchase-orders",
            "head, GET, /api/v1/purchase-orders",
            "owner, GET, /api/v1/purchase-orders",
            "employee, GET, /api/v1/asns",
            "employee, GET, /api/v1/supplier-invoices",
            "employee, GET, /api/v1/goods-receipts",
            "buyer, POST, /api/v1/asns",
            "warehouse, POST, /api/v1/asns",
            "buyer, POST, /api/v1/purchase-orders/{po}/confirmation",
            "warehouse, POST, /api/v1/supplier-invoices",
            "buyer, POST, /api/v1/supplier-invoices",
            "employee, POST, /api/v1/goods-receipts",
            "buyer, POST, /api/v1/goods-receipts",
            "finance, POST, /api/v1/purchase-orders/{po}/put-away",
            "buyer, POST, /api/v1/purchase-orders/{po}/returns",
            "buyer, POST, /api/v1/supplier-invoices/{inv}/payment",
            "warehouse, POST, /api/v1/supplier-invoices/{inv}/payment"})
    void otherRolesAreRefused(String user, String method, String path) {
        String url = path.replace("{po}", UUID.randomUUID().toString()).replace("{inv}", UUID.randomUUID().toString());
        String token = Tokens.user(port, user);
        Api.Response r = "GET".equals(method) ? api.get(url, token) : api.post(url, token, bodyFor(path));
        assertThat(r.status()).as(user + " " + method + " " + url + ": " + r.raw()).isEqualTo(403);
        assertThat(r.text("type")).endsWith("/forbidden");
    }

    @Test
    void openApiDescribesTheFulfilmentEndpoints() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        for (String path : List.of("/api/v1/purchase-orders", "/api/v1/purchase-orders/{id}",
                "/api/v1/purchase-orders/{id}/confirmation", "/api/v1/purchase-orders/{id}/put-away",
                "/api/v1/purchase-orders/{id}/returns", "/api/v1/asns", "/api/v1/asns/{id}", "/api/v1/goods-receipts",
                "/api/v1/goods-receipts/{id}", "/api/v1/supplier-invoices", "/api/v1/supplier-invoices/{id}",
                "/api/v1/supplier-invoices/{id}/file", "/api/v1/supplier-invoices/{id}/payment")) {
            assertThat(docs.body().get("paths").has(path)).as(path).isTrue();
        }
    }

    /** A well-formed body, so that the refusal is the role check and not input validation. */
    private static Object bodyFor(String path) {
        String id = UUID.randomUUID().toString();
        String today = java.time.LocalDate.now().toString();
        if (path.endsWith("/confirmation")) {
            return Map.of("lines", List.of(Map.of("purchaseOrderLineId", id, "decision", "DECLINE", "declineReason", "x")));
        }
        if (path.endsWith("/asns")) {
            return Map.of("purchaseOrderId", id, "carrierCode", "DHL", "shipDate", today, "lines",
                    List.of(Map.of("purchaseOrderLineId", id, "quantity", 1)));
        }
        if (path.endsWith("/supplier-invoices")) {
            return Map.of("purchaseOrderId", id, "invoiceNumber", "X", "invoiceDate", today, "currency", "EUR",
                    "lines", List.of(Map.of("purchaseOrderLineId", id, "quantity", 1, "unitPrice", 1)),
                    "file", Map.of("name", "x.pdf", "contentType", "application/pdf", "contentBase64", "JVBERi0="));
        }
        if (path.endsWith("/goods-receipts")) {
            return Map.of("asnId", id, "receivingLocationId", id, "lines", List.of(Map.of("asnLineId", id, "quantity", 1)));
        }
        if (path.endsWith("/put-away")) {
            return Map.of("lines", List.of(Map.of("goodsReceiptLineId", id, "toLocationId", id, "quantity", 1)));
        }
        if (path.endsWith("/returns")) {
            return Map.of("reason", "x", "lines", List.of(Map.of("purchaseOrderLineId", id, "fromLocationId", id,
                    "quantity", 1)));
        }
        return Map.of("paymentReference", "x");
    }
}
