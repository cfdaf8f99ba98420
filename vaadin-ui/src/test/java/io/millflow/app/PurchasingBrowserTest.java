package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.Purchasing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The supplier views and the requisition form's catalogue lines in a real browser, and who may open them. */
@AppTest
class PurchasingBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void setUp() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    private static void choose(Page page, String comboId, String text) {
        page.locator(comboId + " input").fill(text);
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(text)).first()
                .click();
        assertThat(page.locator(comboId + " input")).hasValue(java.util.regex.Pattern.compile(".*" + text + ".*"));
    }

    @Test
    void supplierViewsAreForBuyersAndAdminsOnly() {
        String acme = jdbc.queryForObject("select id::text from supplier where code = 'ACME'", String.class);
        for (String user : List.of("employee", "warehouse", "supplier", "manager")) {
            Page page = user.equals("supplier") ? browsers.login(user, "millflow", Browsers.desktop())
                    : browsers.signIn(user, Browsers.desktop());
            if (!user.equals("supplier")) {
                assertThat(page.locator("vaadin-side-nav")).containsText("My requisitions");
                assertThat(page.locator("vaadin-side-nav")).not().containsText("Suppliers");
            }
            for (String view : List.of("/suppliers", "/supplier/" + acme, "/supplier/new")) {
                page.navigate(browsers.url(view));
                assertThat(page.locator("body")).containsText("Could not navigate");
                assertThat(page.locator("#suppliers, #save-supplier")).hasCount(0);
            }
            page.context().close();
        }
        for (String user : List.of("buyer", "admin")) {
            Page page = browsers.signIn(user, Browsers.desktop());
            assertThat(page.locator("vaadin-side-nav")).containsText("Suppliers");
            page.navigate(browsers.url("/suppliers"));
            assertThat(page.locator("#suppliers")).containsText("ACME Industrial Supply GmbH");
            page.context().close();
        }
    }

    @Test
    void aBuyerCreatesASupplierAddsACatalogueItemAndBlocksIt() {
        String code = Purchasing.unique("UI");
        Page page = browsers.signIn("buyer", Browsers.desktop());
        page.navigate(browsers.url("/supplier/new"));
        page.locator("#supplier-code input").fill(code);
        page.locator("#supplier-name input").fill("Browser Supplier " + code);
        page.locator("#save-supplier").click();
        assertThat(page.locator("h3")).containsText(code);
        String id = jdbc.queryForObject("select id::text from supplier where code = ?", String.class, code);

        choose(page, "#catalogue-item", "SEAL-KIT-HP");
        page.locator("#supplier-sku input").fill("SK-" + code);
        page.locator("#price-breaks input").fill("1: 150.00, 5: 140.00");
        page.locator("#add-supplier-item").click();
        assertThat(page.locator("#supplier-items")).containsText("SK-" + code);
        List<Map<String, Object>> prices = jdbc.queryForList("select p.min_quantity, p.unit_price from supplier_price p "
                + "join supplier_item i on i.id = p.supplier_item_id where i.supplier_id = ?::uuid order by 1", id);
        assertThat(prices).hasSize(2);
        assertThat(prices.get(1).get("unit_price").toString()).isEqualTo("140.0000");

        page.locator("#block-reason input").fill("Test block");
        page.locator("#block-supplier").click();
        assertThat(page.locator("#blocked-state")).containsText("Blocked: Test block");
        assertThat(jdbc.queryForObject("select blocked from supplier where id = ?::uuid", Boolean.class, id)).isTrue();
        page.context().close();
    }

    @Test
    void anEmployeeAddsACatalogueLineWithTheSuppliersPrice() {
        Page page = browsers.signIn("employee", Browsers.desktop());
        page.navigate(browsers.url("/requisitions/new"));
        choose(page, "#catalogue-item", "BOLT-M8X40");
        assertThat(page.locator("#catalogue-supplier input")).hasValue(java.util.regex.Pattern.compile("ACME.*"));
        page.locator("#catalogue-quantity input").fill("12");
        page.locator("#catalogue-quantity input").press("Tab");
        assertThat(page.locator("#catalogue-price")).containsText("132.00 EUR");
        page.locator("#add-catalogue-line").click();
        assertThat(page.locator("#requisition-lines")).containsText("BOLT-M8X40");
        String marker = Purchasing.unique("Browser catalogue line");
        page.locator("#justification textarea").fill(marker);
        page.locator("#cost-centre input").fill("CC-3000");
        page.locator("#submit-requisition").click();
        page.waitForURL(java.util.regex.Pattern.compile(".*/requisitions/[0-9a-f-]{36}.*"));
        Map<String, Object> line = jdbc.queryForMap("select l.unit, l.quantity, l.unit_price, s.code from "
                + "purchase_requisition_line l join purchase_requisition r on r.id = l.requisition_id "
                + "join supplier s on s.id = l.supplier_id where r.justification = ?", marker);
        assertThat(line.get("code")).isEqualTo("ACME");
        assertThat(line.get("unit")).isEqualTo("BOX");
        assertThat(line.get("unit_price").toString()).isEqualTo("11.0000");
        page.context().close();
    }
}
