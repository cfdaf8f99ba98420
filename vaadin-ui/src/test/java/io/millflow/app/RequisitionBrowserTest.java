package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.millflow.app.support.AppTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The requisition journey in a real browser (Debian's Chromium driven by Playwright): an employee asks,
 * manager, head and finance approve in their inboxes, the employee sees the purchase order; and a
 * rejection. The employee never sees an approval task.
 */
@AppTest
class RequisitionBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian's chromium is not installed (.ci/run installs it: apt-get install -y chromium)");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private Page signIn(String username) {
        return signIn(username, desktop());
    }

    private static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions().setViewportSize(1280, 900);
    }

    /** Signs in and lands on the inbox, which shows who is signed in. */
    private Page signIn(String username, Browser.NewContextOptions options) {
        Page page = login(username, options);
        page.navigate(base() + "/inbox");
        try {
            assertThat(page.locator("#current-user")).hasText(username);
        } catch (AssertionError e) {
            Path shot = Path.of("target", "playwright", "signin-" + username + "-" + System.nanoTime() + ".png");
            page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
            throw new AssertionError("Signed in as " + username + " but " + page.url() + " shows no user; see "
                    + shot.toAbsolutePath(), e);
        }
        return page;
    }

    /** Submits the login form of a fresh browser context and checks the server accepted it. */
    private Page login(String username, Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(base() + "/login");
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill("millflow");
        Response answer = page.waitForResponse(
                r -> r.url().endsWith("/login") && "POST".equals(r.request().method()),
                () -> page.locator("#sign-in").click());
        String target = answer.headerValue("location");
        if (answer.status() != 302 || target == null || target.contains("error")) {
            throw new AssertionError("Sign-in of " + username + " answered " + answer.status() + " -> " + target);
        }
        page.waitForLoadState();
        return page;
    }

    private String submitRequisition(Page page, String item, String quantity, String unitPrice) {
        page.navigate(base() + "/requisitions/new");
        page.locator("#item-description input").fill(item);
        page.locator("#quantity input").fill(quantity);
        page.locator("#unit-price input").fill(unitPrice);
        page.locator("#justification textarea").fill("Needed for the new assembly line");
        page.locator("#cost-centre input").fill("CC-4000");
        page.locator("#submit-requisition").click();
        page.waitForURL(url -> url.matches(".*/requisitions/[0-9a-f-]{36}$"));
        Locator opened = page.locator("vaadin-details[opened]");
        assertThat(opened).hasCount(1);
        String id = opened.getAttribute("id");
        assertThat(id).matches("requisition-PR-\\d{4}-\\d{6}");
        return id.substring("requisition-".length());
    }

    private Locator card(Page page, String number) {
        return page.locator(".task-card", new Page.LocatorOptions().setHasText(number));
    }

    private void decideInInbox(String username, String number, boolean approve, String comment) {
        Page page = signIn(username);
        page.navigate(base() + "/inbox");
        card(page, number).click();
        assertThat(page.locator("#task-requisition-number")).hasText(number);
        Locator diagram = page.locator("#process-diagram");
        assertThat(diagram).hasAttribute("data-rendered", "true");
        assertThat(diagram.getAttribute("data-active-ids")).startsWith("ApproveAs");
        page.locator("#decision-comment textarea").fill(comment);
        page.locator(approve ? "#approve-task" : "#reject-task").click();
        assertThat(card(page, number)).hasCount(0);
        page.context().close();
    }

    private void expectNoApprovalTasks(String number) {
        Page employee = signIn("employee");
        employee.navigate(base() + "/inbox");
        assertThat(employee.locator("#inbox-empty")).isVisible();
        assertThat(card(employee, number)).hasCount(0);
        employee.context().close();
    }

    private Locator openRequisition(Page page, String number) {
        page.navigate(base() + "/requisitions");
        Locator details = page.locator("#requisition-" + number);
        details.locator("vaadin-details-summary").click();
        return details;
    }

    @Test
    void twentyThousandEurosApprovedByThreeLevelsBecomeAnOrder() {
        Page employee = signIn("employee");
        String number = submitRequisition(employee, "Laser cutter lens set", "10", "2000");
        employee.context().close();

        expectNoApprovalTasks(number);
        decideInInbox("manager", number, true, "Approved for line 2");
        expectNoApprovalTasks(number);
        decideInInbox("head", number, true, "Within budget");
        decideInInbox("finance", number, true, "Booked on CC-4000");

        Page again = signIn("employee");
        Locator po = again.locator("#po-number-" + number);
        for (int i = 0; i < 20 && po.count() == 0; i++) {
            again.waitForTimeout(500);
            openRequisition(again, number);
        }
        assertThat(po).containsText("PO-");
        assertThat(again.locator("#requisition-" + number + " .requisition-status")).hasText("ORDERED");
        assertThat(again.locator("#requisition-" + number + " .approval-step")).hasCount(3);
        again.context().close();
    }

    @Test
    void theDeepLinkOfAnApprovalMailOpensTheTask() {
        Page employee = signIn("employee");
        String number = submitRequisition(employee, "Safety gloves", "20", "4.50");
        employee.context().close();

        Page manager = signIn("manager");
        manager.navigate(base() + "/inbox");
        String taskId = card(manager, number).getAttribute("data-task-id");
        manager.navigate(base() + "/inbox?task=" + taskId);
        assertThat(manager.locator("#task-requisition-number")).hasText(number);
        assertThat(manager.locator("#inbox-task-unavailable")).hasCount(0);

        manager.navigate(base() + "/inbox?task=no-such-task");
        assertThat(manager.locator("vaadin-notification-card")).containsText("no longer open or is not yours");
        assertThat(manager.locator("#task-title")).hasCount(0);
        manager.context().close();

        Page buyer = signIn("buyer"); // not in the task's candidate groups
        buyer.navigate(base() + "/inbox?task=" + taskId);
        assertThat(buyer.locator("vaadin-notification-card")).containsText("no longer open or is not yours");
        assertThat(buyer.locator("#task-requisition-number")).hasCount(0);
        buyer.context().close();
    }

    @Test
    void aRejectionEndsTheRequisitionRejected() {
        Page employee = signIn("employee");
        String number = submitRequisition(employee, "Office chairs", "2", "250");
        employee.context().close();

        decideInInbox("manager", number, false, "Use the chairs in storage");

        Page again = signIn("employee");
        Locator details = openRequisition(again, number);
        assertThat(details.locator(".requisition-status")).hasText("REJECTED");
        assertThat(details).containsText("Use the chairs in storage");
        again.context().close();
    }

    @Test
    void suppliersCannotOpenTheInternalViews() {
        Page supplier = login("supplier", desktop());
        for (String view : List.of("/requisitions/new", "/requisitions", "/inbox")) {
            supplier.navigate(base() + view);
            supplier.waitForLoadState();
            assertThat(supplier.locator("#submit-requisition")).hasCount(0);
            assertThat(supplier.locator("#task-list")).hasCount(0);
            assertThat(supplier.locator("body")).containsText("Could not navigate");
        }
        supplier.context().close();
    }

    @Test
    void theInboxFitsAPhoneAndTheAppIsInstallable() {
        Page page = signIn("manager", new Browser.NewContextOptions().setViewportSize(390, 844)
                .setIsMobile(true).setHasTouch(true));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox"))).isVisible();
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(390);

        String manifest = page.locator("link[rel='manifest']").getAttribute("href");
        assertThat(manifest).isNotBlank();
        var response = page.request().get(base() + "/" + manifest.replaceFirst("^\\./", "").replaceFirst("^/", ""));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("\"name\":\"Millflow\"").contains("icons");
        page.context().close();
    }
}
