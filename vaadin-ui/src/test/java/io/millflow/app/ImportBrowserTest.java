package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.ImportFiles;
import io.millflow.exchange.Table;
import io.millflow.exchange.TableReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The import wizard and a list export in a browser: a file with an error is previewed with the error listed and
 * the import disabled; the fixed file imports; a supplier list exported as CSV and XLSX holds the filtered rows; roles
 * without an import kind cannot open the wizard.
 */
@AppTest
class ImportBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        // pages render slowly when the machine is loaded: wait up to 30 s for an expected state, not 5 s
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
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

    static FilePayload csv(String name, String text) {
        return new FilePayload(name, "text/csv", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void previewShowsErrorsThenTheFixedFileImports() {
        String p = "WB" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Page page = browsers.signIn("admin", Browsers.desktop());
        page.locator("#nav-import").click();
        assertThat(page.locator("#import-kind")).containsText("Items");
        assertThat(page.locator("#template-csv")).hasAttribute("href", java.util.regex.Pattern.compile(".+"));

        page.locator("#import-upload input[type=file]").setInputFiles(csv("items.csv",
                "sku,name,base_unit\r\n" + p + "-1,Good,PCS\r\n" + p + "-2,Bad unit,FURLONG\r\n"));
        assertThat(page.locator("#import-summary")).containsText("2 rows, 1 error");
        assertThat(page.locator("#import-errors")).containsText("FURLONG");
        assertThat(page.locator("#import-commit")).isDisabled();

        page.locator("#import-upload input[type=file]").setInputFiles(csv("items-fixed.csv",
                "sku,name,base_unit\r\n" + p + "-1,Good,PCS\r\n" + p + "-2,Fixed unit,KG\r\n"));
        assertThat(page.locator("#import-summary")).containsText("2 rows, no errors");
        assertThat(page.locator("#import-commit")).isEnabled();
        page.locator("#import-commit").click();
        assertThat(page.locator("#import-result")).containsText("Imported 2 records");
        org.assertj.core.api.Assertions.assertThat(jdbc.queryForObject("select count(*) from item where sku like ?",
                Long.class, p + "-%")).isEqualTo(2);
        page.context().close();
    }

    @Test
    void theSupplierListExportsItsFilteredRows() throws Exception {
        String code = "EX" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        String buyerToken = io.millflow.app.support.Tokens.user(port, "buyer");
        ImportFiles.upload(port, "/api/v1/imports/suppliers", buyerToken, "s.csv", ImportFiles.csv(
                List.of("code", "name", "currency", "payment_terms", "payment_days"),
                List.of(List.of(code + "A", "=HYPERLINK(1)", "EUR", "NET30", "30"),
                        List.of(code + "B", "Second", "EUR", "NET30", "30"))));
        Page page = browsers.signIn("buyer", Browsers.desktop());
        page.navigate(browsers.url("/suppliers"));
        page.locator("#supplier-search input").fill(code);
        assertThat(page.locator("#suppliers")).containsText(code + "B");

        Download csv = page.waitForDownload(() -> page.locator("#suppliers-export-csv").click());
        Table t = TableReader.read("s.csv", Files.readAllBytes(csv.path()));
        org.assertj.core.api.Assertions.assertThat(t.headers()).startsWith("Code", "Name", "Currency");
        org.assertj.core.api.Assertions.assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly(code + "A", code + "B");
        org.assertj.core.api.Assertions.assertThat(t.rows().get(0).get(1)).isEqualTo("'=HYPERLINK(1)");

        Download xlsx = page.waitForDownload(() -> page.locator("#suppliers-export-xlsx").click());
        org.assertj.core.api.Assertions.assertThat(xlsx.suggestedFilename()).endsWith(".xlsx");
        Table x = TableReader.read("s.xlsx", Files.readAllBytes(xlsx.path()));
        org.assertj.core.api.Assertions.assertThat(x.rows()).extracting(r -> r.get(0)).containsExactly(code + "A", code + "B");
        page.context().close();
    }

    @Test
    void rolesWithoutAnImportKindCannotOpenTheWizard() {
        for (String user : List.of("employee", "finance")) {
            Page page = browsers.signIn(user, Browsers.desktop());
            assertThat(page.locator("#nav-import")).hasCount(0);
            page.navigate(browsers.url("/import"));
            assertThat(page.locator("body")).containsText("Could not navigate");
            assertThat(page.locator("#import-upload")).hasCount(0);
            page.context().close();
        }
        // a buyer sees only the kinds of its role
        Page buyer = browsers.signIn("buyer", Browsers.desktop());
        buyer.navigate(browsers.url("/import"));
        buyer.locator("#import-kind").click();
        // (the select also shows a copy of the chosen item in its field, so the options are counted by label)
        assertThat(buyer.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Supplier prices")).first()).isVisible();
        for (String other : List.of("Items", "Locations", "Opening stock", "Projects")) {
            assertThat(buyer.locator("vaadin-select-item").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(other))).hasCount(0);
        }
        buyer.context().close();
    }
}
