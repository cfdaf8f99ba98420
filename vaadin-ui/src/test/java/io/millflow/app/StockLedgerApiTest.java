package io.millflow.app;

import static io.millflow.app.support.Inventory.document;
import static io.millflow.app.support.Inventory.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.Tokens;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The stock ledger over REST: concurrency, all-or-nothing documents, reversals, idempotency, roles. */
@AppTest
class StockLedgerApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Inventory inv;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
    }

    @Test
    void thousandConcurrentReservationsOfOneUnitGetExactlyTheTenAvailable() throws Exception {
        Inventory.Warehouse wh = inv.warehouse(2);
        String item = inv.item("NONE", "B");
        inv.receive(item, wh.bins().get(0), 6, "1.00");
        inv.receive(item, wh.bins().get(1), 4, "1.00");
        String token = inv.warehouse();
        Map<String, Object> body = Map.of("itemId", item, "warehouseId", wh.warehouseId(), "quantity", 1,
                "purposeType", "PROJECT", "purposeRef", "P-RACE");

        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            calls.add(pool.submit(() -> api.post("/api/v1/reservations", token, body)));
        }
        int created = 0;
        int conflicts = 0;
        for (Future<Api.Response> f : calls) {
            Api.Response r = f.get(120, TimeUnit.SECONDS);
            if (r.status() == 201) {
                created++;
            } else {
                assertThat(r.status()).as(r.raw()).isEqualTo(409);
                assertThat(r.contentType()).contains("application/problem+json");
                assertThat(r.text("type")).endsWith("/insufficient-stock");
                conflicts++;
            }
        }
        pool.shutdown();
        assertThat(created).isEqualTo(10);
        assertThat(conflicts).isEqualTo(990);

        BigDecimal[] a = inv.stockAt(item, wh.bins().get(0));
        BigDecimal[] b = inv.stockAt(item, wh.bins().get(1));
        assertThat(a[0].add(b[0])).isEqualByComparingTo("10");
        assertThat(a[1].add(b[1])).isEqualByComparingTo("10");
        assertThat(a[2].add(b[2])).isEqualByComparingTo("0");
        assertThat(a[0].subtract(a[1])).isEqualByComparingTo(a[2]);
        Api.Response list = api.get("/api/v1/reservations?itemId=" + item + "&status=OPEN&size=100", token);
        assertThat(list.body().get("total").asLong()).isEqualTo(10);

        // an issue that is not consuming a reservation may not take reserved stock
        Api.Response issue = api.post("/api/v1/stock-documents", token,
                document("201", "CC-4711", List.of(line(item, 1, wh.bins().get(0), null))));
        assertThat(issue.status()).as(issue.raw()).isEqualTo(409);
        assertThat(issue.text("field")).isEqualTo("lines[0].quantity");

        // release one, consume one: available and on hand follow
        String first = list.body().get("items").get(0).get("id").asText();
        String second = list.body().get("items").get(1).get("id").asText();
        assertThat(api.post("/api/v1/reservations/" + first + "/release", token, Map.of()).status()).isEqualTo(200);
        Api.Response consumed = api.post("/api/v1/reservations/" + second + "/consumption", token, Map.of());
        assertThat(consumed.status()).as(consumed.raw()).isEqualTo(201);
        assertThat(consumed.text("movementType")).isEqualTo("221");
        a = inv.stockAt(item, wh.bins().get(0));
        b = inv.stockAt(item, wh.bins().get(1));
        assertThat(a[0].add(b[0])).isEqualByComparingTo("9");
        assertThat(a[1].add(b[1])).isEqualByComparingTo("8");
        assertThat(a[2].add(b[2])).isEqualByComparingTo("1");
        assertThat(api.post("/api/v1/reservations/" + second + "/release", token, Map.of()).status()).isEqualTo(409);
    }

    @Test
    void sixteenThreadsPostingTheSameItemLoseAndDuplicateNothing() throws Exception {
        Inventory.Warehouse wh = inv.warehouse(2);
        String item = inv.item("NONE", "C");
        String binA = wh.bins().get(0);
        String binB = wh.bins().get(1);
        inv.receive(item, binA, 100, "2.00");
        String token = inv.warehouse();
        AtomicInteger receipts = new AtomicInteger();
        AtomicInteger issues = new AtomicInteger();
        AtomicInteger transfers = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            threads.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    Api.Response r;
                    switch ((thread + i) % 3) {
                        case 0 -> {
                            Map<String, Object> l = line(item, 3, null, thread % 2 == 0 ? binA : binB);
                            l.put("unitCost", "2.50");
                            r = api.post("/api/v1/stock-documents", token, document("501", null, List.of(l)));
                            if (r.status() == 201) {
                                receipts.incrementAndGet();
                            }
                        }
                        case 1 -> {
                            r = api.post("/api/v1/stock-documents", token, document("201", "CC-100",
                                    List.of(line(item, 2, thread % 2 == 0 ? binB : binA, null))));
                            if (r.status() == 201) {
                                issues.incrementAndGet();
                            }
                        }
                        default -> {
                            r = api.post("/api/v1/stock-documents", token, document("311", null, List.of(
                                    line(item, 1, binA, binB), line(item, 1, binB, binA))));
                            if (r.status() == 201) {
                                transfers.incrementAndGet();
                            }
                        }
                    }
                    if (r.status() != 201) {
                        assertThat(r.status()).as(r.raw()).isEqualTo(409);
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : threads) {
            f.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(receipts.get() + issues.get() + transfers.get() + refused.get()).isEqualTo(320);
        assertThat(receipts.get()).isGreaterThan(100);

        BigDecimal expected = BigDecimal.valueOf(100L + 3L * receipts.get() - 2L * issues.get());
        BigDecimal onHand = inv.stockAt(item, binA)[0].add(inv.stockAt(item, binB)[0]);
        assertThat(onHand).isEqualByComparingTo(expected);
        BigDecimal moves = jdbc.queryForObject("select coalesce(sum(case when tl.virtual then 0 else m.quantity end), 0) "
                + "- coalesce(sum(case when fl.virtual then 0 else m.quantity end), 0) from stock_move m "
                + "join location fl on fl.id = m.from_location_id join location tl on tl.id = m.to_location_id "
                + "where m.item_id = ?::uuid", BigDecimal.class, item);
        assertThat(moves).isEqualByComparingTo(expected);
        Long documents = jdbc.queryForObject("select count(distinct document_id) from stock_move where item_id = ?::uuid",
                Long.class, item);
        assertThat(documents).isEqualTo(1L + receipts.get() + issues.get() + transfers.get());
        BigDecimal[] val = inv.valuation(item, wh.siteId());
        assertThat(val[0]).isEqualByComparingTo(expected);
    }

    @Test
    void aFiveThousandLineReceiptWithOneBadLinePostsNothingAndNamesTheLine() {
        Inventory.Warehouse wh = inv.warehouse(5);
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(inv.item(i % 2 == 0 ? "NONE" : "LOT", "C"));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            Map<String, Object> l = line(items.get(i % 10), 1 + i % 7, null, wh.bins().get(i % 5));
            l.put("unitCost", "1.25");
            if (i % 10 % 2 == 1) {
                l.put("lot", "L" + (i % 3));
            }
            lines.add(l);
        }
        lines.get(4321).put("toLocationId", wh.aisleId()); // a VIEW location holds no stock
        long movesBefore = count("stock_move");
        long docsBefore = count("stock_document");
        long lotsBefore = count("lot");
        long quantsBefore = count("quant");
        long auditBefore = count("audit_record");

        Api.Response r = api.post("/api/v1/stock-documents", inv.warehouse(), document("101", "PO-2026-000777", lines));
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("field")).isEqualTo("lines[4321].toLocationId");
        assertThat(r.text("detail")).contains("VIEW");
        assertThat(count("stock_move")).isEqualTo(movesBefore);
        assertThat(count("stock_document")).isEqualTo(docsBefore);
        assertThat(count("lot")).isEqualTo(lotsBefore);
        assertThat(count("quant")).isEqualTo(quantsBefore);
        assertThat(count("audit_record")).isEqualTo(auditBefore);

        // a failure late in posting (after lots were created) rolls back as well: an issue line short of stock
        lines.get(4321).put("toLocationId", wh.bins().get(0));
        Api.Response ok = api.post("/api/v1/stock-documents", inv.warehouse(), document("101", "PO-2026-000777", lines));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.body().get("lineCount").asInt()).isEqualTo(5000);
        assertThat(count("stock_move")).isEqualTo(movesBefore + 5000);
        Api.Response doc = api.get("/api/v1/stock-documents/" + ok.text("id"), inv.warehouse());
        assertThat(doc.body().get("lines")).hasSize(5000);
        assertThat(doc.body().get("lines").get(4321).get("toLocationId").asText()).isEqualTo(wh.bins().get(0));
    }

    @Test
    void reversalRestoresQuantitiesAndValueExactlyAndOnlyOnce() {
        Inventory.Warehouse wh = inv.warehouse(2);
        String item = inv.item("NONE", "A");
        String bin = wh.bins().get(0);
        inv.receive(item, bin, 7, "3.33");
        inv.receive(item, bin, 5, "1.10");
        // an issue at the moving average, then a receipt: both reversed, each restoring exactly what it changed
        BigDecimal[] before = inv.valuation(item, wh.siteId());
        JsonNode issue = inv.post(document("221", "PRJ-1", List.of(line(item, 4, bin, null))));
        BigDecimal[] afterIssue = inv.valuation(item, wh.siteId());
        assertThat(afterIssue[0]).isEqualByComparingTo(before[0].subtract(BigDecimal.valueOf(4)));
        JsonNode receipt = inv.receive(item, bin, 9, "7.777");
        BigDecimal[] afterReceipt = inv.valuation(item, wh.siteId());
        assertThat(afterReceipt[1]).isEqualByComparingTo(afterIssue[1].add(new BigDecimal("69.993")));

        Api.Response rev = api.post("/api/v1/stock-documents/" + receipt.get("id").asText() + "/reversal", inv.warehouse(),
                Map.of("reason", "wrong price"));
        assertThat(rev.status()).as(rev.raw()).isEqualTo(201);
        assertThat(rev.text("movementType")).isEqualTo("502");
        assertThat(inv.valuation(item, wh.siteId())).containsExactly(afterIssue);

        Api.Response revIssue = api.post("/api/v1/stock-documents/" + issue.get("id").asText() + "/reversal",
                inv.warehouse(), Map.of());
        assertThat(revIssue.status()).as(revIssue.raw()).isEqualTo(201);
        assertThat(revIssue.text("movementType")).isEqualTo("222");
        BigDecimal[] end = inv.valuation(item, wh.siteId());
        assertThat(end[0]).isEqualByComparingTo(before[0]);
        assertThat(end[1]).isEqualByComparingTo(before[1]);
        assertThat(inv.stockAt(item, bin)[0]).isEqualByComparingTo("12");

        Api.Response again = api.post("/api/v1/stock-documents/" + receipt.get("id").asText() + "/reversal",
                inv.warehouse(), Map.of());
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/already-reversed");
        Api.Response ofReversal = api.post("/api/v1/stock-documents/" + rev.text("id") + "/reversal", inv.warehouse(),
                Map.of());
        assertThat(ofReversal.status()).as(ofReversal.raw()).isEqualTo(409);
        Api.Response original = api.get("/api/v1/stock-documents/" + receipt.get("id").asText(), inv.warehouse());
        assertThat(original.text("reversedBy")).isEqualTo(rev.text("id"));
    }

    @Test
    void aRepeatedIdempotencyKeyPostsOnce() throws Exception {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "B");
        Map<String, Object> l = line(item, 5, null, wh.bins().get(0));
        l.put("unitCost", "4.00");
        Map<String, Object> doc = document("501", "once", List.of(l));
        String key = Inventory.unique("key-");
        // the same key sent at the same time and again later
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(pool.submit(() -> api.post("/api/v1/stock-documents", inv.warehouse(), doc,
                    Map.of("Idempotency-Key", key))));
        }
        List<String> ids = new ArrayList<>();
        int replayed = 0;
        for (Future<Api.Response> f : calls) {
            Api.Response r = f.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            ids.add(r.text("id"));
            replayed += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
        }
        pool.shutdown();
        Api.Response later = api.post("/api/v1/stock-documents", inv.warehouse(), doc, Map.of("Idempotency-Key", key));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        ids.add(later.text("id"));
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(replayed).isEqualTo(3);
        assertThat(inv.stockAt(item, wh.bins().get(0))[0]).isEqualByComparingTo("5");

        Map<String, Object> other = document("501", "different", List.of(l));
        Api.Response reused = api.post("/api/v1/stock-documents", inv.warehouse(), other, Map.of("Idempotency-Key", key));
        assertThat(reused.status()).as(reused.raw()).isEqualTo(422);
        assertThat(reused.text("type")).endsWith("/idempotency-key-reused");
        assertThat(inv.stockAt(item, wh.bins().get(0))[0]).isEqualByComparingTo("5");

        // reservations honour the key too
        String rkey = Inventory.unique("rkey-");
        Map<String, Object> res = Map.of("itemId", item, "warehouseId", wh.warehouseId(), "quantity", 2,
                "purposeType", "COST_CENTRE", "purposeRef", "CC-1");
        Api.Response r1 = api.post("/api/v1/reservations", inv.warehouse(), res, Map.of("Idempotency-Key", rkey));
        Api.Response r2 = api.post("/api/v1/reservations", inv.warehouse(), res, Map.of("Idempotency-Key", rkey));
        assertThat(r1.status()).isEqualTo(201);
        assertThat(r2.text("id")).isEqualTo(r1.text("id"));
        assertThat(inv.stockAt(item, wh.bins().get(0))[1]).isEqualByComparingTo("2");
    }

    @Test
    void transfersPostTheirMovesWhenDone() {
        Inventory.Warehouse wh = inv.warehouse(2);
        String item = inv.item("NONE", "B");
        inv.receive(item, wh.receivingId(), 24, "1.00");
        Map<String, Object> l = line(item, 1, wh.receivingId(), wh.bins().get(1));
        l.put("unit", "BOX");
        Api.Response t = api.post("/api/v1/transfers", inv.warehouse(), Map.of("reference", "put-away", "lines", List.of(l)));
        assertThat(t.status()).as(t.raw()).isEqualTo(201);
        assertThat(t.text("status")).isEqualTo("DRAFT");
        String id = t.text("id");
        assertThat(api.post("/api/v1/transfers/" + id + "/ready", inv.warehouse(), Map.of()).text("status"))
                .isEqualTo("READY");
        Api.Response incoming = api.get("/api/v1/stock?itemId=" + item + "&locationId=" + wh.receivingId(), inv.warehouse());
        assertThat(incoming.body().get("items").get(0).get("onHand").decimalValue()).isEqualByComparingTo("24");
        Api.Response done = api.post("/api/v1/transfers/" + id + "/done", inv.warehouse(), Map.of());
        assertThat(done.status()).as(done.raw()).isEqualTo(201);
        assertThat(done.text("movementType")).isEqualTo("311");
        assertThat(inv.stockAt(item, wh.receivingId())[0]).isEqualByComparingTo("12");
        assertThat(inv.stockAt(item, wh.bins().get(1))[0]).isEqualByComparingTo("12");
        assertThat(api.get("/api/v1/transfers/" + id, inv.warehouse()).text("status")).isEqualTo("DONE");
        assertThat(api.post("/api/v1/transfers/" + id + "/cancel", inv.warehouse(), Map.of()).status()).isEqualTo(409);
    }

    @Test
    void rolesAreEnforced() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        Map<String, Object> l = line(item, 1, null, wh.bins().get(0));
        l.put("unitCost", "1");
        Map<String, Object> doc = document("501", null, List.of(l));
        for (String user : List.of("employee", "buyer", "manager", "finance", "admin", "supplier", "owner")) {
            Api.Response r = api.post("/api/v1/stock-documents", Tokens.user(port, user), doc);
            assertThat(r.status()).as(user + " posting: " + r.raw()).isEqualTo(403);
        }
        for (String user : List.of("buyer", "manager", "finance", "admin", "warehouse")) {
            assertThat(api.get("/api/v1/stock?itemId=" + item, Tokens.user(port, user)).status()).as(user).isEqualTo(200);
        }
        for (String user : List.of("employee", "supplier", "owner", "head")) {
            assertThat(api.get("/api/v1/stock?itemId=" + item, Tokens.user(port, user)).status()).as(user).isEqualTo(403);
            assertThat(api.get("/api/v1/stock-moves?itemId=" + item, Tokens.user(port, user)).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/stock", null).status()).isEqualTo(401);
        Map<String, Object> itemBody = Map.of("sku", Inventory.unique("X-"), "name", "x", "baseUnit", "PCS",
                "tracking", "NONE", "abcClass", "C");
        for (String user : List.of("warehouse", "buyer", "manager", "employee")) {
            assertThat(api.post("/api/v1/items", Tokens.user(port, user), itemBody).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/items?q=" + item, Tokens.user(port, "employee")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/items", Tokens.user(port, "supplier")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/stock/integrity", inv.warehouse()).status()).isEqualTo(403);
        Map<String, Object> res = Map.of("itemId", item, "warehouseId", wh.warehouseId(), "quantity", 1,
                "purposeType", "PROJECT", "purposeRef", "P-1");
        for (String user : List.of("buyer", "employee", "admin")) {
            assertThat(api.post("/api/v1/reservations", Tokens.user(port, user), res).status()).as(user).isEqualTo(403);
        }
        Map<String, Object> transfer = Map.of("lines", List.of(line(item, 1, wh.bins().get(0), wh.receivingId())));
        Map<String, Object> count = Map.of("warehouseId", wh.warehouseId(), "abcClass", "C");
        for (String user : List.of("buyer", "manager", "admin", "employee")) {
            assertThat(api.post("/api/v1/transfers", Tokens.user(port, user), transfer).status()).as(user).isEqualTo(403);
            assertThat(api.post("/api/v1/cycle-counts", Tokens.user(port, user), count).status()).as(user).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/cycle-counts", Tokens.user(port, "employee")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/transfers", Tokens.user(port, "supplier")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/reservations", Tokens.user(port, "head")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/locations", Tokens.user(port, "supplier")).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/sites", inv.warehouse(), Map.of("code", "NOPE", "name", "no")).status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/locations", inv.warehouse(), Map.of("warehouseId", wh.warehouseId(),
                "code", "NOPE", "name", "no", "type", "STORAGE")).status()).isEqualTo(403);
        // every posting is audited with its actor
        JsonNode posted = inv.post(doc);
        Long audited = jdbc.queryForObject("select count(*) from audit_record where entity_type = 'StockDocument' "
                + "and entity_id = ? and actor = 'warehouse' and action = 'POSTED'", Long.class, posted.get("id").asText());
        assertThat(audited).isEqualTo(1L);
        Api.Response reversal = api.post("/api/v1/stock-documents/" + posted.get("id").asText() + "/reversal",
                Tokens.user(port, "buyer"), Map.of());
        assertThat(reversal.status()).isEqualTo(403);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
