package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Purchasing;
import io.millflow.app.support.Tokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Suppliers and their catalogue through the REST API: CRUD, bad input, roles, price breaks, preferred supplier. */
@AppTest
class SupplierApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
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

    long audits(String entityType, String id) {
        return jdbc.queryForObject("select count(*) from audit_record where entity_type = ? and entity_id = ?",
                Long.class, entityType, id);
    }

    @Test
    void aBuyerCreatesChangesBlocksAndUnblocksASupplierAndEveryChangeIsAudited() {
        Map<String, Object> body = Purchasing.supplierBody(Purchasing.unique("SUP"), "EUR");
        Api.Response created = api.post("/api/v1/suppliers", token("buyer"), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.header("Location")).endsWith("/api/v1/suppliers/" + id);
        assertThat(created.body().get("addresses")).hasSize(1);
        assertThat(created.body().get("addresses").get(0).get("city").asText()).isEqualTo("Berlin");
        assertThat(created.body().get("contacts").get(0).get("name").asText()).isEqualTo("Eva Example");
        assertThat(created.body().get("blocked").asBoolean()).isFalse();

        JsonNode read = api.get("/api/v1/suppliers/" + id, token("manager")).body();
        assertThat(read.get("paymentTerms").asText()).isEqualTo("NET30");
        assertThat(read.get("rating").decimalValue()).isEqualByComparingTo("4.2");

        body.put("name", "Renamed supplier");
        body.put("paymentDays", 60);
        body.put("addresses", List.of(
                Map.of("kind", "ORDERING", "line1", "Neue Straße 5", "postalCode", "20095", "city", "Hamburg", "country", "DE"),
                Map.of("kind", "REMIT_TO", "line1", "Postfach 1", "postalCode", "20001", "city", "Hamburg", "country", "DE")));
        Api.Response changed = api.put("/api/v1/suppliers/" + id, token("admin"), body);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("name").asText()).isEqualTo("Renamed supplier");
        assertThat(changed.body().get("paymentDays").asInt()).isEqualTo(60);
        assertThat(changed.body().get("addresses")).hasSize(2);

        Api.Response blocked = api.post("/api/v1/suppliers/" + id + "/block", token("buyer"),
                Map.of("reason", "Late deliveries"));
        assertThat(blocked.status()).as(blocked.raw()).isEqualTo(200);
        assertThat(blocked.body().get("blocked").asBoolean()).isTrue();
        assertThat(blocked.text("blockedReason")).isEqualTo("Late deliveries");
        assertThat(api.get("/api/v1/suppliers?blocked=true&size=500", token("finance")).body().get("items"))
                .anySatisfy(s -> assertThat(s.get("id").asText()).isEqualTo(id));
        Api.Response unblocked = api.post("/api/v1/suppliers/" + id + "/unblock", token("buyer"), Map.of());
        assertThat(unblocked.body().get("blocked").asBoolean()).isFalse();

        assertThat(jdbc.queryForList("select action from audit_record where entity_type = 'Supplier' and entity_id = ? "
                + "order by occurred_at", String.class, id))
                .containsExactly("SUPPLIER_CREATED", "SUPPLIER_CHANGED", "SUPPLIER_BLOCKED", "SUPPLIER_UNBLOCKED");
    }

    static List<Object[]> badSuppliers() {
        List<Object[]> cases = new ArrayList<>();
        Map<String, Object> noName = Purchasing.supplierBody(Purchasing.unique("BAD"), "EUR");
        noName.remove("name");
        cases.add(new Object[] {"missing name", noName, "name"});
        cases.add(new Object[] {"unknown currency", Purchasing.supplierBody(Purchasing.unique("BAD"), "XYZ"), "currency"});
        Map<String, Object> badCode = Purchasing.supplierBody("bad code", "EUR");
        badCode.put("email", "orders@bad-code.example");
        cases.add(new Object[] {"lower-case code", badCode, "code"});
        Map<String, Object> rating = Purchasing.supplierBody(Purchasing.unique("BAD"), "EUR");
        rating.put("rating", 7);
        cases.add(new Object[] {"rating above 5", rating, "rating"});
        Map<String, Object> days = Purchasing.supplierBody(Purchasing.unique("BAD"), "EUR");
        days.put("paymentDays", -1);
        cases.add(new Object[] {"negative payment days", days, "paymentDays"});
        Map<String, Object> twice = Purchasing.supplierBody(Purchasing.unique("BAD"), "EUR");
        Map<String, Object> address = Map.of("kind", "ORDERING", "line1", "A 1", "postalCode", "1", "city", "X",
                "country", "DE");
        twice.put("addresses", List.of(address, address));
        cases.add(new Object[] {"two ordering addresses", twice, "addresses[1].kind"});
        Map<String, Object> country = Purchasing.supplierBody(Purchasing.unique("BAD"), "EUR");
        country.put("addresses", List.of(Map.of("kind", "ORDERING", "line1", "A 1", "postalCode", "1", "city", "X",
                "country", "Germany")));
        cases.add(new Object[] {"country not ISO", country, "addresses[0].country"});
        Map<String, Object> email = Purchasing.supplierBody(Purchasing.unique("BAD"), "EUR");
        email.put("email", "not-an-email");
        cases.add(new Object[] {"bad e-mail", email, "email"});
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSuppliers")
    void badSupplierInputIsAProblemNamingTheFieldAndNothingIsWritten(String name, Map<String, Object> body,
            String field) {
        long suppliers = count("supplier");
        long addresses = count("supplier_address");
        long audit = count("audit_record");
        Api.Response r = api.post("/api/v1/suppliers", token("buyer"), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.text("field")).as(r.raw()).isEqualTo(field);
        assertThat(count("supplier")).isEqualTo(suppliers);
        assertThat(count("supplier_address")).isEqualTo(addresses);
        assertThat(count("audit_record")).isEqualTo(audit);
    }

    @Test
    void aDuplicateCodeIsAConflictAndNothingIsWritten() {
        JsonNode first = Purchasing.supplier(api, port, "DUP", "EUR");
        long suppliers = count("supplier");
        Api.Response again = api.post("/api/v1/suppliers", token("buyer"),
                Purchasing.supplierBody(first.get("code").asText(), "USD"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains(first.get("code").asText());
        assertThat(count("supplier")).isEqualTo(suppliers);
        Map<String, Object> renamed = Purchasing.supplierBody("OTHER-CODE", "EUR");
        Api.Response codeChange = api.put("/api/v1/suppliers/" + first.get("id").asText(), token("buyer"), renamed);
        assertThat(codeChange.status()).isEqualTo(400);
        assertThat(codeChange.text("field")).isEqualTo("code");
        assertThat(api.get("/api/v1/suppliers/" + first.get("id").asText(), token("buyer")).text("code"))
                .isEqualTo(first.get("code").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"employee", "head", "owner"})
    void rolesWithoutSupplierAccessAreRefused(String user) {
        JsonNode s = Purchasing.supplier(api, port, "ROLE", "EUR");
        assertThat(api.get("/api/v1/suppliers", token(user)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/suppliers/" + s.get("id").asText(), token(user)).status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"employee", "warehouse", "manager", "finance", "supplier"})
    void onlyBuyersAndAdminsWriteSuppliers(String user) {
        JsonNode s = Purchasing.supplier(api, port, "RO", "EUR");
        String id = s.get("id").asText();
        long suppliers = count("supplier");
        assertThat(api.post("/api/v1/suppliers", token(user), Purchasing.supplierBody(Purchasing.unique("NO"), "EUR"))
                .status()).isEqualTo(403);
        assertThat(api.put("/api/v1/suppliers/" + id, token(user), Purchasing.supplierBody(s.get("code").asText(), "EUR"))
                .status()).isEqualTo(403);
        assertThat(api.post("/api/v1/suppliers/" + id + "/block", token(user), Map.of("reason", "no")).status())
                .isEqualTo(403);
        assertThat(count("supplier")).isEqualTo(suppliers);
        assertThat(api.get("/api/v1/suppliers/" + id, token("buyer")).body().get("blocked").asBoolean()).isFalse();
    }

    @Test
    void aSupplierUserReadsOnlyItsOwnSupplier() {
        String acme = jdbc.queryForObject("select id::text from supplier where code = 'ACME'", String.class);
        String nordbolt = jdbc.queryForObject("select id::text from supplier where code = 'NORDBOLT'", String.class);
        Api.Response own = api.get("/api/v1/suppliers/" + acme, token("supplier"));
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        assertThat(own.text("code")).isEqualTo("ACME");
        Api.Response other = api.get("/api/v1/suppliers/" + nordbolt, token("supplier"));
        assertThat(other.status()).isEqualTo(404);
        JsonNode list = api.get("/api/v1/suppliers", token("supplier")).body();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("code").asText()).isEqualTo("ACME");
        assertThat(api.get("/api/v1/suppliers/" + nordbolt, token("supplier2")).text("code")).isEqualTo("NORDBOLT");
        assertThat(api.get("/api/v1/suppliers/" + acme, token("supplier2")).status()).isEqualTo(404);
        // the catalogue is internal
        assertThat(api.get("/api/v1/suppliers/" + acme + "/items", token("supplier")).status()).isEqualTo(403);
    }

    @Test
    void priceBreaksPickTheLargestMinimumNotAboveTheQuantityAmongThoseValidThatDay() {
        JsonNode item = Purchasing.item(api, port, "PB", 50);
        JsonNode supplier = Purchasing.supplier(api, port, "PB", "EUR");
        LocalDate today = LocalDate.now();
        List<Map<String, Object>> prices = new ArrayList<>(Purchasing.breaks(1, "10.00", 10, "9.00", 100, "8.00"));
        Map<String, Object> future = new LinkedHashMap<>();
        future.put("minQuantity", 1);
        future.put("unitPrice", "11.00");
        future.put("validFrom", today.plusDays(60).toString());
        prices.add(future);
        JsonNode si = Purchasing.supplierItem(api, port, supplier.get("id").asText(),
                Purchasing.supplierItemBody(item.get("id").asText(), "PCS", 7, 1, 1, false, prices));
        assertThat(si.get("prices")).hasSize(4);
        assertThat(si.get("currency").asText()).isEqualTo("EUR");
        String path = "/api/v1/supplier-items/" + si.get("id").asText() + "/price?quantity=";
        assertThat(api.get(path + "5", token("employee")).body().get("unitPrice").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(api.get(path + "10", token("employee")).body().get("unitPrice").decimalValue()).isEqualByComparingTo("9.00");
        JsonNode big = api.get(path + "250", token("employee")).body();
        assertThat(big.get("unitPrice").decimalValue()).isEqualByComparingTo("8.00");
        assertThat(big.get("amount").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(api.get(path + "5&date=" + today.plusDays(61), token("buyer")).body().get("unitPrice")
                .decimalValue()).isEqualByComparingTo("11.00");
        assertThat(api.get(path + "250&date=" + today.plusDays(61), token("buyer")).body().get("unitPrice")
                .decimalValue()).as("the 100 break is still valid and larger").isEqualByComparingTo("8.00");
        Api.Response before = api.get(path + "5&date=" + today.minusDays(31), token("buyer"));
        assertThat(before.status()).isEqualTo(422);
        assertThat(before.text("type")).isEqualTo("https://millflow.io/problems/no-price");
    }

    @Test
    void anItemHasOnePreferredSupplierAndEveryInternalRoleReadsTheCatalogue() {
        JsonNode item = Purchasing.item(api, port, "PREF", 0);
        String itemId = item.get("id").asText();
        JsonNode a = Purchasing.supplierItem(api, port, Purchasing.supplier(api, port, "PA", "EUR").get("id").asText(),
                Purchasing.supplierItemBody(itemId, "PCS", 3, 1, 1, true, Purchasing.breaks(1, "5.00")));
        JsonNode b = Purchasing.supplierItem(api, port, Purchasing.supplier(api, port, "PB", "USD").get("id").asText(),
                Purchasing.supplierItemBody(itemId, "PCS", 9, 1, 1, true, Purchasing.breaks(1, "4.00")));
        JsonNode list = api.get("/api/v1/supplier-items?itemId=" + itemId, token("employee")).body();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("id").asText()).as("preferred first").isEqualTo(b.get("id").asText());
        assertThat(list.get(0).get("currency").asText()).isEqualTo("USD");
        assertThat(list.get(1).get("preferred").asBoolean()).isFalse();

        Api.Response prefer = api.post("/api/v1/supplier-items/" + a.get("id").asText() + "/preferred", token("buyer"),
                Map.of());
        assertThat(prefer.status()).as(prefer.raw()).isEqualTo(200);
        assertThat(jdbc.queryForList("select id::text from supplier_item where item_id = ?::uuid and preferred",
                String.class, itemId)).containsExactly(a.get("id").asText());
        assertThat(audits("SupplierItem", b.get("id").asText())).isEqualTo(2);
        for (String user : List.of("warehouse", "manager", "finance", "head", "owner", "admin")) {
            assertThat(api.get("/api/v1/supplier-items?itemId=" + itemId, token(user)).status()).as(user).isEqualTo(200);
        }
        assertThat(api.post("/api/v1/supplier-items/" + b.get("id").asText() + "/preferred", token("warehouse"),
                Map.of()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/supplier-items/" + b.get("id").asText() + "/preferred", token("employee"),
                Map.of()).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select preferred from supplier_item where id = ?::uuid", Boolean.class,
                b.get("id").asText())).isFalse();
    }

    @Test
    void badSupplierItemsAreProblemsAndNothingIsWritten() {
        JsonNode item = Purchasing.item(api, port, "BSI", 10);
        String supplierId = Purchasing.supplier(api, port, "BSI", "EUR").get("id").asText();
        String itemId = item.get("id").asText();
        long items = count("supplier_item");
        long prices = count("supplier_price");

        Api.Response unit = api.post("/api/v1/suppliers/" + supplierId + "/items", token("buyer"),
                Purchasing.supplierItemBody(itemId, "KG", 1, 1, 1, false, Purchasing.breaks(1, "1.00")));
        assertThat(unit.status()).isEqualTo(400);
        assertThat(unit.text("field")).isEqualTo("orderUnit");

        Map<String, Object> validity = Purchasing.supplierItemBody(itemId, "BOX", 1, 1, 1, false,
                List.of(Map.of("minQuantity", 1, "unitPrice", "2.00", "validFrom", LocalDate.now().toString(),
                        "validTo", LocalDate.now().minusDays(1).toString())));
        Api.Response dates = api.post("/api/v1/suppliers/" + supplierId + "/items", token("buyer"), validity);
        assertThat(dates.status()).isEqualTo(400);
        assertThat(dates.text("field")).isEqualTo("prices[0].validTo");

        Api.Response noPrices = api.post("/api/v1/suppliers/" + supplierId + "/items", token("buyer"),
                Purchasing.supplierItemBody(itemId, "BOX", 1, 1, 1, false, List.of()));
        assertThat(noPrices.status()).isEqualTo(400);
        assertThat(noPrices.text("field")).isEqualTo("prices");

        Api.Response zeroPrice = api.post("/api/v1/suppliers/" + supplierId + "/items", token("buyer"),
                Purchasing.supplierItemBody(itemId, "BOX", 1, 1, 1, false, Purchasing.breaks(1, "0")));
        assertThat(zeroPrice.status()).isEqualTo(400);
        assertThat(zeroPrice.text("field")).isEqualTo("prices[0].unitPrice");

        Api.Response unknownItem = api.post("/api/v1/suppliers/" + supplierId + "/items", token("buyer"),
                Purchasing.supplierItemBody("00000000-0000-0000-0000-000000000001", "PCS", 1, 1, 1, false,
                        Purchasing.breaks(1, "1.00")));
        assertThat(unknownItem.status()).isEqualTo(400);
        assertThat(unknownItem.text("field")).isEqualTo("itemId");

        Api.Response byWarehouse = api.post("/api/v1/suppliers/" + supplierId + "/items", token("warehouse"),
                Purchasing.supplierItemBody(itemId, "BOX", 1, 1, 1, false, Purchasing.breaks(1, "1.00")));
        assertThat(byWarehouse.status()).isEqualTo(403);

        assertThat(count("supplier_item")).isEqualTo(items);
        assertThat(count("supplier_price")).isEqualTo(prices);
    }
}
