package io.millflow.ui.projects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.resources.ResourceViews.BookableTask;
import io.millflow.pms.resources.ResourceViews.TimesheetCommand;
import io.millflow.pms.resources.ResourceViews.TimesheetEntryCommand;
import io.millflow.pms.resources.ResourceViews.TimesheetEntryView;
import io.millflow.pms.resources.Timesheets;
import io.millflow.pms.resources.WeekCapacity;
import io.millflow.shared.ProblemException;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * My week: hours per task and day (Monday to Sunday) with day totals, save (a day over 24 h is refused and marked),
 * submit for approval; a rejection's reason is shown on the returned draft. Roles: every internal role that is set
 * up as a person.
 */
@Route(value = "timesheet", layout = MainLayout.class)
@PageTitle("My timesheet · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class TimesheetView extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /** One task's row: its seven day fields. */
    private record Row(BookableTask task, BigDecimalField[] days) {
    }

    private final Timesheets timesheets;
    private final DatePicker week = new DatePicker("Week of");
    private final Span status = new Span();
    private final Paragraph decision = new Paragraph();
    private final Div table = new Div();
    private final ComboBox<BookableTask> addTask = new ComboBox<>("Add a task");
    private final Button save = new Button("Save", VaadinIcon.CHECK.create());
    private final Button submit = new Button("Submit for approval", VaadinIcon.PAPERPLANE.create());
    private final List<Row> rows = new ArrayList<>();
    private HorizontalLayout addRow;
    private final Span[] totals = new Span[7];
    private io.millflow.pms.resources.ResourceViews.TimesheetView current;

    public TimesheetView(Timesheets timesheets) {
        this.timesheets = timesheets;
        week.setId("timesheet-week");
        week.setValue(LocalDate.now());
        week.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                load(WeekCapacity.monday(e.getValue()));
            }
        });
        Button previous = new Button(VaadinIcon.ANGLE_LEFT.create(), e -> week.setValue(week.getValue().minusWeeks(1)));
        previous.setId("timesheet-previous");
        Button next = new Button(VaadinIcon.ANGLE_RIGHT.create(), e -> week.setValue(week.getValue().plusWeeks(1)));
        next.setId("timesheet-next");
        status.setId("timesheet-status");
        status.getElement().getThemeList().add("badge");
        decision.setId("timesheet-decision");
        HorizontalLayout top = new HorizontalLayout(new H3("My timesheet"), previous, week, next, status);
        top.setAlignItems(Alignment.BASELINE);
        top.getStyle().set("flex-wrap", "wrap");
        table.setId("timesheet-table");
        table.setWidthFull();
        table.getStyle().set("overflow-x", "auto");
        addTask.setId("timesheet-add-task");
        addTask.setWidth("28em");
        addTask.setItemLabelGenerator(t -> t.projectCode() + " · T-" + t.number() + " · " + t.name());
        Button add = new Button("Add", VaadinIcon.PLUS.create(), e -> {
            BookableTask task = addTask.getValue();
            if (task != null && rows.stream().noneMatch(r -> r.task().taskId().equals(task.taskId()))) {
                rows.add(new Row(task, dayFields()));
                render();
            }
        });
        add.setId("timesheet-add");
        save.setId("timesheet-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        submit.setId("timesheet-submit");
        submit.addClickListener(e -> submit());
        addRow = new HorizontalLayout(addTask, add);
        addRow.setAlignItems(Alignment.BASELINE);
        add(top, decision, table, addRow, new HorizontalLayout(save, submit));
        try {
            addTask.setItems(timesheets.bookableTasks());
            load(WeekCapacity.monday(week.getValue()));
        } catch (ProblemException.NotFound e) {
            removeAll();
            Paragraph none = new Paragraph(e.getMessage());
            none.setId("timesheet-no-person");
            add(new H3("My timesheet"), none);
        }
    }

    private void load(LocalDate monday) {
        current = timesheets.mine(monday);
        rows.clear();
        Map<UUID, Row> byTask = new LinkedHashMap<>();
        for (TimesheetEntryView e : current.entries()) {
            Row row = byTask.computeIfAbsent(e.taskId(), id -> new Row(new BookableTask(e.taskId(), e.projectId(),
                    e.projectCode(), 0, e.taskName()), dayFields()));
            row.days()[(int) (e.day().toEpochDay() - monday.toEpochDay())].setValue(e.hours());
        }
        rows.addAll(byTask.values());
        render();
    }

    private BigDecimalField[] dayFields() {
        BigDecimalField[] fields = new BigDecimalField[7];
        for (int i = 0; i < 7; i++) {
            BigDecimalField f = new BigDecimalField();
            f.setWidth("5.5em");
            f.setManualValidation(true);
            f.addValueChangeListener(e -> updateTotals());
            fields[i] = f;
        }
        return fields;
    }

    private void render() {
        LocalDate monday = current.weekStart();
        boolean draft = "DRAFT".equals(current.status());
        status.setText(current.status() + (current.id() == null ? " · nothing saved" : ""));
        status.getElement().getThemeList().removeAll(List.of("success", "contrast", "error"));
        status.getElement().getThemeList().add("APPROVED".equals(current.status()) ? "success"
                : "SUBMITTED".equals(current.status()) ? "contrast" : "badge");
        boolean returned = draft && current.decisionComment() != null && current.decidedBy() != null;
        decision.setVisible(returned || "APPROVED".equals(current.status()));
        decision.setText(returned ? "Returned by " + current.decidedBy() + ": " + current.decisionComment()
                : "Approved by " + current.decidedBy());
        table.removeAll();
        Div grid = new Div();
        grid.getStyle().set("display", "grid").set("grid-template-columns", "minmax(14em, 2fr) repeat(7, 6em)")
                .set("gap", "var(--lumo-space-xs)").set("align-items", "center");
        grid.add(new Span("Task"));
        for (int i = 0; i < 7; i++) {
            Span head = new Span(DAY.format(monday.plusDays(i)));
            head.getStyle().set("font-weight", "600");
            grid.add(head);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            Span name = new Span(row.task().projectCode() + " · " + row.task().name());
            name.addClassName("timesheet-task");
            grid.add(name);
            for (int i = 0; i < 7; i++) {
                BigDecimalField f = row.days()[i];
                f.setId("hours-" + r + "-" + i);
                f.setReadOnly(!draft);
                f.setInvalid(false);
                grid.add(f);
            }
        }
        Span label = new Span("Total");
        label.getStyle().set("font-weight", "600");
        grid.add(label);
        for (int i = 0; i < 7; i++) {
            totals[i] = new Span();
            totals[i].setId("total-" + i);
            grid.add(totals[i]);
        }
        table.add(grid);
        if (rows.isEmpty()) {
            table.add(new Paragraph(draft ? "No hours yet: add a task below." : "No hours."));
        }
        updateTotals();
        if (addRow != null) {
            addRow.setVisible(draft);
        }
        save.setEnabled(draft);
        submit.setEnabled(draft && current.id() != null && !current.entries().isEmpty());
    }

    private void updateTotals() {
        for (int i = 0; i < 7; i++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Row row : rows) {
                BigDecimal v = row.days()[i].getValue();
                sum = v == null ? sum : sum.add(v);
            }
            if (totals[i] != null) {
                totals[i].setText(sum.stripTrailingZeros().toPlainString() + " h");
                totals[i].getStyle().set("color", sum.compareTo(BigDecimal.valueOf(24)) > 0
                        ? "var(--lumo-error-text-color)" : "inherit");
            }
        }
    }

    private void save() {
        LocalDate monday = current.weekStart();
        List<TimesheetEntryCommand> entries = new ArrayList<>();
        List<BigDecimalField> fieldOf = new ArrayList<>();
        for (Row row : rows) {
            for (int i = 0; i < 7; i++) {
                BigDecimalField f = row.days()[i];
                f.setInvalid(false);
                if (f.getValue() != null && f.getValue().signum() != 0) {
                    entries.add(new TimesheetEntryCommand(row.task().taskId(), monday.plusDays(i), f.getValue(), null));
                    fieldOf.add(f);
                }
            }
        }
        try {
            current = timesheets.save(monday, new TimesheetCommand(entries));
            Notification n = Notification.show("Saved", 2000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            load(monday);
        } catch (ProblemException e) {
            markField(e, fieldOf);
            Problems.show(e);
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private static void markField(ProblemException e, List<BigDecimalField> fieldOf) {
        if (e.field() == null || !e.field().startsWith("entries[")) {
            return;
        }
        int index = Integer.parseInt(e.field().substring("entries[".length(), e.field().indexOf(']')));
        if (index < fieldOf.size()) {
            fieldOf.get(index).setErrorMessage(e.getMessage());
            fieldOf.get(index).setInvalid(true);
        }
    }

    private void submit() {
        try {
            current = timesheets.submit(current.id());
            Notification n = Notification.show("Submitted for approval", 3000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            load(current.weekStart());
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }
}
