package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.FedExSandbox;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Shipments over REST (issue #5): a transfer between two sites shipped with FedEx (WireMock stand-in) keeps a
 * shipment row and its PDF label; roles; bad input writes nothing; inbound announcements are idempotent;
 * cancellation at the carrier; the manual carrier's status set by people.
 */
@AppTest
class ShipmentApiTest {

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
    void aTransferBetweenTwoSitesShippedWithFedExKeepsItsShipmentAndItsPdfLabel() throws Exception {
        JsonNode transfer = readyTransfer(true);
        String transferId = transfer.get("id").asText();
        String tracking = FedExSandbox.trackingNumber();
        byte[] pdf = pdf("label " + tracking);
        FedExSandbox.stubBooking(transfer.get("number").asText(), tracking, pdf);

        Api.Response booked = api.post("/api/v1/transfers/" + transferId + "/shipments", warehouse(),
                transferShipment("fedex", "FEDEX_INTERNATIONAL_PRIORITY", null));

        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        JsonNode s = booked.body();
        assertThat(s.get("number").asText()).matches("SH-\\d{4}-\\d{6}");
        assertThat(s.get("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(s.get("carrier").asText()).isEqualTo("fedex");
        assertThat(s.get("trackingNumber").asText()).isEqualTo(tracking);
        assertThat(s.get("status").asText()).isEqualTo("BOOKED");
        assertThat(s.get("referenceType").asText()).isEqualTo("TRANSFER");
        assertThat(s.get("referenceId").asText()).isEqualTo(transferId);
        assertThat(s.get("labelAvailable").asBoolean()).isTrue();
        assertThat(s.get("charge").get("amount").decimalValue()).isEqualByComparingTo("131.72");
        assertThat(s.get("shipTo").get("address").get("city").asText()).isEqualTo("Lyon");
        assertThat(booked.header("Location")).isEqualTo("/api/v1/shipments/" + s.get("id").asText());

        // one row, its label stored outside the database, one audit record
        assertThat(jdbc.queryForObject("select count(*) from shipment where reference_type = 'TRANSFER' "
                + "and reference_id = ?::uuid", Long.class, transferId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select label_ref from shipment where id = ?::uuid", String.class,
                s.get("id").asText())).endsWith(".pdf");
        assertThat(jdbc.queryForObject("select count(*) from audit_record where entity_type = 'Shipment' "
                + "and entity_id = ? and action = 'BOOKED'", Long.class, s.get("id").asText())).isEqualTo(1);

        // the label comes back as the PDF FedEx sent
        HttpResponse<byte[]> label = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/v1/shipments/" + s.get("id").asText() + "/label"))
                .header("Authorization", "Bearer " + Tokens.user(port, "manager"))
                .header("Accept", "application/pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(label.body()).isEqualTo(pdf);

        // the transfer's shipments and the filtered list show it
        Api.Response ofTransfer = api.get("/api/v1/transfers/" + transferId + "/shipments", Tokens.user(port, "buyer"));
        assertThat(ofTransfer.status()).as(ofTransfer.raw()).isEqualTo(200);
        assertThat(ofTransfer.body()).hasSize(1);
        assertThat(ofTransfer.body().get(0).get("trackingNumber").asText()).isEqualTo(tracking);
        Api.Response list = api.get("/api/v1/shipments?referenceType=TRANSFER&referenceId=" + transferId
                + "&status=BOOKED&open=true", warehouse());
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.body().get("total").asLong()).isEqualTo(1);
        assertThat(list.body().get("items").get(0).get("id").asText()).isEqualTo(s.get("id").asText());
        FedExSandbox.server().verify(1, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/ship/v1/shipments"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.requestedShipment.requestedPackageLineItems[0].customerReferences[0].value",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(transfer.get("number").asText()))));
    }

    @Test
    void rolesOtherThanWarehouseAndBuyerCannotBookAndNothingIsWritten() {
        JsonNode transfer = readyTransfer(true);
        String transferId = transfer.get("id").asText();
        Map<String, Object> outbound = new LinkedHashMap<>(transferShipment("manual", null, "HAUL-1"));
        outbound.put("referenceType", "TRANSFER");
        outbound.put("referenceId", transferId);

        for (String user : List.of("employee", "supplier", "manager", "finance")) {
            Api.Response r = api.post("/api/v1/shipments", Tokens.user(port, user), outbound);
            assertThat(r.status()).as(user + ": " + r.raw()).isEqualTo(403);
            assertThat(r.text("type")).endsWith("/forbidden");
        }
        for (String user : List.of("employee", "supplier", "buyer")) {
            Api.Response r = api.post("/api/v1/transfers/" + transferId + "/shipments", Tokens.user(port, user),
                    transferShipment("manual", null, "HAUL-1"));
            assertThat(r.status()).as(user + ": " + r.raw()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/shipments", Tokens.user(port, "employee")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/shipments", Tokens.user(port, "supplier")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/shipments", null).status()).isEqualTo(401);
        assertThat(shipmentsOf(transferId)).isZero();

        // WAREHOUSE ships it with the manual carrier: a number entered by a person, no label
        Api.Response ok = api.post("/api/v1/shipments", warehouse(), outbound);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.body().get("trackingNumber").asText()).isEqualTo("HAUL-1");
        assertThat(ok.body().get("labelAvailable").asBoolean()).isFalse();
        assertThat(shipmentsOf(transferId)).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithProblemsAndWritesNothing() {
        JsonNode draft = transfer(true, false);
        String draftId = draft.get("id").asText();
        Api.Response notReady = api.post("/api/v1/transfers/" + draftId + "/shipments", warehouse(),
                transferShipment("manual", null, "HAUL-2"));
        assertThat(notReady.status()).as(notReady.raw()).isEqualTo(409);
        assertThat(notReady.text("detail")).contains("DRAFT");

        JsonNode sameSite = readyTransfer(false);
        Api.Response oneSite = api.post("/api/v1/transfers/" + sameSite.get("id").asText() + "/shipments",
                warehouse(), transferShipment("manual", null, "HAUL-3"));
        assertThat(oneSite.status()).as(oneSite.raw()).isEqualTo(409);
        assertThat(oneSite.text("detail")).contains("between two sites");

        JsonNode ready = readyTransfer(true);
        String readyId = ready.get("id").asText();
        Api.Response unknownCarrier = api.post("/api/v1/transfers/" + readyId + "/shipments", warehouse(),
                transferShipment("pigeon", null, null));
        assertThat(unknownCarrier.status()).as(unknownCarrier.raw()).isEqualTo(400);
        assertThat(unknownCarrier.text("field")).isEqualTo("carrier");
        Api.Response noNumber = api.post("/api/v1/transfers/" + readyId + "/shipments", warehouse(),
                transferShipment("manual", null, null));
        assertThat(noNumber.status()).as(noNumber.raw()).isEqualTo(400);
        assertThat(noNumber.text("field")).isEqualTo("trackingNumber");
        Api.Response unknownTransfer = api.post("/api/v1/transfers/" + UUID.randomUUID() + "/shipments",
                warehouse(), transferShipment("manual", null, "HAUL-4"));
        assertThat(unknownTransfer.status()).as(unknownTransfer.raw()).isEqualTo(404);
        Map<String, Object> badReference = new LinkedHashMap<>(transferShipment("manual", null, "HAUL-5"));
        badReference.put("referenceType", "transfer; drop");
        badReference.put("referenceId", readyId);
        Api.Response badType = api.post("/api/v1/shipments", warehouse(), badReference);
        assertThat(badType.status()).as(badType.raw()).isEqualTo(400);
        assertThat(badType.text("field")).isEqualTo("referenceType");

        assertThat(shipmentsOf(draftId) + shipmentsOf(sameSite.get("id").asText()) + shipmentsOf(readyId)).isZero();
    }

    @Test
    void anInboundAnnouncementIsIdempotentAndASupplierMayMakeIt() {
        UUID asn = UUID.randomUUID();
        String tracking = FedExSandbox.trackingNumber();
        Map<String, Object> body = Map.of("referenceType", "ASN", "referenceId", asn, "carrierCode", "fedex",
                "trackingNumber", tracking);

        Api.Response first = api.post("/api/v1/shipments/inbound", Tokens.user(port, "supplier"), body);
        Api.Response second = api.post("/api/v1/shipments/inbound", Tokens.user(port, "buyer"), body);

        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.body().get("direction").asText()).isEqualTo("INBOUND");
        assertThat(first.body().get("status").asText()).isEqualTo("ANNOUNCED");
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(second.body().get("id").asText()).isEqualTo(first.body().get("id").asText());
        assertThat(shipmentsOf(asn.toString())).isEqualTo(1);
        assertThat(api.post("/api/v1/shipments/inbound", Tokens.user(port, "employee"), body).status())
                .isEqualTo(403);
        Api.Response read = api.get("/api/v1/shipments/" + first.body().get("id").asText(),
                Tokens.user(port, "supplier"));
        assertThat(read.status()).as("a supplier announces, but does not read the shipment list").isEqualTo(403);
    }

    @Test
    void aBookedFedExShipmentIsCancelledAtFedExOnceAndNotAfterwards() {
        JsonNode transfer = readyTransfer(true);
        String tracking = FedExSandbox.trackingNumber();
        FedExSandbox.stubBooking(transfer.get("number").asText(), tracking, pdf("label " + tracking));
        FedExSandbox.stubCancel(tracking);
        Api.Response booked = api.post("/api/v1/transfers/" + transfer.get("id").asText() + "/shipments",
                warehouse(), transferShipment("fedex", "FEDEX_INTERNATIONAL_PRIORITY", null));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String id = booked.body().get("id").asText();

        assertThat(api.post("/api/v1/shipments/" + id + "/cancel", Tokens.user(port, "employee"), Map.of()).status())
                .isEqualTo(403);
        Api.Response cancelled = api.post("/api/v1/shipments/" + id + "/cancel", Tokens.user(port, "buyer"), Map.of());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
        Api.Response again = api.post("/api/v1/shipments/" + id + "/cancel", warehouse(), Map.of());
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        FedExSandbox.server().verify(1, com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/ship/v1/shipments/cancel"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.trackingNumber",
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo(tracking))));
        assertThat(jdbc.queryForObject("select count(*) from audit_record where entity_type = 'Shipment' "
                + "and entity_id = ? and action = 'CANCELLED'", Long.class, id)).isEqualTo(1);
    }

    @Test
    void peopleSetTheStatusOfManualShipmentsButNotOfTrackedOnes() {
        JsonNode transfer = readyTransfer(true);
        Api.Response booked = api.post("/api/v1/transfers/" + transfer.get("id").asText() + "/shipments",
                warehouse(), transferShipment("manual", null, "VAN-" + transfer.get("number").asText()));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String id = booked.body().get("id").asText();

        Api.Response delivered = api.post("/api/v1/shipments/" + id + "/status", warehouse(),
                Map.of("status", "DELIVERED", "note", "signed by the goods-in clerk"));

        assertThat(delivered.status()).as(delivered.raw()).isEqualTo(200);
        assertThat(delivered.body().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.body().get("deliveredAt").isNull()).isFalse();
        Api.Response events = api.get("/api/v1/shipments/" + id + "/events", Tokens.user(port, "manager"));
        assertThat(events.body()).hasSize(1);
        assertThat(events.body().get(0).get("source").asText()).isEqualTo("PERSON");
        assertThat(events.body().get(0).get("description").asText()).contains("goods-in clerk", "warehouse");
        Api.Response unknown = api.post("/api/v1/shipments/" + id + "/status", warehouse(), Map.of("status", "UNKNOWN"));
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void quotesComeFromFedExCheapestFirstAndNoneFromTheManualCarrier() {
        FedExSandbox.stubRates();
        Map<String, Object> body = new LinkedHashMap<>(transferShipment("fedex", null, null));
        body.remove("trackingNumber");

        Api.Response quotes = api.post("/api/v1/shipments/quotes", Tokens.user(port, "buyer"), body);

        assertThat(quotes.status()).as(quotes.raw()).isEqualTo(200);
        assertThat(quotes.body()).hasSize(2);
        assertThat(quotes.body().get(0).get("service").get("code").asText()).isEqualTo("INTERNATIONAL_ECONOMY");
        assertThat(quotes.body().get(1).get("charge").get("amount").decimalValue()).isEqualByComparingTo("131.72");
        body.put("carrierCode", "manual");
        Api.Response manual = api.post("/api/v1/shipments/quotes", warehouse(), body);
        assertThat(manual.status()).as(manual.raw()).isEqualTo(200);
        assertThat(manual.body()).isEmpty();
        assertThat(api.post("/api/v1/shipments/quotes", Tokens.user(port, "employee"), body).status()).isEqualTo(403);
    }

    @Test
    void theShipmentEndpointsAreInTheOpenApiDocument() {
        Api.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.body().get("paths");
        assertThat(paths.has("/api/v1/shipments")).isTrue();
        assertThat(paths.has("/api/v1/shipments/{id}/label")).isTrue();
        assertThat(paths.has("/api/v1/transfers/{transferId}/shipments")).isTrue();
        assertThat(paths.has("/api/v1/carriers/fedex/webhook")).isTrue();
    }

    // ----

    private String warehouse() {
        return inv.warehouse();
    }

    private long shipmentsOf(String referenceId) {
        return jdbc.queryForObject("select count(*) from shipment where reference_id = ?::uuid", Long.class,
                referenceId);
    }

    /** A READY transfer of 2 pieces, between two sites or within one. */
    private JsonNode readyTransfer(boolean twoSites) {
        return transfer(twoSites, true);
    }

    private JsonNode transfer(boolean twoSites, boolean ready) {
        Inventory.Warehouse from = inv.warehouse(1);
        String to = twoSites ? inv.warehouse(1).bins().get(0)
                : inv.location(from.warehouseId(), from.aisleId(), "A-01-99", "STORAGE");
        String item = inv.item("NONE", "C");
        inv.receive(item, from.bins().get(0), 5, "2.00");
        Api.Response created = api.post("/api/v1/transfers", warehouse(), Map.of("reference", Inventory.unique("REF-"),
                "lines", List.of(Inventory.line(item, 2, from.bins().get(0), to))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        if (!ready) {
            return created.body();
        }
        Api.Response r = api.post("/api/v1/transfers/" + created.body().get("id").asText() + "/ready", warehouse(),
                Map.of());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private static Map<String, Object> transferShipment(String carrier, String service, String trackingNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("carrierCode", carrier);
        body.put("serviceCode", service);
        body.put("shipper", party("Anna Berger", "Industriestrasse 12", "Koeln", "50829", "DE"));
        body.put("recipient", party("Jean Martin", "12 Rue de la Republique", "Lyon", "69002", "FR"));
        body.put("parcels", List.of(Map.of("weight", Map.of("value", 12.5, "unit", "KG"),
                "dimensions", Map.of("length", 60, "width", 40, "height", 30, "unit", "CM"))));
        body.put("trackingNumber", trackingNumber);
        return body;
    }

    private static Map<String, Object> party(String person, String street, String city, String postalCode,
            String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("streetLines", List.of(street));
        address.put("city", city);
        address.put("postalCode", postalCode);
        address.put("countryCode", country);
        address.put("residential", false);
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("personName", person);
        party.put("companyName", "Millflow Demo");
        party.put("phoneNumber", "+4922112345670");
        party.put("address", address);
        return party;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% "
                + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }
}
