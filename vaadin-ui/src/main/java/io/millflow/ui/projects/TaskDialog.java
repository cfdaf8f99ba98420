package io.millflow.ui.projects;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.millflow.pms.TaskPriority;
import io.millflow.pms.TaskStatus;
import io.millflow.pms.HistoryEntry;
import io.millflow.pms.TaskCommand;
import io.millflow.pms.TaskView;
import io.millflow.shared.ProblemException;
import io.millflow.ui.Problems;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A task: its fields (saved with Tasks.update, errors next to the field at fault), comments with @mentions,
 * attachments (upload with the size limit shown), its history, and material requests. {@link #reload()} reads it
 * again when it changed elsewhere (fields being edited are kept).
 */
public class TaskDialog extends Dialog {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final TaskDialogs services;
    private final UUID projectId;
    private final boolean writable;
    private TaskView task;
    private boolean dirty;

    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final ComboBox<TaskView> parent = new ComboBox<>("Parent task");
    private final Select<TaskStatus> status = new Select<>();
    private final Select<TaskPriority> priority = new Select<>();
    private final DatePicker start = new DatePicker("Start");
    private final DatePicker end = new DatePicker("End");
    private final DatePicker due = new DatePicker("Due");
    private final BigDecimalField estimate = new BigDecimalField("Estimate (hours)");
    private final TextField assignee = new TextField("Assignee (username)");
    private final TextField labels = new TextField("Labels (comma-separated)");
    private final Checkbox milestone = new Checkbox("Milestone");
    private final Checkbox needsApproval = new Checkbox("Needs approval when done");
    private final Span approval = new Span();
    private final List<HasValidation> marked = new ArrayList<>();
    private final Div history = new Div();
    private final CommentsPanel commentsPart;
    private final AttachmentsPanel filesPart;

    TaskDialog(TaskDialogs services, TaskView task, UUID projectId, List<TaskView> possibleParents, boolean writable) {
        this.services = services;
        this.task = task;
        this.projectId = task == null ? projectId : task.projectId();
        this.writable = writable;
        setId("task-dialog");
        setWidth("min(900px, 95vw)");
        setDraggable(true);
        setResizable(true);
        setHeaderTitle(task == null ? "New task" : task.key() + " · " + task.name());
        TabSheet tabs = new TabSheet();
        tabs.setId("task-tabs");
        tabs.setWidthFull();
        tabs.add("Details", details(possibleParents));
        if (task != null) {
            commentsPart = new CommentsPanel(services, task.id(), writable);
            filesPart = new AttachmentsPanel(services, task.id(), writable);
            tabs.add("Comments", commentsPart);
            tabs.add("Attachments", filesPart);
            history.setId("task-history");
            tabs.add("History", history);
            tabs.add("Materials", services.materials.panel(task.id()));
            fillFields();
            fillHistory();
        } else {
            commentsPart = null;
            filesPart = null;
            status.setValue(TaskStatus.TODO);
            priority.setValue(TaskPriority.NORMAL);
        }
        add(tabs);
        Button close = new Button("Close", e -> close());
        close.setId("task-close");
        Button save = new Button(task == null ? "Create" : "Save", e -> save());
        save.setId("task-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(writable);
        getFooter().add(close, save);
    }

    private FormLayout details(List<TaskView> possibleParents) {
        name.setId("task-name");
        name.setRequired(true);
        description.setId("task-description");
        parent.setId("task-parent");
        parent.setItems(possibleParents);
        parent.setItemLabelGenerator(t -> t.key() + " " + t.name());
        parent.setClearButtonVisible(true);
        parent.setVisible(task == null);
        status.setId("task-status");
        status.setLabel("Status");
        status.setItems(TaskStatus.values());
        priority.setId("task-priority");
        priority.setLabel("Priority");
        priority.setItems(TaskPriority.values());
        start.setId("task-start");
        end.setId("task-end");
        due.setId("task-due");
        estimate.setId("task-estimate");
        assignee.setId("task-assignee");
        labels.setId("task-labels");
        milestone.setId("task-milestone");
        needsApproval.setId("task-needs-approval");
        approval.setId("task-approval");
        track(name);
        track(description);
        track(parent);
        track(status);
        track(priority);
        track(start);
        track(end);
        track(due);
        track(estimate);
        track(assignee);
        track(labels);
        track(milestone);
        track(needsApproval);
        FormLayout form = new FormLayout(name, status, priority, assignee, start, end, due, estimate, labels, parent,
                milestone, needsApproval, approval, description);
        form.setColspan(description, 2);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        return form;
    }

    private <E extends com.vaadin.flow.component.HasValue.ValueChangeEvent<V>, V> void track(
            com.vaadin.flow.component.HasValue<E, V> field) {
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                dirty = true;
            }
        });
        field.setReadOnly(!writable);
    }

    private void fillFields() {
        name.setValue(task.name());
        description.setValue(task.description() == null ? "" : task.description());
        status.setValue(task.status());
        priority.setValue(task.priority());
        start.setValue(task.startDate());
        end.setValue(task.endDate());
        due.setValue(task.dueDate());
        estimate.setValue(task.estimateHours());
        assignee.setValue(task.assignee() == null ? "" : task.assignee());
        labels.setValue(task.labels() == null ? "" : String.join(", ", task.labels()));
        milestone.setValue(task.milestone());
        needsApproval.setValue(task.needsApproval());
        approval.setText(task.approvalState() == null ? "" : "Approval: " + task.approvalState());
        setHeaderTitle(task.key() + " · " + task.name());
        dirty = false;
    }

    private void fillHistory() {
        history.removeAll();
        List<HistoryEntry> entries = services.tasks.history(task.id());
        if (entries.isEmpty()) {
            history.add(new Paragraph("No changes yet."));
        }
        for (HistoryEntry h : entries) {
            Div row = new Div(new Span(WHEN.format(h.changedAt()) + " · " + h.changedBy() + " · " + h.field() + ": "
                    + (h.oldValue() == null ? "–" : h.oldValue()) + " → " + (h.newValue() == null ? "–" : h.newValue())));
            row.addClassName("history-entry");
            row.getElement().setAttribute("data-field", h.field());
            history.add(row);
        }
    }

    private TaskCommand command() {
        Set<String> labelSet = Arrays.stream(labels.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new TaskCommand(task == null ? (parent.getValue() == null ? null : parent.getValue().id())
                : task.parentId(), name.getValue().strip(), description.getValue(), status.getValue(),
                priority.getValue(), milestone.getValue(), start.getValue(), end.getValue(), due.getValue(),
                estimate.getValue(), assignee.getValue().isBlank() ? null : assignee.getValue().strip(), labelSet,
                needsApproval.getValue());
    }

    private void save() {
        marked.forEach(f -> f.setInvalid(false));
        marked.clear();
        try {
            if (task == null) {
                task = services.tasks.create(projectId, command());
                Notification.show("Created " + task.key(), 3000, Notification.Position.BOTTOM_START);
                close();
                return;
            }
            task = services.tasks.update(task.id(), command());
            fillFields();
            fillHistory();
            Notification.show("Saved " + task.key(), 3000, Notification.Position.BOTTOM_START);
        } catch (RuntimeException e) {
            HasValidation field = e instanceof ProblemException p && p.field() != null ? fieldOf(p.field()) : null;
            if (field == null) {
                Problems.show(e);
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
                marked.add(field);
            }
        }
    }

    private HasValidation fieldOf(String input) {
        Map<String, HasValidation> fields = Map.of("name", name, "description", description, "status", status,
                "priority", priority, "startDate", start, "endDate", end, "dueDate", due, "estimateHours", estimate,
                "assignee", assignee, "labels", labels);
        return fields.get(input);
    }

    /** Reads the task again after a change made elsewhere; fields the person is editing are left alone. */
    public void reload() {
        if (task == null) {
            return;
        }
        try {
            task = services.tasks.get(task.id());
        } catch (ProblemException.NotFound e) {
            close();
            return;
        }
        if (!dirty) {
            fillFields();
        }
        fillHistory();
        if (commentsPart != null) {
            commentsPart.reload();
        }
        if (filesPart != null) {
            filesPart.reload();
        }
    }

    UUID taskId() {
        return task == null ? null : task.id();
    }

    static VerticalLayout column() {
        VerticalLayout l = new VerticalLayout();
        l.setPadding(false);
        l.setSpacing(false);
        return l;
    }
}
