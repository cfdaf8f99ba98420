package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Mail view in Chromium: ADMIN only; an unknown placeholder is refused readably; the preview fills samples. */
@AppTest
class MailTemplatesBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;

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

    @Test
    void onlyAdminEditsTemplatesAndPreviewsThem() {
        for (String user : List.of("manager", "buyer")) {
            Page page = browsers.login(user, "millflow", Browsers.desktop());
            page.navigate(browsers.url("/admin/mail-templates"));
            assertThat(page.locator("body")).containsText("Could not navigate");
            assertThat(page.locator("#mail-template-grid")).hasCount(0);
            assertThat(page.locator("#nav-mail")).hasCount(0);
            page.context().close();
        }

        Page page = browsers.signIn("admin", Browsers.desktop());
        page.navigate(browsers.url("/"));
        page.locator("#nav-mail").click();
        assertThat(page.locator("#mail-template-grid")).isVisible();
        page.locator("#mail-template-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Neue Aufgabe: {{title}}")).click();
        assertThat(page.locator("#mail-template-placeholders")).containsText("{{recipientName}}");

        page.locator("#mail-template-subject input").fill("Neue Aufgabe: {{title}} {{passwort}}");
        page.locator("#mail-template-save").click();
        assertThat(page.locator("#mail-template-error")).containsText("passwort");

        page.locator("#mail-template-subject input").fill("Neu für Sie: {{title}}");
        page.locator("#mail-template-preview").click();
        assertThat(page.locator("#mail-preview-subject")).hasText("Neu für Sie: Aufgabe: Prüfplan erstellen");
        assertThat(page.locator("#mail-preview-text")).containsText("Hallo Erika Mustermann");
        assertThat(page.locator("#mail-template-error")).hasText("");
        page.context().close();
    }
}
