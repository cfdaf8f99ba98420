package io.millflow.ui.components;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.millflow.app.support.AppTest;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The PMS web components in a real browser, on the test route of {@link ComponentsHarnessView}: dragging Gantt bars
 * reaches the Java listener with inclusive dates, Kanban cards move by mouse (HTML5 drag &amp; drop) and keyboard,
 * refused moves snap back, read-only modes hold, and an ECharts option renders.
 */
@AppTest
class ComponentsBrowserTest extends HarnessBrowserTest {

    @Override
    String user() {
        return "employee";
    }

    @Override
    String route() {
        return "/test/components";
    }

    @Override
    void awaitReady(Page page) {
        assertThat(page.locator("millflow-gantt")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("millflow-kanban")).hasAttribute("data-rendered", "true");
    }

    /** Pixels per day of the Day view (frappe's column width). */
    private double dayWidth() {
        return ((Number) page.evaluate("document.querySelector('millflow-gantt').gantt.config.column_width")).doubleValue();
    }

    private Locator bar(String id) {
        return page.locator("millflow-gantt g.bar-wrapper[data-id='" + id + "'] rect.bar");
    }

    /** Waits until the bar is {@code days} days wide in the Day view (frappe animates a bar's width as it draws). */
    private void waitForWidth(String id, int days) {
        double expected = days * dayWidth();
        page.waitForCondition(() -> {
            BoundingBox box = bar(id).count() == 1 ? bar(id).boundingBox() : null;
            return box != null && Math.abs(box.width - expected) < 1.0;
        });
    }

    /** Presses the mouse at (x, y), moves by dx in small steps, releases. */
    private void drag(double x, double y, double dx) {
        page.mouse().move(x, y);
        page.mouse().down();
        page.mouse().move(x + dx / 2, y, new Mouse.MoveOptions().setSteps(5));
        page.mouse().move(x + dx, y, new Mouse.MoveOptions().setSteps(5));
        page.mouse().up();
    }

    @Test
    void ganttRendersBarsWithCriticalAndMilestoneClasses() {
        assertThat(page.locator("millflow-gantt")).hasAttribute("data-bars", "3");
        assertThat(page.locator("millflow-gantt g.bar-wrapper[data-id='A']")).hasClass(Pattern.compile("mf-task-critical"));
        assertThat(page.locator("millflow-gantt g.bar-wrapper[data-id='B']")).hasClass(Pattern.compile("\\bmf-task\\b"));
        assertThat(page.locator("millflow-gantt g.bar-wrapper[data-id='M']")).hasClass(Pattern.compile("mf-milestone-critical"));
        // a three-day bar (2 to 4 March, inclusive) is three columns wide; a milestone one
        waitForWidth("A", 3);
        waitForWidth("M", 1);
        assertThat(page.locator("millflow-gantt g.arrow path[data-from]")).hasCount(2);
        assertThat(page.locator("millflow-gantt g.arrow path[data-from='A'][data-to='B']")).hasCount(1);
    }

    @Test
    void draggingAGanttBarReportsTheNewInclusiveDatesOnce() {
        double day = dayWidth();
        BoundingBox a = bar("A").boundingBox();
        // three days and a bit to the right: frappe snaps down to whole days
        drag(a.x + a.width / 2, a.y + a.height / 2, 3 * day + day / 3);
        assertThat(page.locator("#gantt-event")).hasText("A 2026-03-05 2026-03-07");
        // the bar stays where it was dropped (the harness does not re-send the plan)
        assertThat(bar("A").boundingBox().x).isCloseTo(a.x + 3 * day, Offset.offset(1.0));
        // a click after a drag is not a click
        assertThat(page.locator("#gantt-click")).hasText("");

        // back by two days
        BoundingBox moved = bar("A").boundingBox();
        drag(moved.x + moved.width / 2, moved.y + moved.height / 2, -2 * day - day / 3);
        assertThat(page.locator("#gantt-event")).hasText("A 2026-03-03 2026-03-05");
    }

    @Test
    void resizingAGanttBarMovesOnlyItsEnd() {
        double day = dayWidth();
        waitForWidth("B", 5);
        Locator handle = page.locator("millflow-gantt g.bar-wrapper[data-id='B'] rect.handle.right");
        BoundingBox h = handle.boundingBox();
        drag(h.x + h.width / 2, h.y + h.height / 2, 2 * day + day / 3);
        assertThat(page.locator("#gantt-event")).hasText("B 2026-03-05 2026-03-11");
        waitForWidth("B", 7);
    }

    @Test
    void settingTheTasksAgainSnapsABarBackAndKeepsTheScrollPosition() {
        double day = dayWidth();
        BoundingBox a = bar("A").boundingBox();
        drag(a.x + a.width / 2, a.y + a.height / 2, 4 * day + day / 3);
        assertThat(page.locator("#gantt-event")).hasText("A 2026-03-06 2026-03-08");
        Object scroll = page.evaluate("document.querySelector('millflow-gantt').shadowRoot.querySelector('.gantt-container').scrollLeft");

        page.locator("#gantt-reset").click();
        page.waitForCondition(() -> {
            BoundingBox now = bar("A").count() == 1 ? bar("A").boundingBox() : null;
            return now != null && Math.abs(now.x - a.x) < 1.0;
        });
        assertThat(page.evaluate("document.querySelector('millflow-gantt').shadowRoot.querySelector('.gantt-container').scrollLeft"))
                .isEqualTo(scroll);
    }

    @Test
    void theWeekViewDragsByWholeDays() {
        page.locator("#gantt-week").click();
        page.waitForCondition(() -> dayWidth() == 140.0);
        double day = dayWidth() / 7;
        Locator a = bar("A");
        page.waitForCondition(() -> a.count() == 1 && Math.abs(a.boundingBox().width - 3 * day) < 1.0);
        BoundingBox box = a.boundingBox();
        drag(box.x + box.width / 2, box.y + box.height / 2, 2 * day + day / 3);
        assertThat(page.locator("#gantt-event")).hasText("A 2026-03-04 2026-03-06");
    }

    @Test
    void aReadOnlyGanttDoesNotMoveBars() {
        page.locator("#gantt-readonly").click();
        assertThat(page.locator("millflow-gantt")).hasAttribute("readonly", "");
        BoundingBox a = bar("A").boundingBox();
        drag(a.x + a.width / 2, a.y + a.height / 2, 3 * dayWidth());
        page.waitForTimeout(500);
        assertThat(bar("A").boundingBox().x).isCloseTo(a.x, Offset.offset(1.0));
        assertThat(page.locator("#gantt-event")).hasText("");
        // but clicks still reach the server (the label lies over the bar)
        page.locator("millflow-gantt g.bar-wrapper[data-id='A'] .bar-label").click();
        assertThat(page.locator("#gantt-click")).hasText("A");
    }

    @Test
    void draggingAKanbanCardToAnotherColumnMovesItAndTellsTheServer() {
        Locator card = page.locator("millflow-kanban li[data-card-id='c1']");
        card.dragTo(page.locator("millflow-kanban section[data-column-id='DONE']"));
        assertThat(page.locator("#kanban-event")).hasText("c1 TODO->DONE @0");
        assertThat(page.locator("millflow-kanban section[data-column-id='DONE'] li[data-card-id='c1']")).isVisible();
        assertThat(page.locator("millflow-kanban section[data-column-id='TODO'] .count")).hasText("1");
        assertThat(page.locator("millflow-kanban section[data-column-id='DONE'] .count")).hasText("1");

        // dropped on the top half of Paint: above it
        Locator paint = page.locator("millflow-kanban li[data-card-id='c3']");
        BoundingBox p = paint.boundingBox();
        page.locator("millflow-kanban li[data-card-id='c2']").dragTo(paint,
                new Locator.DragToOptions().setTargetPosition(p.width / 2, 3));
        assertThat(page.locator("#kanban-event")).hasText("c2 TODO->DOING @0");
        assertThat(page.locator("millflow-kanban section[data-column-id='DOING'] li").first())
                .hasAttribute("data-card-id", "c2");
    }

    @Test
    void aRefusedMoveSnapsBack() {
        page.locator("#kanban-refuse").click();
        page.locator("millflow-kanban li[data-card-id='c2']")
                .dragTo(page.locator("millflow-kanban section[data-column-id='DONE']"));
        assertThat(page.locator("#kanban-event")).hasText("c2 TODO->DONE @0 refused");
        assertThat(page.locator("millflow-kanban section[data-column-id='TODO'] li[data-card-id='c2']")).isVisible();
        assertThat(page.locator("millflow-kanban section[data-column-id='DONE'] li")).hasCount(0);
        assertThat(page.locator("millflow-kanban section[data-column-id='DONE'] .count")).hasText("0");
    }

    @Test
    void keyboardMovesCardsBetweenAndWithinColumns() {
        Locator paint = page.locator("millflow-kanban li[data-card-id='c3']");
        paint.focus();
        page.keyboard().press("Alt+ArrowRight");
        assertThat(page.locator("#kanban-event")).hasText("c3 DOING->DONE @0");
        assertThat(page.locator("millflow-kanban section[data-column-id='DONE'] li[data-card-id='c3']")).isFocused();
        assertThat(page.locator("millflow-kanban [role=status]")).containsText("Paint moved to Done, position 1 of 1");

        page.keyboard().press("Alt+ArrowLeft");
        page.keyboard().press("Alt+ArrowLeft");
        assertThat(page.locator("#kanban-event")).hasText("c3 DOING->TODO @0");
        page.keyboard().press("Alt+ArrowDown");
        assertThat(page.locator("#kanban-event")).hasText("c3 TODO->TODO @1");
        assertThat(page.locator("millflow-kanban section[data-column-id='TODO'] li").nth(1)).hasAttribute("data-card-id", "c3");

        // arrows alone move the focus, not the card
        page.keyboard().press("ArrowUp");
        assertThat(page.locator("millflow-kanban li[data-card-id='c1']")).isFocused();
        page.keyboard().press("Enter");
        assertThat(page.locator("#kanban-click")).hasText("c1");
        assertThat(page.locator("#kanban-event")).hasText("c3 TODO->TODO @1");
    }

    @Test
    void aServerUpdateSentBeforeAMoveArrivedDoesNotUndoIt() {
        // in one go in the browser: a keyboard move, then cards the server sent before it saw that move
        Object stillMoved = page.evaluate("""
                async () => {
                  const board = document.querySelector('millflow-kanban');
                  board.shadowRoot.querySelector("li[data-card-id='c3']").dispatchEvent(
                      new KeyboardEvent('keydown', { key: 'ArrowRight', altKey: true, bubbles: true, composed: true }));
                  board.cards = [...board.cards];
                  board.revision = board.revision + 1;
                  await board.updateComplete;
                  return board.shadowRoot.querySelector("section[data-column-id='DONE'] li[data-card-id='c3']") !== null;
                }""");
        assertThat(stillMoved).isEqualTo(true);
        assertThat(page.locator("#kanban-event")).hasText("c3 DOING->DONE @0");
        assertThat(page.locator("millflow-kanban section[data-column-id='DONE'] li[data-card-id='c3']")).isVisible();
        assertThat(page.locator("millflow-kanban section[data-column-id='DOING'] .count")).hasText("0");
    }

    @Test
    void aReadOnlyBoardRefusesDragAndKeyboardMoves() {
        page.locator("#kanban-readonly").click();
        assertThat(page.locator("millflow-kanban")).hasAttribute("readonly", "");
        page.locator("millflow-kanban li[data-card-id='c1']")
                .dragTo(page.locator("millflow-kanban section[data-column-id='DONE']"));
        page.locator("millflow-kanban li[data-card-id='c3']").focus();
        page.keyboard().press("Alt+ArrowRight");
        page.waitForTimeout(500);
        assertThat(page.locator("#kanban-event")).hasText("");
        assertThat(page.locator("millflow-kanban section[data-column-id='DONE'] li")).hasCount(0);
    }

    @Test
    void anEChartRendersItsOption() {
        Locator chart = page.locator("millflow-echart");
        assertThat(chart).hasAttribute("data-rendered", "true");
        assertThat(chart).hasAttribute("data-series", "1");
        assertThat(page.locator("millflow-echart canvas")).hasCount(1);
        assertThat(chart.boundingBox().height).isEqualTo(260.0);
    }
}
