package io.millflow.ui.components;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.workbench.CheckReport;
import io.millflow.workbench.LintContext;
import io.millflow.workbench.ModelKind;
import io.millflow.workbench.ModelProblem;
import io.millflow.workbench.ProcessModels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Browser and server lint the same way: every shipped {@code bpmn/*.bpmn} and fixtures with known problems are
 * linted by the real bpmnlint rules (plus millflow/*) in the modeler and by the server's checks
 * ({@link ProcessModels#check}); the errors (rule id, element id) must be the same; differing warnings are printed.
 */
@AppTest
class LintParityBrowserTest {

    /** Needs the deployed decisions' inputs and the process variables: the browser does not run it. */
    static final Set<String> SERVER_ONLY = Set.of("millflow/dmn-input");
    static final List<String> FIXTURES = List.of("/workbench/lint-problems.bpmn", "/workbench/lint-implementations.bpmn");
    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    ProcessModels models;

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

    private <T> T asOwner(java.util.function.Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("owner", null,
                List.of(new SimpleGrantedAuthority("ROLE_PROCESS_OWNER"))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    @Test
    void browserAndServerFindTheSameErrors() throws IOException {
        browsers = Browsers.launch(port);
        Page page = browsers.signIn("owner", Browsers.desktop());
        page.navigate(browsers.url("/test/modeler"));
        page.locator("millflow-bpmn-modeler .djs-container").waitFor();
        LintContext ctx = asOwner(models::lintContext);
        Map<String, List<String>> context = Map.of("topics", ctx.topics(), "roles", ctx.roles(),
                "decisions", ctx.decisions(), "forms", ctx.forms());

        Map<String, String> cases = new java.util.LinkedHashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            cases.put("bpmn/" + r.getFilename(), r.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(8);
        for (String fixture : FIXTURES) {
            cases.put(fixture, ModelerBrowserTest.resource(fixture));
        }

        List<String> mismatches = new ArrayList<>();
        int errorsCompared = 0;
        for (var entry : cases.entrySet()) {
            List<Map<String, String>> browser = ModelerBrowserTest.lintInBrowser(page, entry.getValue(), context);
            CheckReport report = asOwner(() -> models.check(ModelKind.BPMN, entry.getValue()));
            Set<String> browserErrors = browser.stream().filter(i -> "ERROR".equals(i.get("severity")))
                    .map(i -> i.get("ruleId") + " @ " + i.get("elementId")).collect(Collectors.toCollection(TreeSet::new));
            Set<String> serverErrors = report.problems().stream()
                    .filter(p -> p.severity() == ModelProblem.Severity.ERROR)
                    .filter(p -> !SERVER_ONLY.contains(p.ruleId()))
                    .map(p -> p.ruleId() + " @ " + p.elementId()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> browserWarnings = browser.stream().filter(i -> "WARNING".equals(i.get("severity")))
                    .map(i -> i.get("ruleId")).collect(Collectors.toCollection(TreeSet::new));
            Set<String> serverWarnings = report.problems().stream()
                    .filter(p -> p.severity() == ModelProblem.Severity.WARNING)
                    .map(ModelProblem::ruleId).collect(Collectors.toCollection(TreeSet::new));
            errorsCompared += browserErrors.size();
            if (!browserErrors.equals(serverErrors)) {
                mismatches.add(entry.getKey() + ": errors browser " + browserErrors + " server " + serverErrors);
            }
            if (!browserWarnings.equals(serverWarnings)) {
                // warnings never block a deploy; reported, not required to match
                System.out.println("lint parity, warnings differ in " + entry.getKey() + ": browser "
                        + browserWarnings + " server " + serverWarnings);
            }
            if (entry.getKey().startsWith("/workbench/")) {
                assertThat(browserErrors).as(entry.getKey()).isNotEmpty();
            }
        }
        page.context().close();
        assertThat(mismatches).isEmpty();
        assertThat(errorsCompared).isGreaterThanOrEqualTo(8);
    }
}
