package io.millflow.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Creates inventory master data through the REST API as {@code admin} (unique codes per call, since all test
 * classes share one database) and small helpers to post and read stock as {@code warehouse}.
 */
public final class Inventory {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private final Api api;
    private final int port;

    public Inventory(Api api, int port) {
        this.api = api;
        this.port = port;
    }

    /** A site with one warehouse: an aisle (VIEW) holding {@code bins} storage bins, plus receiving and quality hold. */
    public record Warehouse(String siteId, String warehouseId, String aisleId, List<String> bins, String receivingId,
            String qualityHoldId, String code) {
    }

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    public String admin() {
        return Tokens.user(port, "admin");
    }

    public String warehouse() {
        return Tokens.user(port, "warehouse");
    }

    public Warehouse warehouse(int bins) {
        String code = unique("T");
        String site = created(api.post("/api/v1/sites", admin(), Map.of("code", "S" + code, "name", "Site " + code)));
        String wh = created(api.post("/api/v1/warehouses", admin(), Map.of("siteId", site, "code", "W" + code,
                "name", "Warehouse " + code)));
        String aisle = location(wh, null, "A", "VIEW");
        List<String> binIds = new ArrayList<>();
        for (int i = 1; i <= bins; i++) {
            binIds.add(location(wh, aisle, String.format("A-01-%02d", i), "STORAGE"));
        }
        String receiving = location(wh, null, "RCV", "RECEIVING");
        String qh = location(wh, null, "QH", "QUALITY_HOLD");
        return new Warehouse(site, wh, aisle, binIds, receiving, qh, code);
    }

    public String location(String warehouseId, String parentId, String code, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("warehouseId", warehouseId);
        body.put("parentId", parentId);
        body.put("code", code);
        body.put("name", code);
        body.put("type", type);
        return created(api.post("/api/v1/locations", admin(), body));
    }

    /** An item: tracking NONE, LOT or SERIAL; ABC class; base unit PCS (BOX = 12 PCS as alternative). */
    public String item(String tracking, String abcClass) {
        return item(tracking, abcClass, null);
    }

    public String item(String tracking, String abcClass, Integer shelfLifeDays) {
        String sku = unique("SKU-");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Test item " + sku);
        body.put("baseUnit", "PCS");
        body.put("tracking", tracking);
        body.put("abcClass", abcClass);
        body.put("shelfLifeDays", shelfLifeDays);
        body.put("alternativeUnits", Map.of("BOX", 12));
        return created(api.post("/api/v1/items", admin(), body));
    }

    public static Map<String, Object> line(String itemId, Object quantity, String from, String to) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("itemId", itemId);
        l.put("quantity", quantity);
        if (from != null) {
            l.put("fromLocationId", from);
        }
        if (to != null) {
            l.put("toLocationId", to);
        }
        return l;
    }

    public static Map<String, Object> document(String type, String reference, List<Map<String, Object>> lines) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("movementType", type);
        d.put("reference", reference);
        d.put("lines", lines);
        return d;
    }

    /** Posts a 501 receipt of {@code quantity} at {@code unitCost} into a bin; returns the document. */
    public JsonNode receive(String itemId, String bin, Object quantity, Object unitCost) {
        Map<String, Object> l = line(itemId, quantity, null, bin);
        l.put("unitCost", unitCost);
        return post(document("501", null, List.of(l)));
    }

    public JsonNode post(Map<String, Object> document) {
        Api.Response r = api.post("/api/v1/stock-documents", warehouse(), document);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    /** On hand, reserved and available of an item at one location (zeros when there is no quant). */
    public BigDecimal[] stockAt(String itemId, String locationId) {
        Api.Response r = api.get("/api/v1/stock?itemId=" + itemId + "&locationId=" + locationId + "&includeEmpty=true",
                warehouse());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        BigDecimal onHand = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        for (JsonNode row : r.body().get("items")) {
            onHand = onHand.add(row.get("onHand").decimalValue());
            reserved = reserved.add(row.get("reserved").decimalValue());
            available = available.add(row.get("available").decimalValue());
        }
        return new BigDecimal[] {onHand, reserved, available};
    }

    /** Quantity and value of an item at a site. */
    public BigDecimal[] valuation(String itemId, String siteId) {
        Api.Response r = api.get("/api/v1/stock/valuation?itemId=" + itemId, warehouse());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode v : r.body()) {
            if (v.get("siteId").asText().equals(siteId)) {
                return new BigDecimal[] {v.get("quantity").decimalValue(), v.get("value").decimalValue()};
            }
        }
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static String created(Api.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body().get("id").asText();
    }
}
