package io.millflow.ui.projects;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.ProjectStatus;
import io.millflow.pms.ProjectSummary;
import io.millflow.pms.Projects;
import io.millflow.pms.resources.Allocations;
import io.millflow.pms.resources.People;
import io.millflow.pms.resources.ResourceViews.AllocationChange;
import io.millflow.pms.resources.ResourceViews.AllocationCommand;
import io.millflow.pms.resources.ResourceViews.AllocationView;
import io.millflow.pms.resources.ResourceViews.PersonView;
import io.millflow.pms.resources.WeekCapacity;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;

/**
 * Allocate people to projects per week; the answer says at once when the person's week is over capacity (after
 * holidays) and the list marks over-allocated weeks. Roles: MANAGER, ADMIN.
 */
@Route(value = "resources/allocations", layout = MainLayout.class)
@PageTitle("Allocations · Millflow")
@RolesAllowed({"MANAGER", "ADMIN"})
public class AllocationsView extends VerticalLayout {

    private static final int WEEKS_SHOWN = 4;

    private final Allocations allocations;
    private final ComboBox<PersonView> person = new ComboBox<>("Person");
    private final ComboBox<ProjectSummary> project = new ComboBox<>("Project");
    private final DatePicker week = new DatePicker("Week of");
    private final BigDecimalField hours = new BigDecimalField("Hours");
    private final TextField note = new TextField("Note");
    private final Span warning = new Span();
    private final DatePicker from = new DatePicker("Show from");
    private final Grid<AllocationView> grid = new Grid<>(AllocationView.class, false);
    private AllocationView editing;

    public AllocationsView(Allocations allocations, People people, Projects projects) {
        this.allocations = allocations;
        person.setId("allocation-person");
        person.setItems(people.list(null, null));
        person.setItemLabelGenerator(p -> p.username() + (p.teamName() == null ? "" : " · " + p.teamName()));
        project.setId("allocation-project");
        project.setItems(projects.list(null, null, 0, 500).items().stream()
                .filter(p -> p.status() != ProjectStatus.CLOSED).toList());
        project.setItemLabelGenerator(p -> p.code() + " · " + p.name());
        week.setId("allocation-week");
        week.setValue(WeekCapacity.monday(LocalDate.now()));
        week.setHelperText("Any day; the allocation is for its ISO week (Monday)");
        hours.setId("allocation-hours");
        note.setMaxLength(500);
        warning.setId("over-allocation-warning");
        warning.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        warning.setVisible(false);
        Button save = new Button("Allocate", e -> save());
        save.setId("allocation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button remove = new Button("Remove", e -> remove());
        remove.setId("allocation-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button clear = new Button("New allocation", e -> edit(null));
        FormLayout form = new FormLayout(person, project, week, hours, note);

        from.setValue(WeekCapacity.monday(LocalDate.now()));
        from.addValueChangeListener(e -> refresh());
        grid.setId("allocation-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(a -> a.weekStart().toString()).setHeader("Week").setAutoWidth(true);
        grid.addColumn(AllocationView::username).setHeader("Person").setAutoWidth(true);
        grid.addColumn(a -> a.projectCode() + " · " + a.projectName()).setHeader("Project").setFlexGrow(1);
        grid.addColumn(a -> plain(a.hours()) + " h").setHeader("Hours").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(a -> {
            Span s = new Span(plain(a.allocatedHours()) + " of " + plain(a.capacityHours()) + " h"
                    + (a.overAllocated() ? " · OVER by " + plain(a.overByHours()) + " h" : ""));
            s.getElement().setAttribute("data-over", String.valueOf(a.overAllocated()));
            if (a.overAllocated()) {
                s.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
            }
            return s;
        })).setHeader("Person's week").setAutoWidth(true);
        grid.setHeight("420px");
        grid.addSelectionListener(e -> edit(e.getFirstSelectedItem().orElse(null)));
        add(new H3("Allocations"), form, new HorizontalLayout(save, remove, clear), warning, from,
                new ExportMenu<>(grid, "allocations").column("Week", AllocationView::weekStart)
                        .column("Person", AllocationView::username).column("Project", AllocationView::projectCode)
                        .column("Project name", AllocationView::projectName).column("Hours", AllocationView::hours)
                        .column("Capacity hours", AllocationView::capacityHours)
                        .column("Allocated hours", AllocationView::allocatedHours)
                        .column("Over-allocated", AllocationView::overAllocated).column("Note", AllocationView::note),
                grid);
        refresh();
    }

    private void edit(AllocationView a) {
        editing = a;
        person.setEnabled(a == null);
        project.setEnabled(a == null);
        week.setEnabled(a == null);
        if (a == null) {
            hours.clear();
            note.clear();
            grid.deselectAll();
            return;
        }
        person.getListDataView().getItems().filter(p -> p.id().equals(a.personId())).findFirst().ifPresent(person::setValue);
        project.getListDataView().getItems().filter(p -> p.id().equals(a.projectId())).findFirst().ifPresent(project::setValue);
        week.setValue(a.weekStart());
        hours.setValue(a.hours());
        note.setValue(a.note() == null ? "" : a.note());
    }

    private void save() {
        try {
            AllocationView saved;
            if (editing == null) {
                if (person.getValue() == null || project.getValue() == null || week.getValue() == null) {
                    Notification.show("Choose a person, a project and a week", 3000, Notification.Position.TOP_CENTER);
                    return;
                }
                saved = allocations.create(new AllocationCommand(person.getValue().id(), null, project.getValue().id(),
                        WeekCapacity.monday(week.getValue()), hours.getValue(), note.getValue()));
            } else {
                saved = allocations.update(editing.id(), new AllocationChange(hours.getValue(), note.getValue(),
                        editing.version()));
            }
            show(saved);
            edit(null);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void show(AllocationView a) {
        if (a.overAllocated()) {
            warning.setText(a.username() + " is over-allocated in the week of " + a.weekStart() + ": "
                    + plain(a.allocatedHours()) + " h allocated, capacity " + plain(a.capacityHours()) + " h (over by "
                    + plain(a.overByHours()) + " h)");
            warning.setVisible(true);
            Notification n = Notification.show(warning.getText(), 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        } else {
            warning.setVisible(false);
            Notification n = Notification.show("Allocated: " + plain(a.allocatedHours()) + " of " + plain(a.capacityHours())
                    + " h in the week of " + a.weekStart(), 3000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    private void remove() {
        if (editing == null) {
            return;
        }
        try {
            allocations.delete(editing.id());
            edit(null);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void refresh() {
        LocalDate start = WeekCapacity.monday(from.getValue() == null ? LocalDate.now() : from.getValue());
        grid.setItems(allocations.list(null, null, start, start.plusWeeks(WEEKS_SHOWN - 1)));
    }

    static String plain(java.math.BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }
}
