package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.ProjectFixtures;
import io.millflow.processes.Roles;
import io.millflow.security.UserAccounts;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Acceptance 6 of issue 8 in a real browser: a person changes their notification preferences (overdue reminders
 * out of the app, assignments by mail in the daily digest), saves, reloads and finds them kept; then, while their
 * page stays open, the project manager assigns them a project task through the REST API and the bell's count goes
 * up and the notification appears in the panel without a reload; opening it marks it read and follows its link.
 */
@AppTest
class NotificationBrowserTest {

    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(5_000);

    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts users;

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    @Test
    void aPersonChangesPreferencesAndSeesALiveNotificationWhenATaskIsAssignedToThem() {
        browsers = Browsers.launch(port);
        String me = "nb" + System.nanoTime() % 1_000_000;
        users.create("system", me, "password1", "Notified person", me + "@example.test", Set.of(Roles.EMPLOYEE));
        Api api = new Api(port);
        ProjectFixtures pf = new ProjectFixtures(api, port);
        String projectId = pf.project("manager", me).get("id").asText();

        Page page = browsers.signIn(me, "password1", Browsers.desktop());
        page.locator("#nav-notifications").click();
        page.waitForURL(Pattern.compile(".*/me/notifications$"));
        Locator overdueInApp = page.locator("#pref-TASK_OVERDUE-inapp");
        assertThat(overdueInApp).hasJSProperty("checked", true);
        overdueInApp.click();
        assertThat(page.locator("#pref-TASK_ASSIGNED-mail")).containsText("Immediately");
        page.locator("#pref-TASK_ASSIGNED-mail").click();
        // the open select's options are the only ones in the accessibility tree
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Daily digest").setExact(true)).click();
        assertThat(page.locator("#pref-TASK_ASSIGNED-mail")).containsText("Daily digest");
        page.locator("#pref-save").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Preferences saved"))).isVisible();

        page.reload();
        assertThat(page.locator("#pref-TASK_ASSIGNED-mail")).containsText("Daily digest");
        assertThat(page.locator("#pref-APPROVAL_NEEDED-mail")).containsText("Immediately");
        assertThat(page.locator("#pref-TASK_OVERDUE-inapp")).hasJSProperty("checked", false);
        assertThat(page.locator("#pref-TASK_ASSIGNED-inapp")).hasJSProperty("checked", true);
        String myToken = io.millflow.app.support.Tokens.authorizationCode(port, me, "password1").get("access_token")
                .asText();
        String stored = api.get("/api/v1/me/notification-preferences", myToken).raw();
        org.assertj.core.api.Assertions.assertThat(stored)
                .contains("{\"kind\":\"TASK_ASSIGNED\",\"inApp\":true,\"mail\":\"DIGEST\"}")
                .contains("{\"kind\":\"TASK_OVERDUE\",\"inApp\":false,\"mail\":\"DIGEST\"}");
        assertThat(page.locator("#notification-count")).hasAttribute("data-count", "0");
        page.evaluate("() => { window.__millflowMarker = 'kept'; }");

        // another person assigns a task to me through the API while my page stays open
        long assigned = System.nanoTime();
        String taskId = pf.task(projectId, "manager", "Check the welds", me, false).get("id").asText();
        assertThat(page.locator("#notification-count")).hasText("1", LIVE);
        long shown = System.nanoTime();
        System.out.printf("Live notification: the bell showed it %d ms after the assigning request began%n",
                (shown - assigned) / 1_000_000);
        assertThat(page.locator("#notification-count")).hasAttribute("data-count", "1");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__millflowMarker")).isEqualTo("kept");

        page.locator("#notification-bell-button").click();
        Locator item = page.locator("#notification-panel .notification-item").first();
        assertThat(item).containsText("Task assigned: Check the welds");
        assertThat(item).containsText("manager");
        assertThat(item).hasAttribute("data-unread", "true");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.__millflowMarker")).isEqualTo("kept");

        item.click();
        page.waitForURL(Pattern.compile(".*/project/" + projectId + "$"));
        assertThat(page.locator("#notification-count")).hasAttribute("data-count", "0");
        Api.Response list = api.get("/api/v1/me/notifications", myToken);
        org.assertj.core.api.Assertions.assertThat(list.body().get("items").get(0).get("readAt").isNull()).isFalse();
        org.assertj.core.api.Assertions.assertThat(list.body().get("items").get(0).get("data").get("taskId").asText())
                .isEqualTo(taskId);
    }
}
