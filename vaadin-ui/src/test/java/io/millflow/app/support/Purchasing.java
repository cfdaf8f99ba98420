package io.millflow.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Items, suppliers and supplier items of their own for the purchasing tests (unique codes per call). */
public final class Purchasing {

    private Purchasing() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36)
                .toUpperCase();
    }

    /** A new item (ADMIN) with base unit PCS and the alternative unit BOX = {@code boxOf} pieces (when > 0). */
    public static JsonNode item(Api api, int port, String skuPrefix, int boxOf) {
        Map<String, Object> body = new LinkedHashMap<>();
        String sku = unique(skuPrefix);
        body.put("sku", sku);
        body.put("name", "Test item " + sku);
        body.put("baseUnit", "PCS");
        body.put("tracking", "NONE");
        body.put("abcClass", "C");
        body.put("alternativeUnits", boxOf > 0 ? Map.of("BOX", boxOf) : Map.of());
        Api.Response r = api.post("/api/v1/items", Tokens.user(port, "admin"), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    public static Map<String, Object> supplierBody(String code, String currency) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Supplier " + code);
        body.put("taxId", "DE" + code.hashCode());
        body.put("currency", currency);
        body.put("paymentTerms", "NET30");
        body.put("paymentDays", 30);
        body.put("rating", 4.2);
        body.put("email", "orders@" + code.toLowerCase() + ".example");
        body.put("addresses", List.of(Map.of("kind", "ORDERING", "line1", "Hauptstraße 1", "postalCode", "10115",
                "city", "Berlin", "country", "DE")));
        body.put("contacts", List.of(Map.of("name", "Eva Example", "role", "Sales", "email", "eva@example.com")));
        return body;
    }

    /** A new supplier (BUYER) in {@code currency}. */
    public static JsonNode supplier(Api api, int port, String prefix, String currency) {
        Api.Response r = api.post("/api/v1/suppliers", Tokens.user(port, "buyer"),
                supplierBody(unique(prefix), currency));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }

    /** Price breaks as alternating min quantity, price, all valid from 30 days ago, open-ended. */
    public static List<Map<String, Object>> breaks(Object... minAndPrice) {
        List<Map<String, Object>> prices = new ArrayList<>();
        for (int i = 0; i < minAndPrice.length; i += 2) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("minQuantity", minAndPrice[i]);
            p.put("unitPrice", minAndPrice[i + 1]);
            p.put("validFrom", LocalDate.now().minusDays(30).toString());
            prices.add(p);
        }
        return prices;
    }

    public static Map<String, Object> supplierItemBody(String itemId, String unit, int leadTimeDays, Object moq,
            Object pack, boolean preferred, List<Map<String, Object>> prices) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("itemId", itemId);
        body.put("supplierSku", unique("SKU"));
        body.put("orderUnit", unit);
        body.put("leadTimeDays", leadTimeDays);
        body.put("minimumOrderQuantity", moq);
        body.put("packSize", pack);
        body.put("preferred", preferred);
        body.put("prices", prices);
        return body;
    }

    /** A new supplier item (BUYER). */
    public static JsonNode supplierItem(Api api, int port, String supplierId, Map<String, Object> body) {
        Api.Response r = api.post("/api/v1/suppliers/" + supplierId + "/items", Tokens.user(port, "buyer"), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.body();
    }
}
