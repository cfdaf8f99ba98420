package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.ResourceFixtures;
import io.millflow.app.support.Tokens;
import io.millflow.security.UserAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** "My calendar" in a real browser: make a feed URL, read it as a calendar client would, revoke it; suppliers refused. */
@AppTest
class CalendarBrowserTest {

    private static Browsers browsers;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserAccounts accounts;
    ResourceFixtures fx;
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
        fx = new ResourceFixtures(jdbc, accounts, api, port);
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    private static HttpResponse<String> fetch(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anEmployeeMakesAFeedUrlReadsItAndRevokesIt() throws Exception {
        String user = fx.user("calui");
        Page page = browsers.signIn(user, Browsers.desktop());
        page.navigate(browsers.url("/me/calendar"));
        assertThat(page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("My calendar")))
                .isVisible();
        assertThat(page.locator("#feed-create")).isVisible();
        page.locator("#feed-label input").fill("Outlook at work");
        page.locator("#feed-create").click();
        Locator url = page.locator("#feed-url input");
        assertThat(url).hasValue(java.util.regex.Pattern.compile("http://[^/]+/ical/[A-Za-z0-9_-]{43}\\.ics"));
        String feedUrl = url.inputValue();
        assertThat(page.locator("#feeds")).containsText("Outlook at work");

        HttpResponse<String> feed = fetch(feedUrl);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).startsWith("BEGIN:VCALENDAR");

        String id = api.get("/api/v1/me/calendar-feeds", Tokens.user(port, user)).body().get(0).get("id").asText();
        page.locator("#revoke-" + id).click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Revoked: Outlook at work"))).isVisible();
        assertThat(page.locator("#revoke-" + id)).isDisabled();
        assertThat(fetch(feedUrl).statusCode()).isEqualTo(404);
        page.context().close();
    }

    @Test
    void aSupplierHasNoCalendarPage() {
        Page page = browsers.login("supplier", "millflow", Browsers.desktop());
        page.navigate(browsers.url("/me/calendar"));
        assertThat(page.locator("body")).containsText("Could not navigate");
        assertThat(page.locator("#feed-create")).hasCount(0);
        page.context().close();
    }
}
