package io.millflow.ui.projects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinService;
import io.millflow.pms.resources.ResourceViews.TimesheetEntryView;
import io.millflow.pms.resources.ResourceViews.TimesheetView;
import io.millflow.pms.resources.Timesheets;
import io.millflow.ui.Problems;
import java.util.UUID;

/** The subject of an "Approve timesheet" task in the inbox: whose week, the hours per task and day, the total. */
public final class TimesheetTaskPanel {

    private TimesheetTaskPanel() {
    }

    /** The panel for the timesheet {@code businessKey}; looks the service up itself so the inbox needs no new bean. */
    public static Component of(String businessKey) {
        try {
            Timesheets timesheets = VaadinService.getCurrent().getInstantiator().getOrCreate(Timesheets.class);
            return of(timesheets.get(UUID.fromString(businessKey)));
        } catch (RuntimeException e) {
            return new Span("The timesheet cannot be shown: " + Problems.message(e));
        }
    }

    public static Component of(TimesheetView t) {
        Span who = new Span(t.username() + " · week of " + t.weekStart() + " · "
                + AllocationsView.plain(t.totalHours()) + " h · " + t.status());
        who.setId("task-timesheet");
        who.getStyle().set("display", "block").set("font-weight", "600");
        Grid<TimesheetEntryView> grid = new Grid<>(TimesheetEntryView.class, false);
        grid.setId("task-timesheet-entries");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> e.day().getDayOfWeek().toString().substring(0, 3) + " " + e.day()).setHeader("Day")
                .setAutoWidth(true);
        grid.addColumn(e -> e.projectCode() + " · " + e.taskName()).setHeader("Task").setFlexGrow(1);
        grid.addColumn(e -> AllocationsView.plain(e.hours()) + " h").setHeader("Hours").setAutoWidth(true);
        grid.setItems(t.entries());
        grid.setAllRowsVisible(true);
        Div panel = new Div(who, grid);
        if (t.decisionComment() != null && "DRAFT".equals(t.status())) {
            panel.add(new Span("Returned before: " + t.decisionComment()));
        }
        panel.setWidthFull();
        return panel;
    }
}
