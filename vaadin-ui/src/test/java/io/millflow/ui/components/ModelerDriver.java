package io.millflow.ui.components;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;

/**
 * Drives a {@code <millflow-bpmn-modeler>} as an owner does: palette, context pad, properties panel. Shared by the
 * modeler harness test and the workbench's acceptance test.
 */
public final class ModelerDriver {

    private final Page page;
    private final Locator modeler;

    /** The ids of all plain tasks, sorted, comma-separated. */
    private static final String TASK_IDS = "() => document.querySelector('millflow-bpmn-modeler').getModeler()"
            + ".get('elementRegistry').filter(e => e.type === 'bpmn:Task').map(e => e.id).sort().join(',')";

    private static final String USER_TASK_IDS = TASK_IDS.replace("'bpmn:Task'", "'bpmn:UserTask'");

    private static String newId(String before, String after) {
        java.util.List<String> old = java.util.List.of(before.split(","));
        return java.util.Arrays.stream(after.split(",")).filter(id -> !old.contains(id)).findFirst().orElseThrow();
    }

    public ModelerDriver(Page page, Locator modeler) {
        this.page = page;
        this.modeler = modeler;
    }

    private static BoundingBox box(Locator locator) {
        BoundingBox box = locator.boundingBox();
        assertThat(box).as("bounding box of " + locator).isNotNull();
        return box;
    }

    public Locator element(String id) {
        return modeler.locator("g.djs-element[data-element-id='" + id + "']");
    }

    /**
     * Creates a task with the palette and drops it on the sequence flow {@code flowId} (bpmn-js splits the flow),
     * turns it into a user task with the context pad's wrench and names it in the properties panel. Returns its id.
     */
    public String addUserTaskOnFlow(String flowId, String name) {
        // the middle of the flow's first segment on screen (the SVG group's box also spans its outline)
        @SuppressWarnings("unchecked")
        java.util.List<Number> point = (java.util.List<Number>) page.evaluate("id => {"
                + " const m = document.querySelector('millflow-bpmn-modeler').getModeler();"
                + " const canvas = m.get('canvas'); const vb = canvas.viewbox();"
                + " const w = m.get('elementRegistry').get(id).waypoints;"
                + " const rect = canvas.getContainer().getBoundingClientRect();"
                + " const mx = (w[0].x + w[1].x) / 2, my = (w[0].y + w[1].y) / 2;"
                + " return [rect.left + (mx - vb.x) * vb.scale, rect.top + (my - vb.y) * vb.scale]; }", flowId);
        double x = point.get(0).doubleValue();
        double y = point.get(1).doubleValue();
        String before = (String) page.evaluate(TASK_IDS);
        page.evaluate("() => { const m = document.querySelector('millflow-bpmn-modeler').getModeler(); window.__dnd = [];"
                + " ['create.start','create.end','create.rejected','create.canceled','element.hover']"
                + ".forEach(n => m.get('eventBus').on(n, 5000, e => { window.__dnd.push(n + ' ' + "
                + "((e.hover && e.hover.id) || (e.element && e.element.id) || (e.context && e.context.target"
                + " && e.context.target.id) || '')); })); }");
        // the palette's "Create task" (click mode: the task follows the mouse), dropped with a click on the flow
        modeler.locator(".djs-palette .entry[data-action='create.task']").click();
        page.mouse().move(x, y + 60, new Mouse.MoveOptions().setSteps(8));
        page.mouse().move(x, y + 3, new Mouse.MoveOptions().setSteps(8));
        page.mouse().move(x, y, new Mouse.MoveOptions().setSteps(3));
        page.mouse().down();
        page.mouse().up();
        try {
            page.waitForCondition(() -> !before.equals(page.evaluate(TASK_IDS)),
                    new Page.WaitForConditionOptions().setTimeout(5_000));
        } catch (RuntimeException e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "modeler-drop.png")));
            throw new AssertionError("palette drop on " + flowId + " at " + x + "," + y + " created no task; events "
                    + page.evaluate("JSON.stringify(window.__dnd.filter((e, i, a) => i === 0 || e !== a[i - 1]))"), e);
        }
        String created = newId(before, (String) page.evaluate(TASK_IDS));
        page.keyboard().press("Escape"); // leave the label editing that creation opens
        // the flow was split: the new task has an incoming and an outgoing flow
        assertThat(((Number) page.evaluate("id => { const r = document.querySelector('millflow-bpmn-modeler')"
                + ".getModeler().get('elementRegistry').get(id); return r.incoming.length + r.outgoing.length; }",
                created)).intValue()).isEqualTo(2);

        // select it (a click near its corner, away from the label) and open the context pad's wrench
        select(created);
        assertThat(element(created)).hasClass(java.util.regex.Pattern.compile(".*\\bselected\\b.*"));
        String userTasksBefore = (String) page.evaluate(USER_TASK_IDS);
        modeler.locator(".djs-context-pad .entry[data-action='replace']").click();
        page.locator(".djs-popup [data-id='replace-with-user-task']").click();
        page.waitForCondition(() -> !userTasksBefore.equals(page.evaluate(USER_TASK_IDS)));
        String id = newId(userTasksBefore, (String) page.evaluate(USER_TASK_IDS));
        if (!String.valueOf(element(id).getAttribute("class")).contains("selected")) {
            select(id);
        }
        assertThat(element(id)).hasClass(java.util.regex.Pattern.compile(".*\\bselected\\b.*"));

        openGroup("general");
        Locator nameField = modeler.locator("#bio-properties-panel-name");
        nameField.fill(name);
        nameField.blur();
        assertThat(element(id)).containsText(name.split(" ")[0]);
        return id;
    }

    /**
     * Selects an element as a click on it would (through bpmn-js' selection: a dropped element may overlap its
     * neighbours, so a click could hit one of them); the context pad and the properties panel follow the selection.
     */
    public void select(String id) {
        page.evaluate("id => { const m = document.querySelector('millflow-bpmn-modeler').getModeler();"
                + " m.get('selection').select(m.get('elementRegistry').get(id)); }", id);
    }

    /** Opens a group of the properties panel, e.g. {@code CamundaPlatform__UserAssignment}. */
    public void openGroup(String groupId) {
        Locator header = modeler.locator("[data-group-id='group-" + groupId + "'] .bio-properties-panel-group-header");
        header.scrollIntoViewIfNeeded();
        String css = header.getAttribute("class");
        if (css == null || !css.contains("open")) {
            header.click();
        }
    }

    /** Types the candidate groups of the selected user task. */
    public void setCandidateGroups(String groups) {
        openGroup("CamundaPlatform__UserAssignment");
        Locator field = modeler.locator("#bio-properties-panel-candidateGroups");
        field.fill(groups);
        field.blur();
    }

    /** Links a Camunda form (form-js) by reference, binding latest, to the selected user task. */
    public void linkForm(String formRef) {
        openGroup("CamundaPlatform__Form");
        modeler.locator("#bio-properties-panel-formType").selectOption(new SelectOption().setValue("formRef"));
        Locator field = modeler.locator("#bio-properties-panel-formRef");
        field.fill(formRef);
        field.blur();
    }

    /** The lint error icon bpmn-js-bpmnlint draws on the element. */
    public Locator lintErrorOn(String id) {
        return modeler.locator("[data-container-id='" + id + "'] .bjsl-icon-error");
    }
}
