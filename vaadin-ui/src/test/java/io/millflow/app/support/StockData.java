package io.millflow.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inventory master data and stock for tests, made through the REST API: master data as {@code admin}, postings,
 * reservations and counts as {@code warehouse}. Codes carry a per-run suffix because all test classes share one
 * database.
 */
public final class StockData {

    private final Api api;
    private final int port;

    public StockData(Api api, int port) {
        this.api = api;
        this.port = port;
    }

    /** A code suffix unique in this run (capital letters and digits). */
    public static String unique() {
        return Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    public String site(String code) {
        return create("/api/v1/sites", Map.of("code", code, "name", "Site " + code));
    }

    public String warehouse(String siteId, String code) {
        return create("/api/v1/warehouses", Map.of("siteId", siteId, "code", code, "name", "Warehouse " + code));
    }

    /** A location; {@code parentId} may be null, {@code type} e.g. VIEW or STORAGE. */
    public String location(String warehouseId, String parentId, String code, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("warehouseId", warehouseId);
        body.put("parentId", parentId);
        body.put("code", code);
        body.put("name", "Bin " + code);
        body.put("type", type);
        return create("/api/v1/locations", body);
    }

    /** An item with base unit PCS; {@code tracking} NONE, LOT or SERIAL; {@code abcClass} A, B or C. */
    public String item(String sku, String tracking, String abcClass) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", "Test part " + sku);
        body.put("baseUnit", "PCS");
        body.put("tracking", tracking);
        body.put("abcClass", abcClass);
        return create("/api/v1/items", body);
    }

    /** Posts one line as the warehouse user and returns the document. */
    public JsonNode post(String movementType, String reference, Map<String, Object> line) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("movementType", movementType);
        body.put("reference", reference);
        body.put("lines", List.of(line));
        Api.Response r = api.post("/api/v1/stock-documents", warehouseToken(), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    /** A 501 receipt of {@code quantity} into a shelf, with an optional lot; returns the document number. */
    public String receive(String itemId, String toLocationId, int quantity, String lot) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemId", itemId);
        line.put("quantity", quantity);
        line.put("toLocationId", toLocationId);
        line.put("lot", lot);
        line.put("unitCost", 2);
        return post("501", "DN-" + unique(), line).get("number").asText();
    }

    /** The on-hand total of an item (REST stock query). */
    public String onHand(String itemId) {
        Api.Response r = api.get("/api/v1/stock?itemId=" + itemId, warehouseToken());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().path("totals").path("onHand").asText();
    }

    public Api.Response asWarehouse(String path, Object body) {
        return api.post(path, warehouseToken(), body);
    }

    public Api.Response getAsWarehouse(String path) {
        return api.get(path, warehouseToken());
    }

    private String warehouseToken() {
        return Tokens.user(port, "warehouse");
    }

    private String create(String path, Map<String, Object> body) {
        Api.Response r = api.post(path, Tokens.user(port, "admin"), body);
        assertThat(r.status()).as(path + " " + r.raw()).isEqualTo(201);
        return r.text("id");
    }
}
