package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.Tokens;
import io.millflow.app.support.WebhookReceiver;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import io.millflow.webhook.WebhookDispatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The webhook views in Chromium: only ADMIN gets in; create with the secret shown once; log; dead letter re-sent. */
@AppTest
class WebhookBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    BusinessEvents events;
    @Autowired
    WebhookDispatcher dispatcher;
    @Autowired
    PlatformTransactionManager transactions;

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

    /** Removes what a failed test left behind, so no other test's deliveries go to it. */
    @org.junit.jupiter.api.AfterEach
    void removeLeftovers() {
        WebhookReceiver.removeSubscriptions(port, "browser hook");
    }

    @Test
    void onlyAdminSeesTheWebhookViews() {
        for (String user : List.of("manager", "owner")) {
            Page page = browsers.login(user, "millflow", Browsers.desktop());
            assertThat(page.locator("#nav-webhooks")).hasCount(0);
            for (String path : List.of("/admin/webhooks", "/admin/webhooks/dead-letters")) {
                page.navigate(browsers.url(path));
                assertThat(page.locator("body")).containsText("Could not navigate");
                assertThat(page.locator("#webhook-grid, #webhook-dead-grid")).hasCount(0);
            }
            page.context().close();
        }
    }

    @Test
    void anAdminCreatesASubscriptionSeesItsSecretOnceAndSendsADeadLetterAgain() {
        try (WebhookReceiver receiver = new WebhookReceiver().answer(500, 500, 500, 500, 500, 500, 500)) {
            Page page = browsers.login("admin", "millflow", Browsers.desktop());
            page.locator("#nav-webhooks").click();
            page.locator("#webhook-new").click();
            page.locator("#webhook-name input").fill("browser hook");
            page.locator("#webhook-url input").fill("http://169.254.169.254/latest/");
            page.locator("#webhook-all input").check();
            assertThat(page.locator("#webhook-all")).hasAttribute("checked", "");
            page.locator("#webhook-save").click();
            assertThat(page.locator("#webhook-url")).hasAttribute("invalid", "");
            assertThat(page.locator("#webhook-url")).containsText("link-local");
            page.locator("#webhook-url input").fill(receiver.url());
            page.locator("#webhook-url input").press("Tab");
            page.locator("#webhook-save").click();
            assertThat(page.locator("#webhook-dialog vaadin-text-field[invalid]")).hasCount(0);
            assertThat(page.locator("#error-notification")).hasCount(0);
            assertThat(page.locator("#webhook-secret input")).hasValue(java.util.regex.Pattern.compile("whsec_.+"));
            String secret = page.locator("#webhook-secret input").inputValue();
            page.locator("#webhook-secret-done").click();
            Locator row = page.locator("#webhook-grid vaadin-grid-cell-content")
                    .filter(new Locator.FilterOptions().setHasText("browser hook"));
            assertThat(row).hasCount(1);
            assertThat(page.locator("#webhook-grid")).containsText("…" + secret.substring(secret.length() - 4));
            assertThat(page.locator("#webhook-grid")).not().containsText(secret);

            String admin = Tokens.user(port, "admin");
            Api api = new Api(port);
            JsonNode sub = java.util.stream.StreamSupport.stream(api.get("/api/v1/webhooks", admin).body().spliterator(),
                    false).filter(s -> s.get("name").asText().equals("browser hook")).findFirst().orElseThrow();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("code", "P-BROWSER");
            new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publish(EventTypes.PROJECT_CREATED,
                    "Project", "P-BROWSER", "admin", data));
            Instant t = Instant.now();
            for (int i = 0; i < 8; i++) {
                dispatcher.deliverDue(t.plus(Duration.ofHours(7L * i)));
            }
            org.assertj.core.api.Assertions.assertThat(receiver.calls()).hasSize(7);

            page.locator("#webhook-refresh").click();
            assertThat(page.locator("#webhook-log")).containsText(EventTypes.PROJECT_CREATED);
            assertThat(page.locator("#webhook-log")).containsText("DEAD");
            page.locator("#webhook-log vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(EventTypes.PROJECT_CREATED)).first().click();
            assertThat(page.locator("#webhook-delivery-payload")).containsText("P-BROWSER");
            assertThat(page.locator("#webhook-attempt-grid")).containsText("1.7");
            page.keyboard().press("Escape");
            assertThat(page.locator("#webhook-delivery-payload")).hasCount(0);

            page.locator("#webhook-dead-letters-link").click();
            assertThat(page.locator("#webhook-dead-grid")).containsText("browser hook");
            int deadBefore = ((Number) page.locator("#webhook-dead-grid").evaluate("g => g.size")).intValue();
            String deliveryId = api.get("/api/v1/webhooks/" + sub.get("id").asText() + "/deliveries", admin).body()
                    .at("/items/0/id").asText();
            page.locator("#webhook-dead-resend-" + deliveryId).click();
            assertThat(page.locator("vaadin-notification-card").first()).containsText("Queued again");
            // the grid keeps old cell contents in hidden rows; its size is what it shows
            page.waitForFunction("n => document.querySelector('#webhook-dead-grid').size === n", deadBefore - 1);
            dispatcher.deliverDue(Instant.now().plusSeconds(1));
            org.assertj.core.api.Assertions.assertThat(receiver.calls()).hasSize(8);
            org.assertj.core.api.Assertions.assertThat(receiver.calls().get(7).answered()).isEqualTo(200);
            org.assertj.core.api.Assertions.assertThat(api.delete("/api/v1/webhooks/" + sub.get("id").asText(), admin)
                    .status()).isEqualTo(204);
            page.context().close();
        }
    }
}
