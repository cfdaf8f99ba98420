package io.millflow.ui.components;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.millflow.app.support.AppTest;
import org.junit.jupiter.api.Test;

/**
 * The badges and heat overlays of {@link BpmnViewer} in a real browser, on {@link BpmnOverlaysHarnessView}: counts
 * drawn where the activities are (running bottom left, incidents bottom right), zero counts and unknown ids left out,
 * heat from green to red with labels, and overlays replaced or removed when the server sends new values or a new
 * diagram.
 */
@AppTest
class BpmnOverlaysBrowserTest extends HarnessBrowserTest {

    @Override
    String user() {
        return "employee";
    }

    @Override
    String route() {
        return "/test/bpmn-overlays";
    }

    @Override
    void awaitReady(Page page) {
        assertThat(page.locator("#overlay-viewer")).hasAttribute("data-rendered", "true");
    }

    private BoundingBox shape(String id) {
        return page.locator("#overlay-viewer g.djs-element[data-element-id='" + id + "']").first().boundingBox();
    }

    @Test
    void badgesShowRunningAndIncidentCountsAtTheirActivities() {
        Locator viewer = page.locator("#overlay-viewer");
        assertThat(viewer).hasAttribute("data-badges", "Approve,Sync,Review");
        assertThat(viewer).hasAttribute("data-active-ids", "Approve");
        assertThat(page.locator("#badge-running-Approve")).hasAttribute("data-count", "2");
        assertThat(page.locator("#badge-running-Approve")).hasText("2");
        assertThat(page.locator("#badge-incidents-Approve")).hasCount(0);
        assertThat(page.locator("#badge-running-Sync")).hasText("1");
        assertThat(page.locator("#badge-incidents-Sync")).hasText("1");
        assertThat(page.locator("#badge-incidents-Sync")).hasAttribute("title", "1 open incident");
        // a multi-instance body counts for its activity; zero counts and ids outside the diagram are not drawn
        assertThat(page.locator("#badge-running-Review")).hasText("3");
        assertThat(page.locator("#badge-running-Start")).hasCount(0);
        assertThat(page.locator("[id$='-NotInTheDiagram']")).hasCount(0);

        // running at the bottom left of the task, incidents at the bottom right
        BoundingBox task = shape("Sync");
        BoundingBox running = page.locator("#badge-running-Sync").boundingBox();
        BoundingBox incidents = page.locator("#badge-incidents-Sync").boundingBox();
        assertThat(running.x + running.width / 2).isLessThan(task.x + task.width / 2);
        assertThat(incidents.x + incidents.width / 2).isGreaterThan(task.x + task.width / 2);
        assertThat(running.y).isGreaterThan(task.y + task.height / 2);
        assertThat(page.locator("#badge-running-Sync")).hasCSS("background-color", "rgb(22, 118, 243)");
        assertThat(page.locator("#badge-incidents-Sync")).hasCSS("background-color", "rgb(217, 43, 43)");
    }

    @Test
    void newCountsReplaceTheBadgesAndNullRemovesThem() {
        page.locator("#overlay-recount").click();
        assertThat(page.locator("#overlay-viewer")).hasAttribute("data-badges", "Sync");
        assertThat(page.locator("#badge-incidents-Sync")).hasText("4");
        assertThat(page.locator("#badge-running-Sync")).hasCount(0);
        assertThat(page.locator("#badge-running-Approve")).hasCount(0);
        page.locator("#overlay-no-badges").click();
        assertThat(page.locator("#overlay-viewer")).hasAttribute("data-badges", "");
        assertThat(page.locator("#overlay-viewer .millflow-badge")).hasCount(0);
        // the heat stays
        assertThat(page.locator("#heat-Sync")).isVisible();
    }

    @Test
    void heatColoursActivitiesFromGreenToRedWithTheirLabels() {
        Locator viewer = page.locator("#overlay-viewer");
        assertThat(viewer).hasAttribute("data-heat", "Approve,Sync,Review");
        assertThat(page.locator("#heat-Approve")).hasText("⌀ 5 min");
        assertThat(page.locator("#heat-Approve")).hasAttribute("data-intensity", "0.00");
        assertThat(page.locator("#heat-Sync")).hasText("⌀ 2 h");
        assertThat(page.locator("#heat-Sync")).hasAttribute("data-intensity", "1.00");
        // clamped to 1; no label given: nothing written above it
        assertThat(page.locator("#heat-Review")).hasAttribute("data-intensity", "1.00");
        assertThat(page.locator("#heat-Review")).isHidden();
        String approveFill = fill("Approve");
        String syncFill = fill("Sync");
        int[] green = rgb(approveFill);
        int[] red = rgb(syncFill);
        assertThat(green[1]).as("Approve is green: " + approveFill).isGreaterThan(green[0] + 40);
        assertThat(red[0]).as("Sync is red: " + syncFill).isGreaterThan(red[1] + 40);
        // the label sits above the activity
        assertThat(page.locator("#heat-Sync").boundingBox().y).isLessThan(shape("Sync").y);

        page.locator("#overlay-no-heat").click();
        assertThat(viewer).hasAttribute("data-heat", "");
        assertThat(page.locator("#overlay-viewer .millflow-heat-label")).hasCount(0);
        assertThat(fill("Sync")).isNotEqualTo(syncFill);
        assertThat(page.locator("#overlay-viewer g.millflow-heat-marked")).hasCount(0);
        // badges stay
        assertThat(page.locator("#badge-incidents-Sync")).hasText("1");
    }

    @Test
    void anotherDiagramKeepsOverlaysOfActivitiesItHolds() {
        page.locator("#overlay-other-diagram").click();
        assertThat(page.locator("#overlay-viewer g.djs-element[data-element-id='Archive']")).hasCount(1);
        assertThat(page.locator("#overlay-viewer")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("#overlay-viewer")).hasAttribute("data-badges", "Approve,Sync,Review");
        assertThat(page.locator("#badge-running-Approve")).hasCount(1);
        assertThat(page.locator("#badge-running-Approve")).hasText("2");
        assertThat(page.locator("#heat-Sync")).hasCount(1);
        assertThat(page.locator("#overlay-viewer g.millflow-heat-marked")).hasCount(3);
    }

    private static int[] rgb(String css) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rgba?\\((\\d+), (\\d+), (\\d+)").matcher(css);
        assertThat(m.find()).as("a colour: " + css).isTrue();
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private String fill(String id) {
        return (String) page.evaluate("id => getComputedStyle(document.querySelector(`#overlay-viewer g.djs-element[data-element-id='${id}'] .djs-visual > :first-child`)).fill", id);
    }
}
