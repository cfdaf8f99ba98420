package io.millflow.ui.components;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ui.components.GanttChart.Bar;
import io.millflow.ui.components.KanbanBoard.Card;
import io.millflow.ui.components.KanbanBoard.Column;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Test sources only: the PMS web components on one page with what their Java listeners received, for
 * {@code ComponentsBrowserTest}. Only components the application bundles can be used here (buttons, not checkboxes:
 * the production bundle holds the web components of main-code routes). Vaadin's Spring route scan covers {@code io.millflow}, test classes included, so this
 * route exists in tests and never in the application jar.
 */
@Route("test/components")
@PageTitle("Components harness")
@PermitAll
public class ComponentsHarnessView extends VerticalLayout {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    static List<Bar> bars() {
        return List.of(
                new Bar("A", "Design", MONDAY, MONDAY.plusDays(2), 40, List.of(), false, true),
                new Bar("B", "Build", MONDAY.plusDays(3), MONDAY.plusDays(7), 0, List.of("A"), false, false),
                new Bar("M", "Release", MONDAY.plusDays(9), MONDAY.plusDays(9), 0, List.of("B"), true, true));
    }

    static List<Card> cards() {
        return List.of(
                new Card("c1", "TODO", 0, "Order steel", "T-1", "HIGH"),
                new Card("c2", "TODO", 1, "Weld frame", "T-2", null),
                new Card("c3", "DOING", 0, "Paint", "T-3", null));
    }

    private final Span ganttEvent = new Span();
    private final Span ganttClick = new Span();
    private final Span kanbanEvent = new Span();
    private final Span kanbanClick = new Span();
    private final Span chartClick = new Span();
    private List<Card> board = new ArrayList<>(cards());
    private boolean refusing;

    public ComponentsHarnessView() {
        setWidthFull();
        ganttEvent.setId("gantt-event");
        ganttClick.setId("gantt-click");
        kanbanEvent.setId("kanban-event");
        kanbanClick.setId("kanban-click");
        chartClick.setId("chart-click");

        GanttChart gantt = new GanttChart();
        gantt.setId("gantt");
        gantt.setWidthFull();
        gantt.setTasks(bars());
        gantt.addDateChangeListener(e -> ganttEvent.setText(e.taskId() + " " + e.start() + " " + e.end()));
        gantt.addBarClickListener(e -> ganttClick.setText(e.taskId()));
        Button ganttReadonly = new Button("Gantt read-only", e -> gantt.setReadonly(!gantt.isReadonly()));
        ganttReadonly.setId("gantt-readonly");
        Button ganttReset = new Button("Reset bars", e -> gantt.setTasks(bars()));
        ganttReset.setId("gantt-reset");
        Button week = new Button("Week", e -> gantt.setViewMode("Week"));
        week.setId("gantt-week");

        KanbanBoard kanban = new KanbanBoard();
        kanban.setId("kanban");
        kanban.setColumns(List.of(new Column("TODO", "To do"), new Column("DOING", "Doing"), new Column("DONE", "Done")));
        kanban.setCards(board);
        Button refuse = new Button("Refuse moves", e -> refusing = !refusing);
        refuse.setId("kanban-refuse");
        kanban.addCardMovedListener(e -> {
            kanbanEvent.setText(e.cardId() + " " + e.fromColumnId() + "->" + e.toColumnId() + " @" + e.toIndex()
                    + (refusing ? " refused" : ""));
            if (!refusing) {
                board = moved(board, e.cardId(), e.toColumnId(), e.toIndex());
            }
            kanban.setCards(board);
        });
        kanban.addCardClickListener(e -> kanbanClick.setText(e.cardId()));
        Button kanbanReadonly = new Button("Board read-only", e -> kanban.setReadonly(!kanban.isReadonly()));
        kanbanReadonly.setId("kanban-readonly");

        EChart chart = new EChart();
        chart.setId("chart");
        chart.setHeight("260px");
        chart.setOptionJson("""
                {"xAxis": {"type": "category", "data": ["Mon", "Tue", "Wed"]},
                 "yAxis": {"type": "value"},
                 "series": [{"name": "Hours", "type": "bar", "data": [5, 8, 3]}]}
                """);
        chart.addChartClickListener(e -> chartClick.setText(e.seriesName() + " " + e.name() + " " + e.valueJson()));

        add(new H2("Gantt"), new HorizontalLayout(ganttReadonly, ganttReset, week), gantt,
                new HorizontalLayout(new Text("Date change: "), ganttEvent, new Text(" Click: "), ganttClick),
                new H2("Kanban"), new HorizontalLayout(refuse, kanbanReadonly), kanban,
                new HorizontalLayout(new Text("Moved: "), kanbanEvent, new Text(" Click: "), kanbanClick),
                new H2("Chart"), chart, new HorizontalLayout(new Text("Clicked: "), chartClick));
    }

    /** What a server would do: the card at toIndex of its new column, ranks renumbered. */
    static List<Card> moved(List<Card> cards, String cardId, String toColumn, int toIndex) {
        Card card = cards.stream().filter(c -> c.id().equals(cardId)).findFirst().orElseThrow();
        List<Card> rest = new ArrayList<>(cards.stream().filter(c -> !c.id().equals(cardId)).toList());
        List<Card> target = new ArrayList<>(rest.stream().filter(c -> c.columnId().equals(toColumn))
                .sorted(Comparator.comparingInt(Card::rank)).toList());
        rest.removeAll(target);
        target.add(Math.min(toIndex, target.size()),
                new Card(card.id(), toColumn, 0, card.title(), card.subtitle(), card.badge()));
        for (int i = 0; i < target.size(); i++) {
            Card c = target.get(i);
            rest.add(new Card(c.id(), c.columnId(), i, c.title(), c.subtitle(), c.badge()));
        }
        return rest;
    }
}
