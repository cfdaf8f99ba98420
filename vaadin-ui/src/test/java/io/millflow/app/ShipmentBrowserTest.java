package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.FedExSandbox;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Shipments view in Chromium: who sees it, tracking events of a pushed shipment, the label download. */
@AppTest
class ShipmentBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;
    Api api;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void setUp() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
        api = new Api(port);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    @Test
    void theViewIsForShipmentReadersAndShowsTheEventsOfAPushedShipment() {
        for (String user : List.of("employee", "supplier")) {
            Page page = browsers.login(user, "millflow", Browsers.desktop());
            page.navigate(browsers.url("/shipments"));
            assertThat(page.locator("body")).containsText("Could not navigate");
            assertThat(page.locator("#shipment-grid")).hasCount(0);
            page.context().close();
        }
        String tracking = FedExSandbox.trackingNumber();
        Api.Response announced = api.post("/api/v1/shipments/inbound", Tokens.user(port, "buyer"), Map.of(
                "referenceType", "ASN", "referenceId", UUID.randomUUID(), "carrierCode", "fedex",
                "trackingNumber", tracking));
        org.assertj.core.api.Assertions.assertThat(announced.status()).isEqualTo(200);
        byte[] push = FedExSandbox.webhookPush(tracking, "ui-" + tracking);
        String ts = String.valueOf(Instant.now().getEpochSecond());
        Api.Response pushed = api.post("/api/v1/carriers/fedex/webhook", null, new String(push, StandardCharsets.UTF_8),
                Map.of("fdx-signature", FedExSandbox.sign(ts, push, FedExSandbox.WEBHOOK_SECRET),
                        "X-Webhook-Timestamp", ts));
        org.assertj.core.api.Assertions.assertThat(pushed.status()).as(pushed.raw()).isEqualTo(200);

        Page buyer = browsers.signIn("buyer", Browsers.desktop());
        assertThat(buyer.locator("vaadin-side-nav")).containsText("Shipments");
        buyer.navigate(browsers.url("/shipments"));
        assertThat(buyer.locator("#shipment-grid")).isVisible();
        assertThat(buyer.locator("#ship-transfer-form")).hasCount(0);
        buyer.locator("#shipment-search input").fill(tracking);
        buyer.locator("#shipment-search input").press("Enter");
        onlyOneRow(buyer);
        Locator row = buyer.locator("#shipment-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(tracking)).first();
        assertThat(row).isVisible();
        row.click();
        assertThat(buyer.locator("#shipment-detail")).containsText("IN_TRANSIT");
        assertThat(buyer.locator("#shipment-events")).containsText("Left FedEx origin facility");
        assertThat(buyer.locator("#shipment-events")).containsText("Picked up");
        buyer.context().close();
    }

    /** Waits until the search has reached the grid: the tracking number is unique, so one row is left. */
    private static void onlyOneRow(Page page) {
        page.waitForFunction("() => document.querySelector('#shipment-grid').size === 1");
    }

    @Test
    void theWarehouseDownloadsTheLabelOfAFedExShipment() throws Exception {
        Inventory inv = new Inventory(api, port);
        Inventory.Warehouse from = inv.warehouse(1);
        Inventory.Warehouse to = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        inv.receive(item, from.bins().get(0), 3, "1.00");
        Api.Response created = api.post("/api/v1/transfers", inv.warehouse(), Map.of("lines",
                List.of(Inventory.line(item, 1, from.bins().get(0), to.bins().get(0)))));
        String transferId = created.body().get("id").asText();
        JsonNode ready = api.post("/api/v1/transfers/" + transferId + "/ready", inv.warehouse(), Map.of()).body();
        String tracking = FedExSandbox.trackingNumber();
        byte[] pdf = ShipmentApiTest.pdf("ui label " + tracking);
        FedExSandbox.stubBooking(ready.get("number").asText(), tracking, pdf);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("carrierCode", "fedex");
        body.put("serviceCode", "FEDEX_INTERNATIONAL_PRIORITY");
        body.put("shipper", Map.of("personName", "A", "phoneNumber", "1", "address", Map.of("streetLines",
                List.of("Industriestrasse 12"), "city", "Koeln", "postalCode", "50829", "countryCode", "DE")));
        body.put("recipient", Map.of("personName", "B", "phoneNumber", "2", "address", Map.of("streetLines",
                List.of("12 Rue de la Republique"), "city", "Lyon", "postalCode", "69002", "countryCode", "FR")));
        body.put("parcels", List.of(Map.of("weight", Map.of("value", 2, "unit", "KG"))));
        Api.Response booked = api.post("/api/v1/transfers/" + transferId + "/shipments", inv.warehouse(), body);
        org.assertj.core.api.Assertions.assertThat(booked.status()).as(booked.raw()).isEqualTo(201);

        Page page = browsers.signIn("warehouse", Browsers.desktop());
        page.navigate(browsers.url("/shipments"));
        assertThat(page.locator("#ship-transfer-form")).isVisible();
        page.locator("#shipment-search input").fill(tracking);
        page.locator("#shipment-search input").press("Enter");
        onlyOneRow(page);
        page.locator("#shipment-grid vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(tracking)).first().click();
        assertThat(page.locator("#shipment-label-1")).isVisible();
        assertThat(page.locator("#shipment-cancel")).isVisible();
        Download download = page.waitForDownload(() -> page.locator("#shipment-label-1").click());
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(pdf);
        page.context().close();
    }
}
