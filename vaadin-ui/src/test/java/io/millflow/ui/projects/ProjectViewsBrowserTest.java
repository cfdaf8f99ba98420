package io.millflow.ui.projects;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.ProjectFixtures;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * C's views in Chromium: an employee requests a project (Request a project → Project requests), the head sees it in
 * the inbox with its subject; and the task's Materials panel (page task-materials) requests an item, shows it reserved
 * and cancels it.
 */
@AppTest
class ProjectViewsBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
        }
    }

    private Browsers browsers() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
        return browsers;
    }

    private static void choose(Page page, String comboId, String text) {
        try {
            page.locator(comboId + " input").fill(text);
            page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(text)).first()
                    .click();
        } catch (RuntimeException e) {
            java.nio.file.Path shot = java.nio.file.Path.of("target", "playwright", "choose-" + System.nanoTime() + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            throw new AssertionError("No option " + text + " in " + comboId + " (" + page.locator(comboId).textContent()
                    + ", disabled=" + page.locator(comboId).getAttribute("disabled") + "); see " + shot.toAbsolutePath(), e);
        }
    }

    @Test
    void anEmployeeRequestsAProjectAndTheHeadSeesItInTheInbox() {
        String code = Inventory.unique("UI-");
        Page page = browsers().signIn("employee", Browsers.desktop());
        page.navigate(browsers().url("/project-requests/new"));
        page.locator("#request-code input").fill(code);
        page.locator("#request-name input").fill("Sensor housing " + code);
        choose(page, "#request-department", "ENG");
        page.locator("#request-template input").fill("PRODUCT-INTRO");
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText("PRODUCT-INTRO"))
                .first().click();
        page.locator("#request-budget input").fill("12000");
        page.locator("#submit-project-request").click();
        page.waitForURL(Pattern.compile(".*/project-requests$"));
        assertThat(page.locator("#project-requests")).containsText(code);
        assertThat(page.locator("#project-requests")).containsText("IN_APPROVAL");

        Api api = new Api(port);
        String id = null;
        for (var r : api.get("/api/v1/project-requests", new ProjectFixtures(api, port).token("employee")).body()
                .get("items")) {
            if (code.equals(r.get("code").asText())) {
                id = r.get("id").asText();
            }
        }
        org.assertj.core.api.Assertions.assertThat(id).as("request " + code).isNotNull();
        Page head = browsers().signIn("head", Browsers.desktop());
        Locator card = head.locator(".task-card[data-business-key='" + id + "']");
        for (int i = 0; i < 20 && card.count() == 0; i++) {
            head.waitForTimeout(1000);
            head.reload();
        }
        card.click();
        assertThat(head.locator("#task-title")).hasText("Approve project request");
        assertThat(head.locator("#task-subject")).containsText(code);
        assertThat(head.locator("#task-subject")).containsText("Requested by employee");
    }

    @Test
    void theMaterialsPanelRequestsShowsAndCancels() {
        Api api = new Api(port);
        Inventory inv = new Inventory(api, port);
        ProjectFixtures pf = new ProjectFixtures(api, port);
        Inventory.Warehouse wh = inv.warehouse(1);
        String itemId = inv.item("NONE", "C");
        String sku = api.get("/api/v1/items/" + itemId, inv.admin()).text("sku");
        inv.receive(itemId, wh.bins().get(0), 5, "2.00");
        String projectId = pf.project("manager", "employee").get("id").asText();
        String taskId = pf.task(projectId, "manager", "Assemble", "employee", false).get("id").asText();

        Page page = browsers().signIn("employee", Browsers.desktop());
        page.navigate(browsers().url("/task-materials/" + taskId));
        assertThat(page.locator("#material-cost")).containsText("0.00");
        choose(page, "#material-warehouse", "W" + wh.code());
        choose(page, "#material-item", sku);
        page.locator("#material-quantity input").fill("2");
        page.locator("#request-materials").click();
        assertThat(page.locator("#material-requests")).containsText("MR-");
        assertThat(page.locator("#material-requests")).containsText(sku + " 2");
        for (int i = 0; i < 20; i++) {
            page.reload();
            if (page.locator("#material-requests").textContent().contains("RESERVED")) {
                break;
            }
            page.waitForTimeout(1000);
        }
        assertThat(page.locator("#material-requests")).containsText("RESERVED");
        page.locator("[id^='cancel-material-MR-']").first().click();
        assertThat(page.locator("#material-requests")).containsText("CANCELLED");
        assertThat(page.locator("[id^='cancel-material-MR-']:visible")).hasCount(0);
    }
}
