package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.BoundingBox;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.Tokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Acceptance line 1 of issue #6, in one flow through Chromium: an employee requests a cross-department project (ENG,
 * with PROD involved) from the PRODUCT-INTRO template; the heads of ENG ({@code head}) and PROD ({@code head2})
 * approve it in their inboxes; the project appears with the template's tasks and the manager kicks it off in the
 * inbox; the manager and the employee have the same Kanban board open and each sees the other's card move without
 * reloading; dragging a Gantt bar moves its finish-to-start successor.
 */
@AppTest
class ProjectIntakeBrowserTest {

    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 100_000);
    private static Browsers browsers;

    @LocalServerPort
    int port;

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

    private Browsers browsers() {
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
        return browsers;
    }

    private Page signIn(String user) {
        return browsers().signIn(user, Browsers.desktop().setViewportSize(1600, 900));
    }

    private static void choose(Page page, String comboId, String text) {
        page.locator(comboId + " input").fill(text);
        page.locator("vaadin-combo-box-item:visible").filter(new Locator.FilterOptions().setHasText(text)).first()
                .click();
    }

    @Test
    void aCrossDepartmentProjectIsApprovedByTwoHeadsThenPlannedLiveOnTheBoardAndTheGantt() {
        Api api = new Api(port);
        String code = "E2E-" + SEQ.incrementAndGet();

        // 1. the employee requests the project in the browser
        Page employee = signIn("employee");
        employee.navigate(browsers().url("/project-requests/new"));
        employee.locator("#request-code input").fill(code);
        employee.locator("#request-name input").fill("Pump line retrofit " + code);
        choose(employee, "#request-department", "ENG");
        employee.locator("#request-involved input").fill("PROD");
        employee.locator("vaadin-multi-select-combo-box-item:visible")
                .filter(new Locator.FilterOptions().setHasText("PROD")).first().click();
        employee.keyboard().press("Escape");
        employee.locator("#request-manager input").fill("manager");
        choose(employee, "#request-template", "PRODUCT-INTRO");
        employee.locator("#request-budget input").fill("50000");
        employee.locator("#submit-project-request").click();
        employee.waitForURL(Pattern.compile(".*/project-requests$"));
        assertThat(employee.locator("#project-requests")).containsText(code);
        JsonNode request = request(api, code);
        String requestId = request.get("id").asText();
        assertThat(request.get("approvals")).hasSize(2);
        employee.context().close();

        // 2. both department heads approve in their inboxes
        approveInInbox("head", requestId, "Approve project request", "ENG has the people");
        approveInInbox("head2", requestId, "Approve project request", "PROD line free in March");

        // 3. the project appears with the template's tasks; the manager kicks it off
        String projectId = waitForProject(api, code);
        String manager = Tokens.user(port, "manager");
        JsonNode tasks = api.get("/api/v1/projects/" + projectId + "/tasks", manager).body();
        int templateTasks = templateTaskCount(api, manager);
        assertThat(tasks.size()).as("tasks from PRODUCT-INTRO").isEqualTo(templateTasks).isGreaterThan(3);
        // the kickoff belongs to the intake process, whose business key is the request
        approveInInbox("manager", requestId, "Kick off project", "Kick-off on Monday");
        assertThat(api.get("/api/v1/projects/" + projectId, manager).text("status")).isEqualTo("ACTIVE");

        // 4. two people on the same board see each other's moves without reloading
        Page boardOfManager = openProject("manager", projectId, code, "Board");
        Page boardOfEmployee = openProject("employee", projectId, code, "Board");
        String cardId = tasks.get(0).get("id").asText();
        boardOfEmployee.evaluate("() => { window.__notReloaded = true; }");
        assertThat(card(boardOfManager, "TODO", cardId)).isVisible();
        assertThat(card(boardOfEmployee, "TODO", cardId)).isVisible();
        long t0 = System.nanoTime();
        // the board's keyboard move (Alt+Right: next column) is the same client move and server call as a drop;
        // ProjectBrowserTest drags with the mouse
        card(boardOfManager, "TODO", cardId).focus();
        boardOfManager.keyboard().press("Alt+ArrowRight");
        assertThat(card(boardOfEmployee, "IN_PROGRESS", cardId)).isVisible();
        System.out.printf("E2E board: the employee saw the manager's move %d ms after the drop started%n",
                (System.nanoTime() - t0) / 1_000_000);
        card(boardOfEmployee, "IN_PROGRESS", cardId).focus();
        boardOfEmployee.keyboard().press("Alt+ArrowRight");
        assertThat(card(boardOfManager, "IN_REVIEW", cardId)).isVisible();
        assertThat(boardOfEmployee.evaluate("() => window.__notReloaded === true")).isEqualTo(true);
        assertThat(api.get("/api/v1/project-tasks/" + cardId, manager).text("status")).isEqualTo("IN_REVIEW");
        boardOfEmployee.context().close();
        boardOfManager.context().close();

        // 5. dragging a bar in the Gantt chart moves its finish-to-start successor
        String[] link = tightFinishToStart(api, manager, projectId);
        String predecessor = link[0];
        String successor = link[1];
        LocalDate predecessorStart = LocalDate.parse(task(api, manager, predecessor).get("startDate").asText());
        LocalDate successorStart = LocalDate.parse(task(api, manager, successor).get("startDate").asText());
        Page gantt = openProject("manager", projectId, code, "Gantt");
        assertThat(gantt.locator("millflow-gantt#project-gantt")).hasAttribute("data-rendered", "true");
        Locator bar = gantt.locator("millflow-gantt#project-gantt g.bar-wrapper[data-id='" + predecessor + "'] rect.bar");
        bar.scrollIntoViewIfNeeded();
        BoundingBox box = bar.boundingBox();
        double perDay = ((Number) gantt.evaluate(
                "document.querySelector('millflow-gantt#project-gantt').gantt.config.column_width")).doubleValue();
        double x = box.x + box.width / 2;
        double y = box.y + box.height / 2;
        gantt.mouse().move(x, y);
        gantt.mouse().down();
        gantt.mouse().move(x + perDay, y, new Mouse.MoveOptions().setSteps(5));
        gantt.mouse().move(x + perDay * 3 + perDay / 3, y, new Mouse.MoveOptions().setSteps(5));
        gantt.mouse().up();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && LocalDate.parse(
                task(api, manager, predecessor).get("startDate").asText()).equals(predecessorStart)) {
            gantt.waitForTimeout(200);
        }
        assertThat(LocalDate.parse(task(api, manager, predecessor).get("startDate").asText()))
                .isEqualTo(predecessorStart.plusDays(3));
        assertThat(LocalDate.parse(task(api, manager, successor).get("startDate").asText()))
                .as("the successor started right after its predecessor, so it moves by the same three days")
                .isEqualTo(successorStart.plusDays(3));
        gantt.context().close();
    }

    private Page openProject(String user, String projectId, String code, String tab) {
        Page page = signIn(user);
        page.navigate(browsers().url("/project/" + projectId));
        assertThat(page.locator("#project-title")).containsText(code);
        page.locator("#project-tabs vaadin-tab").filter(new Locator.FilterOptions().setHasText(tab)).click();
        return page;
    }

    private static Locator card(Page page, String column, String taskId) {
        return page.locator("millflow-kanban#project-board section[data-column-id='" + column
                + "'] li[data-card-id='" + taskId + "']");
    }

    private void approveInInbox(String user, String businessKey, String title, String comment) {
        Page page = signIn(user);
        page.navigate(browsers().url("/inbox"));
        Locator card = page.locator(".task-card[data-business-key='" + businessKey + "']");
        for (int i = 0; i < 30 && card.count() == 0; i++) {
            page.waitForTimeout(1000);
            page.reload();
        }
        card.first().click();
        assertThat(page.locator("#task-title")).hasText(title);
        if (page.locator("#decision-comment textarea").count() > 0) {
            page.locator("#decision-comment textarea").fill(comment);
        }
        page.locator("#approve-task").click();
        assertThat(card).hasCount(0);
        page.context().close();
    }

    private JsonNode request(Api api, String code) {
        for (JsonNode r : api.get("/api/v1/project-requests", Tokens.user(port, "employee")).body().get("items")) {
            if (code.equals(r.get("code").asText())) {
                return r;
            }
        }
        throw new AssertionError("no project request " + code);
    }

    private String waitForProject(Api api, String code) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode r = request(api, code);
            if (r.hasNonNull("projectId")) {
                return r.get("projectId").asText();
            }
            sleep(250);
        }
        throw new AssertionError("the approved request " + code + " did not become a project");
    }

    private int templateTaskCount(Api api, String token) {
        for (JsonNode t : api.get("/api/v1/project-templates", token).body()) {
            if ("PRODUCT-INTRO".equals(t.path("code").asText())) {
                return t.get("tasks").size();
            }
        }
        return -1;
    }

    private static JsonNode task(Api api, String token, String id) {
        return api.get("/api/v1/project-tasks/" + id, token).body();
    }

    /** A finish-to-start dependency whose successor starts right after its predecessor (so any delay moves it). */
    private static String[] tightFinishToStart(Api api, String token, String projectId) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode t : api.get("/api/v1/projects/" + projectId + "/tasks", token).body()) {
            byId.put(t.get("id").asText(), t);
        }
        List<String> found = new ArrayList<>();
        for (JsonNode d : api.get("/api/v1/projects/" + projectId + "/dependencies", token).body()) {
            if (!"FS".equals(d.get("kind").asText())) {
                continue;
            }
            JsonNode p = byId.get(d.get("predecessorId").asText());
            JsonNode s = byId.get(d.get("successorId").asText());
            if (p.get("milestone").asBoolean() || s.get("milestone").asBoolean()) {
                continue;
            }
            LocalDate earliest = LocalDate.parse(p.get("endDate").asText()).plusDays(1 + d.get("lagDays").asInt());
            if (LocalDate.parse(s.get("startDate").asText()).equals(earliest)) {
                found.add(p.get("id").asText());
                found.add(s.get("id").asText());
                break;
            }
        }
        assertThat(found).as("PRODUCT-INTRO has a tight finish-to-start link between two tasks").hasSize(2);
        return found.toArray(String[]::new);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
