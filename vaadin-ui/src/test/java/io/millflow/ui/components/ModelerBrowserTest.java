package io.millflow.ui.components;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import io.millflow.app.support.AppTest;
import io.millflow.processes.Roles;
import io.millflow.processes.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The BPMN and DMN modelers in a real browser on {@link ModelerHarnessView}: the Millflow lint rules and bpmnlint's
 * recommended rules report on a fixture with known problems, the Java listener receives the model with its issues,
 * and a decision table opens in the DMN modeler.
 */
@AppTest
class ModelerBrowserTest extends HarnessBrowserTest {

    static final ObjectMapper JSON = new ObjectMapper();
    @Override
    String user() {
        return "owner";
    }

    @Override
    String route() {
        return "/test/modeler";
    }

    @Override
    void awaitReady(Page page) {
        page.locator("millflow-bpmn-modeler .djs-container").waitFor();
    }

    static String resource(String path) throws IOException {
        try (InputStream in = ModelerBrowserTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sets the lint context and the model on the harness modeler and returns the browser's issues. */
    static List<Map<String, String>> lintInBrowser(Page page, String xml, Map<String, List<String>> context)
            throws IOException {
        page.evaluate("([xml, ctx]) => { const m = document.querySelector('#bpmn'); m.lintContextJson = ctx; "
                + "m.removeAttribute('data-ready'); m.xml = xml; }", List.of(xml, JSON.writeValueAsString(context)));
        assertThat(page.locator("#bpmn")).hasAttribute("data-ready", "true");
        String issues = (String) page.evaluate("JSON.stringify(document.querySelector('#bpmn').getIssues())");
        return JSON.readValue(issues, new TypeReference<>() { });
    }

    static Map<String, List<String>> context() {
        return Map.of("topics", Topics.all(), "roles", Roles.ALL, "decisions",
                List.of("purchase-approval-levels", "purchase-approval-escalation"), "forms", List.of("finance-review"));
    }

    @Test
    void lintsTheFixtureWithMillflowAndRecommendedRules() throws IOException {
        List<Map<String, String>> issues = lintInBrowser(page, resource("/workbench/lint-problems.bpmn"), context());

        assertThat(issues).extracting(i -> i.get("ruleId") + " " + i.get("elementId") + " " + i.get("severity"))
                .contains("millflow/service-task-topic UnknownTopic ERROR",
                        "millflow/user-task-candidate-groups UnknownRole ERROR",
                        "millflow/user-task-candidate-groups NoGroup ERROR",
                        "millflow/history-time-to-live wb-lint-problems ERROR",
                        "label-required NoLabel ERROR",
                        "no-disconnected Disconnected ERROR");
        assertThat(issues).filteredOn(i -> "NoGroup".equals(i.get("elementId")))
                .extracting(i -> i.get("message")).contains("User task has no candidate group");
        // drawn on the diagram
        assertThat(page.locator("#bpmn .bjsl-overlay").first()).isVisible();
        // and sent to the Java listener
        assertThat(page.locator("#bpmn-event")).containsText("errors, dirty=false, xml ok");
        assertThat(page.locator("#bpmn-event")).not().hasText("0 errors, dirty=false, xml ok");
    }

    @Test
    void theShippedPurchaseRequisitionHasNoMillflowErrors() throws IOException {
        String xml = resource("/bpmn/purchase-requisition.bpmn");
        List<Map<String, String>> issues = lintInBrowser(page, xml, context());
        assertThat(issues).filteredOn(i -> i.get("ruleId").startsWith("millflow/")).isEmpty();
        // the properties panel shows the selected element
        assertThat(page.locator("#bpmn .bio-properties-panel")).isVisible();
    }

    @Test
    void opensADecisionTable() throws IOException {
        String xml = resource("/bpmn/purchase-approval-levels.dmn");
        page.evaluate("xml => document.querySelector('#dmn').xml = xml", xml);
        assertThat(page.locator("#dmn")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#dmn")).hasAttribute("data-view", "decisionTable");
        assertThat(page.locator("#dmn .tjs-table")).isVisible();
        assertThat(page.locator("#dmn-event")).hasText("dirty=false, xml ok");
    }

}
