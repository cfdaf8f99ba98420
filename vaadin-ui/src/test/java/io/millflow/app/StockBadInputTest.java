package io.millflow.app;

import static io.millflow.app.support.Inventory.document;
import static io.millflow.app.support.Inventory.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad postings get problem details naming the field, and write nothing. */
@AppTest
class StockBadInputTest {

    static final String VIRTUAL_SUPPLIER = "00000000-0000-0000-0000-00000000a001";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    Inventory inv;
    Inventory.Warehouse wh;
    String plain;
    String lotted;
    String serial;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
        wh = inv.warehouse(2);
        plain = inv.item("NONE", "C");
        lotted = inv.item("LOT", "B", 365);
        serial = inv.item("SERIAL", "A");
    }

    /** Posts and expects 400 (or 409) with the field named; checks that no table changed. */
    void refused(Object body, int status, String field, String detailFragment) {
        Map<String, Long> before = counts();
        Api.Response r = api.post("/api/v1/stock-documents", inv.warehouse(), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("type")).startsWith("https://millflow.io/problems/");
        if (field != null) {
            assertThat(r.text("field")).as(r.raw()).isEqualTo(field);
        }
        if (detailFragment != null) {
            assertThat(r.text("detail")).as(r.raw()).containsIgnoringCase(detailFragment);
        }
        assertThat(counts()).isEqualTo(before);
    }

    Map<String, Long> counts() {
        Map<String, Long> c = new LinkedHashMap<>();
        for (String t : List.of("stock_document", "stock_move", "quant", "lot", "serial_number", "stock_valuation",
                "audit_record", "stock_move_serial")) {
            c.put(t, jdbc.queryForObject("select count(*) from " + t, Long.class));
        }
        c.put("sum", jdbc.queryForObject("select coalesce(sum(quantity), 0)::bigint from quant", Long.class));
        return c;
    }

    Map<String, Object> receipt(Map<String, Object> l) {
        l.putIfAbsent("unitCost", "1.00");
        return document("501", null, List.of(l));
    }

    @Test
    void unknownItemOrLocation() {
        refused(receipt(line("0b9f3a52-6c55-4a57-9d6b-2a2b3f4c5d6e", 1, null, wh.bins().get(0))), 400, "lines[0].itemId",
                "not a known item");
        refused(receipt(line(plain, 1, null, "0b9f3a52-6c55-4a57-9d6b-2a2b3f4c5d6e")), 400, "lines[0].toLocationId",
                "not a known location");
        refused(receipt(line(plain, 1, null, "not-a-uuid")), 400, "lines[0].toLocationId", null);
    }

    @Test
    void wrongUnitAndFractionalSerialQuantity() {
        Map<String, Object> kg = line(plain, 1, null, wh.bins().get(0));
        kg.put("unit", "KG");
        refused(receipt(kg), 400, "lines[0].unit", "not a unit of item");
        Map<String, Object> half = line(serial, "1.5", null, wh.bins().get(0));
        half.put("serials", List.of("S-1", "S-2"));
        refused(receipt(half), 400, "lines[0].quantity", "whole number");
        refused(receipt(line(plain, "2.5", null, wh.bins().get(0))), 400, "lines[0].quantity", "decimals");
        refused(receipt(line(plain, 0, null, wh.bins().get(0))), 400, "lines[0].quantity", null);
        refused(receipt(line(plain, -3, null, wh.bins().get(0))), 400, "lines[0].quantity", null);
    }

    @Test
    void lotsAndSerials() {
        refused(receipt(line(lotted, 5, null, wh.bins().get(0))), 400, "lines[0].lot", "lot-tracked");
        Map<String, Object> count = line(serial, 2, null, wh.bins().get(0));
        count.put("serials", List.of("SN-" + wh.code() + "-1"));
        refused(receipt(count), 400, "lines[0].serials", "one serial number per unit");

        Map<String, Object> first = line(serial, 1, null, wh.bins().get(0));
        first.put("serials", List.of("SN-" + wh.code() + "-1"));
        inv.post(receipt(first));
        Map<String, Object> again = line(serial, 1, null, wh.bins().get(1));
        again.put("serials", List.of("SN-" + wh.code() + "-1"));
        refused(receipt(again), 400, "lines[0].serials", "already in stock");
        Map<String, Object> twice = line(serial, 2, null, wh.bins().get(1));
        twice.put("serials", List.of("SN-" + wh.code() + "-2", "SN-" + wh.code() + "-2"));
        refused(receipt(twice), 400, "lines[0].serials", "twice");
        // a serial can only leave from where it is
        Map<String, Object> wrongPlace = line(serial, 1, wh.bins().get(1), wh.bins().get(0));
        wrongPlace.put("serials", List.of("SN-" + wh.code() + "-1"));
        refused(document("311", null, List.of(wrongPlace)), 409, "lines[0].serials", "is not at");

        Map<String, Object> expired = line(lotted, 4, null, wh.bins().get(0));
        expired.put("lot", "OLD-" + wh.code());
        expired.put("lotExpiry", LocalDate.now().minusDays(3).toString());
        inv.post(receipt(expired));
        Map<String, Object> issue = line(lotted, 1, wh.bins().get(0), null);
        issue.put("lot", "OLD-" + wh.code());
        refused(document("261", "PO-PROD-1", List.of(issue)), 400, "lines[0].lot", "expired");
        // moving it to quality hold is allowed
        Map<String, Object> toHold = line(lotted, 4, wh.bins().get(0), wh.qualityHoldId());
        toHold.put("lot", "OLD-" + wh.code());
        inv.post(document("311", null, List.of(toHold)));
    }

    @Test
    void virtualViewAndInactiveLocations() {
        refused(document("311", null, List.of(line(plain, 1, wh.bins().get(0), VIRTUAL_SUPPLIER))), 400,
                "lines[0].toLocationId", "virtual");
        refused(receipt(line(plain, 1, null, wh.aisleId())), 400, "lines[0].toLocationId", "VIEW");
        String closed = inv.location(wh.warehouseId(), wh.aisleId(), "A-09-09", "STORAGE");
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("warehouseId", wh.warehouseId());
        update.put("parentId", wh.aisleId());
        update.put("code", "A-09-09");
        update.put("name", "closed bin");
        update.put("type", "STORAGE");
        update.put("active", false);
        Api.Response put = api.put("/api/v1/locations/" + closed, inv.admin(), update);
        assertThat(put.status()).as(put.raw()).isEqualTo(200);
        refused(receipt(line(plain, 1, null, closed)), 400, "lines[0].toLocationId", "inactive");
    }

    @Test
    void documentLevelMistakes() {
        refused("{\"movementType\": \"501\", \"lines\": [", 400, null, "not valid JSON");
        refused("{\"movementType\": \"501\", \"lines\": [], \"colour\": 1}", 400, "colour", null);
        refused(document("999", null, List.of(line(plain, 1, null, wh.bins().get(0)))), 400, "movementType", "known");
        refused(document("102", null, List.of(line(plain, 1, wh.bins().get(0), null))), 400, "movementType", "revers");
        refused(document("701", null, List.of(line(plain, 1, null, wh.bins().get(0)))), 400, "movementType", "cycle counts");
        refused(document("221", null, List.of(line(plain, 1, wh.bins().get(0), null))), 400, "reference", "required");
        refused(document("101", "PO-1", List.of(line(plain, 1, null, wh.bins().get(0)))), 400, "lines[0].unitCost",
                "required");
        refused(document("201", "CC-1", List.of(line(plain, 1, wh.bins().get(0), null))), 409, "lines[0].quantity",
                "available");
        refused(document("501", null, List.of()), 400, "lines", null);
    }
}
