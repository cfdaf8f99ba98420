package io.millflow.app.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright (no browser download), and signing in through the login form.
 * Contexts run without the PWA service worker: a worker installed by one page load may answer the next
 * navigation from its cache.
 */
public final class Browsers implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    private final String base;

    private Browsers(Playwright playwright, Browser browser, int port) {
        this.playwright = playwright;
        this.browser = browser;
        this.base = "http://localhost:" + port;
    }

    /** Launches Chromium; skips the calling test class when it is not installed. */
    public static Browsers launch(int port) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian's chromium is not installed (.ci/run installs it: apt-get install -y chromium)");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost")));
        return new Browsers(playwright, browser, port);
    }

    public static Browser.NewContextOptions desktop() {
        return new Browser.NewContextOptions().setViewportSize(1280, 900).setServiceWorkers(ServiceWorkerPolicy.BLOCK);
    }

    public static Browser.NewContextOptions phone() {
        return new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true)
                .setServiceWorkers(ServiceWorkerPolicy.BLOCK);
    }

    public String url(String path) {
        return base + path;
    }

    /** A new browser context signed in as {@code username} (demo password unless given), on the inbox. */
    public Page signIn(String username, Browser.NewContextOptions options) {
        return signIn(username, "millflow", options);
    }

    public Page signIn(String username, String password, Browser.NewContextOptions options) {
        Page page = login(username, password, options);
        page.navigate(url("/inbox"));
        assertThat(page.locator("#current-user")).hasText(username);
        return page;
    }

    /** Submits the login form of a fresh context and checks the server accepted it. */
    public Page login(String username, String password, Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(20_000);
        Page page = context.newPage();
        page.navigate(url("/login"));
        page.locator("input[name='username']").fill(username);
        page.locator("input[name='password']").fill(password);
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

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
