package io.millflow.ui.components;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.Browsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test of web components on a test-only harness route: one Chromium per test class, a fresh signed-in
 * page per test, opened on the harness and waited for until its components are ready.
 */
abstract class HarnessBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;

    protected Page page;

    /** The demo user who opens the harness. */
    abstract String user();

    /** The harness route, e.g. {@code /test/components}. */
    abstract String route();

    /** Waits until the harness's components have rendered. */
    abstract void awaitReady(Page page);

    @BeforeAll
    static void timeouts() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @BeforeEach
    void open() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
        page = browsers.signIn(user(), Browsers.desktop());
        page.navigate(browsers.url(route()));
        awaitReady(page);
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.context().close();
        }
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }
}
