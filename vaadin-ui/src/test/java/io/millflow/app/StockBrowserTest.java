package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.StockData;
import io.millflow.security.UserAccounts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The inventory screens in a real browser: live stock overview across two browser contexts, posting form
 * errors, item page and location tree (also live), roles, counting on a phone, and a supervisor approving
 * count differences in the inbox.
 */
@AppTest
class StockBrowserTest {

    /** How long a view may take to show a move posted elsewhere (the requirement is about one second). */
    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(5_000);

    private static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    UserAccounts accounts;

    private StockData data;

    @BeforeAll
    static void noBrowserYet() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void setUp() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
        data = new StockData(new Api(port), port);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    /** A site and warehouse with zone Z (VIEW) holding bins B1 and B2, codes unique to this run. */
    private record Store(String suffix, String siteId, String warehouseId, String warehouseCode, String zoneId,
            String zoneCode, String bin1Id, String bin1Code, String bin2Id, String bin2Code) {
    }

    private Store store() {
        String s = StockData.unique();
        String siteId = data.site("S" + s);
        String warehouseCode = "W" + s;
        String warehouseId = data.warehouse(siteId, warehouseCode);
        String zoneId = data.location(warehouseId, null, "Z" + s, "VIEW");
        String bin1Id = data.location(warehouseId, zoneId, "B1-" + s, "STORAGE");
        String bin2Id = data.location(warehouseId, zoneId, "B2-" + s, "STORAGE");
        return new Store(s, siteId, warehouseId, warehouseCode, zoneId, "Z" + s, bin1Id, "B1-" + s, bin2Id, "B2-" + s);
    }

    private static Locator onHand(Page page, String scope, String sku, String location) {
        return page.locator(scope + " span.on-hand[data-sku='" + sku + "'][data-location='" + location + "']");
    }

    /** Types into a combo box and picks the option whose label contains {@code text}. */
    private static void choose(Page page, String comboId, String text) {
        page.locator(comboId + " input").fill(text);
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(text)).first().click();
        // codes and SKUs in these tests hold letters, digits and '-' only: no regex escaping needed
        assertThat(page.locator(comboId + " input")).hasValue(java.util.regex.Pattern.compile(".*" + text + ".*"));
    }

    private static void markWindow(Page page, String marker) {
        page.evaluate("m => { window.__millflowMarker = m; }", marker);
    }

    private static String windowMarker(Page page) {
        return (String) page.evaluate("() => window.__millflowMarker || null");
    }

    private static int pageWidth(Page page) {
        return ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
    }

    @Test
    void aReceiptPostedInOneBrowserShowsInAnotherBrowsersStockOverviewWithoutReload() {
        Store st = store();
        String sku = "LIVE-" + st.suffix();
        String itemId = data.item(sku, "NONE", "C");
        data.receive(itemId, st.bin1Id(), 5, null);

        Page viewer = browsers.signIn("buyer", Browsers.desktop());
        viewer.navigate(browsers.url("/stock?q=" + sku));
        Locator cell = onHand(viewer, "#stock-grid", sku, st.bin1Code());
        assertThat(cell).hasText("5");
        assertThat(viewer.locator("#stock-total-on-hand")).hasText("5");
        String marker = UUID.randomUUID().toString();
        markWindow(viewer, marker);

        Page poster = browsers.signIn("warehouse", Browsers.desktop());
        poster.navigate(browsers.url("/stock/post"));
        poster.locator("#post-type vaadin-radio-button").filter(new Locator.FilterOptions().setHasText("101 ·")).click();
        choose(poster, "#post-item", sku);
        poster.locator("#post-quantity input").fill("7");
        choose(poster, "#post-to", st.bin1Code());
        poster.locator("#post-reference input").fill("PO-" + st.suffix());
        poster.locator("#post-unit-cost input").fill("2.50");
        long clicked = System.nanoTime();
        poster.locator("#post-submit").click();
        viewer.waitForFunction("([sku, bin]) => { const cell = document.querySelector("
                + "`#stock-grid span.on-hand[data-sku='${sku}'][data-location='${bin}']`);"
                + " return cell !== null && cell.textContent.trim() === '12'; }", List.of(sku, st.bin1Code()),
                new Page.WaitForFunctionOptions().setPollingInterval(50).setTimeout(5_000));
        System.out.printf("Live stock: the other browser showed the receipt %d ms after the post button was clicked%n",
                (System.nanoTime() - clicked) / 1_000_000);
        assertThat(poster.locator("#post-result")).containsText("Posted SD-");
        String document = poster.locator("#post-result p").getAttribute("data-document");
        assertThat(document).matches("SD-.+");

        assertThat(cell).hasText("12", LIVE);
        assertThat(viewer.locator("#stock-total-on-hand")).hasText("12", LIVE);
        assertThat(windowMarker(viewer)).as("the overview was updated in place, not reloaded").isEqualTo(marker);
        assertThat(data.onHand(itemId)).isEqualTo("12");
        poster.context().close();
        viewer.context().close();
    }

    @Test
    void postingErrorsShowNextToTheFieldAtFaultAndPostNothing() {
        Store st = store();
        String serialSku = "SER-" + st.suffix();
        String serialItem = data.item(serialSku, "SERIAL", "A");
        String lotSku = "LOT-" + st.suffix();
        String lotItem = data.item(lotSku, "LOT", "B");

        Page page = browsers.signIn("warehouse", Browsers.desktop());
        page.navigate(browsers.url("/stock/post?type=501"));
        assertThat(page.locator("#post-type vaadin-radio-button[checked]")).containsText("501");
        choose(page, "#post-item", serialSku);
        assertThat(page.locator("#post-serials")).isVisible();
        page.locator("#post-quantity input").fill("1.5");
        choose(page, "#post-to", st.bin1Code());
        page.locator("#post-submit").click();
        assertThat(page.locator("#post-quantity")).hasAttribute("invalid", "");
        assertThat(page.locator("#post-quantity [slot='error-message']"))
                .containsText("must be a whole number of units for serial-tracked item " + serialSku);
        assertThat(page.locator("#post-result")).isEmpty();

        choose(page, "#post-item", lotSku);
        assertThat(page.locator("#post-lot")).isVisible();
        assertThat(page.locator("#post-serials")).isHidden();
        page.locator("#post-quantity input").fill("3");
        page.locator("#post-submit").click();
        assertThat(page.locator("#post-lot")).hasAttribute("invalid", "");
        assertThat(page.locator("#post-lot [slot='error-message']")).containsText("is required: item " + lotSku
                + " is lot-tracked");
        assertThat(page.locator("#post-quantity")).not().hasAttribute("invalid", "");

        assertThat(data.onHand(serialItem)).isEqualTo("0");
        assertThat(data.onHand(lotItem)).isEqualTo("0");
        page.context().close();
    }

    @Test
    void theItemPageAndTheLocationTreeShowStockAndFollowMovesLive() {
        Store st = store();
        String sku = "ITEM-" + st.suffix();
        String itemId = data.item(sku, "LOT", "B");
        String lot = "L" + st.suffix();
        Map<String, Object> receipt = new LinkedHashMap<>();
        receipt.put("itemId", itemId);
        receipt.put("quantity", 6);
        receipt.put("toLocationId", st.bin1Id());
        receipt.put("lot", lot);
        receipt.put("unitCost", 2);
        JsonNode received = data.post("101", "PO-" + st.suffix(), receipt);
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("itemId", itemId);
        reservation.put("warehouseId", st.warehouseId());
        reservation.put("quantity", 2);
        reservation.put("purposeType", "PROJECT");
        reservation.put("purposeRef", "PRJ-" + st.suffix());
        Api.Response reserved = data.asWarehouse("/api/v1/reservations", reservation);
        assertThat(reserved.status()).as(reserved.raw()).isEqualTo(201);

        Page page = browsers.signIn("finance", Browsers.desktop());
        page.navigate(browsers.url("/stock/item/" + itemId));
        assertThat(page.locator("#item-title")).containsText(sku);
        assertThat(onHand(page, "#item-locations", sku, st.bin1Code())).hasText("6");
        assertThat(page.locator("#item-locations span.reserved[data-location='" + st.bin1Code() + "']")).hasText("2");
        assertThat(page.locator("#item-available")).hasText("4");
        assertThat(page.locator("#item-valuation")).containsText("S" + st.suffix());
        assertThat(page.locator("#item-valuation")).containsText("12.00");
        assertThat(page.locator("#item-moves")).containsText(received.get("number").asText());
        assertThat(page.locator("#item-reservations")).containsText(reserved.text("number"));
        assertThat(page.locator("#item-reservations")).containsText("PRJ-" + st.suffix());
        Locator chart = page.locator("millflow-stock-chart#item-history");
        assertThat(chart).hasAttribute("data-rendered", "true");
        // nothing on hand the day before the first move, then 6 today
        assertThat(chart).hasAttribute("data-points", "2");
        assertThat(chart.locator("canvas")).hasCount(1);

        String marker = UUID.randomUUID().toString();
        markWindow(page, marker);
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("itemId", itemId);
        issue.put("quantity", 1);
        issue.put("fromLocationId", st.bin1Id());
        issue.put("lot", lot);
        String issued = data.post("201", "CC-1000", issue).get("number").asText();
        assertThat(onHand(page, "#item-locations", sku, st.bin1Code())).hasText("5", LIVE);
        assertThat(page.locator("#item-moves")).containsText(issued);
        assertThat(windowMarker(page)).isEqualTo(marker);

        page.navigate(browsers.url("/stock/locations?warehouse=" + st.warehouseCode()));
        Locator tree = page.locator("#location-tree");
        assertThat(tree).containsText(st.zoneCode());
        assertThat(tree).containsText(st.bin2Code());
        tree.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(st.bin1Code())).first()
                .click();
        assertThat(page.locator("#bin-title")).containsText(st.bin1Code());
        assertThat(onHand(page, "#bin-grid", sku, st.bin1Code())).hasText("5");
        tree.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(st.bin2Code())).first()
                .click();
        assertThat(page.locator("#bin-title")).containsText(st.bin2Code());
        assertThat(page.locator("#bin-grid span.on-hand:visible")).hasCount(0);
        // the name cell: a click on the code cell of a zone toggles it open or closed instead of selecting it
        tree.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Bin " + st.zoneCode()))
                .click();
        assertThat(page.locator("#bin-title")).containsText("(and below)");
        assertThat(onHand(page, "#bin-grid", sku, st.bin1Code())).hasText("5");

        marker = UUID.randomUUID().toString();
        markWindow(page, marker);
        data.receive(itemId, st.bin2Id(), 4, lot);
        assertThat(onHand(page, "#bin-grid", sku, st.bin2Code())).hasText("4", LIVE);
        assertThat(onHand(page, "#bin-grid", sku, st.bin1Code())).hasText("5");
        assertThat(windowMarker(page)).isEqualTo(marker);
        page.context().close();
    }

    @Test
    void stockViewsAreForStockRolesAndPostingIsForTheWarehouse() {
        String anyItem = "/stock/item/" + UUID.randomUUID();
        for (String user : List.of("employee", "supplier")) {
            Page page = browsers.login(user, "millflow", Browsers.desktop());
            for (String view : List.of("/stock", "/stock/locations", "/stock/post", "/stock/counts", anyItem)) {
                page.navigate(browsers.url(view));
                assertThat(page.locator("body")).containsText("Could not navigate");
                assertThat(page.locator("#stock-grid, #location-tree, #post-submit, #count-list, #item-title"))
                        .hasCount(0);
            }
            page.context().close();
        }

        Page buyer = browsers.signIn("buyer", Browsers.desktop());
        Locator nav = buyer.locator("vaadin-side-nav");
        assertThat(nav).containsText("Stock");
        assertThat(nav).containsText("Locations");
        assertThat(nav).not().containsText("Post stock");
        assertThat(nav).not().containsText("Cycle counts");
        buyer.navigate(browsers.url("/stock"));
        assertThat(buyer.locator("#stock-grid")).isVisible();
        buyer.navigate(browsers.url("/stock/locations"));
        assertThat(buyer.locator("#location-tree")).isVisible();
        for (String view : List.of("/stock/post", "/stock/counts")) {
            buyer.navigate(browsers.url(view));
            assertThat(buyer.locator("body")).containsText("Could not navigate");
            assertThat(buyer.locator("#post-submit, #count-list")).hasCount(0);
        }
        buyer.context().close();

        Page warehouse = browsers.signIn("warehouse", Browsers.desktop());
        assertThat(warehouse.locator("vaadin-side-nav")).containsText("Post stock");
        assertThat(warehouse.locator("vaadin-side-nav")).containsText("Cycle counts");
        warehouse.context().close();
    }

    @Test
    void aCountIsCreatedEnteredBlindAndSubmittedOnAPhone() {
        Store st = store();
        String sku = "CNT-" + st.suffix();
        String itemId = data.item(sku, "NONE", "C");
        data.receive(itemId, st.bin1Id(), 10, null);
        data.receive(itemId, st.bin2Id(), 4, null);

        Page page = browsers.signIn("warehouse", Browsers.phone());
        page.navigate(browsers.url("/stock/counts"));
        assertThat(page.locator("#count-create")).isVisible();
        assertThat(pageWidth(page)).as("no horizontal scrolling").isLessThanOrEqualTo(390);
        choose(page, "#count-warehouse", st.warehouseCode());
        choose(page, "#count-location", st.zoneCode());
        page.locator("#count-create").click();

        Locator sheet = page.locator("#count-sheet");
        assertThat(sheet.locator(".count-line")).hasCount(2);
        assertThat(page.locator("#count-detail")).not().containsText("Book");
        assertThat(page.locator("#count-detail .book")).hasCount(0);
        String number = page.locator("#count-number").textContent().split(" ")[0];
        assertThat(page.locator(".count-card[data-number='" + number + "']")).isVisible();
        assertThat(pageWidth(page)).as("no horizontal scrolling").isLessThanOrEqualTo(390);

        sheet.locator(".count-line").filter(new Locator.FilterOptions().setHasText(st.bin1Code()))
                .locator(".count-qty input").fill("10");
        page.locator("#count-submit").click();
        Locator bin2Field = sheet.locator(".count-line").filter(new Locator.FilterOptions().setHasText(st.bin2Code()))
                .locator(".count-qty");
        assertThat(bin2Field).hasAttribute("invalid", "");
        bin2Field.locator("input").fill("3");
        page.locator("#count-submit").click();

        assertThat(page.locator("#count-state")).hasText("POSTED");
        Locator bin1 = page.locator(".count-result").filter(new Locator.FilterOptions().setHasText(st.bin1Code()));
        Locator bin2 = page.locator(".count-result").filter(new Locator.FilterOptions().setHasText(st.bin2Code()));
        assertThat(bin1.locator(".book")).hasText("10 PCS");
        assertThat(bin1.locator(".counted")).hasText("10 PCS");
        assertThat(bin1.locator(".difference")).hasText("0");
        assertThat(bin1).hasAttribute("data-outcome", "NO_DIFFERENCE");
        assertThat(bin2.locator(".book")).hasText("4 PCS");
        assertThat(bin2.locator(".counted")).hasText("3 PCS");
        assertThat(bin2.locator(".difference")).hasText("-1");
        assertThat(bin2).hasAttribute("data-outcome", "POSTED");
        assertThat(pageWidth(page)).as("no horizontal scrolling").isLessThanOrEqualTo(390);
        assertThat(data.onHand(itemId)).isEqualTo("13");
        page.context().close();
    }

    @Test
    void anotherSupervisorApprovesCountDifferencesInTheInbox() {
        Store st = store();
        String sku = "APR-" + st.suffix();
        String itemId = data.item(sku, "NONE", "A");
        data.receive(itemId, st.bin1Id(), 10, null);
        Api.Response created = data.asWarehouse("/api/v1/cycle-counts",
                Map.of("warehouseId", st.warehouseId(), "locationId", st.bin1Id()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String countId = created.text("id");
        String number = created.text("number");
        Api.Response counted = data.asWarehouse("/api/v1/cycle-counts/" + countId + "/counts", Map.of("lines",
                List.of(Map.of("locationId", st.bin1Id(), "itemId", itemId, "countedQuantity", 7))));
        assertThat(counted.status()).as(counted.raw()).isEqualTo(200);
        assertThat(counted.text("status")).isEqualTo("PENDING_APPROVAL");

        String supervisor = "wh-" + st.suffix().toLowerCase();
        accounts.create("test", supervisor, "millflow-2", "Second supervisor", supervisor + "@test.millflow.io",
                Set.of("WAREHOUSE"));
        Page page = browsers.signIn(supervisor, "millflow-2", Browsers.desktop());
        Locator card = page.locator(".task-card").filter(new Locator.FilterOptions().setHasText(number));
        assertThat(card).containsText("1 line over tolerance");
        card.click();
        assertThat(page.locator("#task-count-number")).hasText(number);
        Locator line = page.locator("#count-lines .count-result");
        assertThat(line).hasCount(1);
        assertThat(line.locator(".book")).hasText("10 PCS");
        assertThat(line.locator(".counted")).hasText("7 PCS");
        assertThat(line.locator(".difference")).hasText("-3");
        assertThat(line.locator(".outcome")).hasText("NEEDS APPROVAL");
        page.locator("#decision-comment textarea").fill("Recounted, three broken");
        page.locator("#approve-task").click();
        assertThat(card).hasCount(0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                data.getAsWarehouse("/api/v1/cycle-counts/" + countId).text("status")).isEqualTo("POSTED"));
        assertThat(data.onHand(itemId)).isEqualTo("7");
        page.context().close();
    }
}
