package io.millflow.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.CycleCountViews.CycleCountView;
import io.millflow.ims.CycleCounts;
import io.millflow.ims.MasterData;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.GoodsReceipts;
import io.millflow.procurement.PurchaseOrderQueries;
import io.millflow.processes.ProcessKeys;
import io.millflow.procurement.PurchaseOrderCommands;
import io.millflow.procurement.PurchaseOrders;
import io.millflow.procurement.Suppliers;
import io.millflow.procurement.PurchaseRequisitions;
import io.millflow.procurement.RequisitionView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.inbox.Inbox;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.ProcessDiagram;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.forms.InvalidFormException;
import io.millflow.shared.forms.TaskForm;
import io.millflow.shared.forms.TaskForms;
import io.millflow.ui.components.BpmnViewer;
import io.millflow.ui.components.FormViewer;
import io.millflow.ui.purchasing.PurchaseOrderTaskPanel;
import io.millflow.ims.ReplenishmentRuns;
import io.millflow.ui.replenishment.ProposalsPanel;
import io.millflow.ui.stock.CountLinesPanel;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The task inbox: my tasks and my groups' tasks, overdue marked; a task opens with its subject (the
 * requisition, the lines of a cycle count with book, counted, difference and outcome, or a purchase order with
 * its receiving or put-away form), the process diagram
 * with the current step, claim, and approve or reject with a comment — or, when the task has a form-js form
 * ({@code camunda:formRef}), the form with a Submit button; the server checks the values ({@link TaskForms}) and its
 * messages show under the fields.
 * Roles: every internal role; each task is limited to its candidate groups by {@link Inbox}.
 */
@Route(value = "inbox", layout = MainLayout.class)
@PageTitle("Inbox · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class InboxView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final Inbox inbox;
    private final PurchaseRequisitions requisitions;
    private final CycleCounts counts;
    private final PurchaseOrders orders;
    private final PurchaseOrderQueries orderQueries;
    private final GoodsReceipts receipts;
    private final MasterData masterData;
    private final ReplenishmentRuns replenishmentRuns;
    private final Suppliers suppliers;
    private final TaskForms taskForms;
    private final Tab allTab = new Tab("All");
    private final Tab mineTab = new Tab("Claimed by me");
    private final Tab groupTab = new Tab("My groups");
    private final Tabs tabs = new Tabs(allTab, mineTab, groupTab);
    private final Div list = new Div();
    private final VerticalLayout detail = new VerticalLayout();

    public InboxView(Inbox inbox, PurchaseRequisitions requisitions, CycleCounts counts, PurchaseOrders orders,
            PurchaseOrderQueries orderQueries, GoodsReceipts receipts, MasterData masterData,
            ReplenishmentRuns replenishmentRuns, Suppliers suppliers, TaskForms taskForms) {
        this.suppliers = suppliers;
        this.taskForms = taskForms;
        this.orders = orders;
        this.orderQueries = orderQueries;
        this.replenishmentRuns = replenishmentRuns;
        this.inbox = inbox;
        this.requisitions = requisitions;
        this.counts = counts;
        this.receipts = receipts;
        this.masterData = masterData;
        setSizeFull();
        list.setId("task-list");
        list.getStyle().set("flex", "1 1 320px").set("min-width", "280px").set("max-width", "480px");
        detail.setId("task-detail");
        detail.setPadding(false);
        detail.getStyle().set("flex", "2 1 420px").set("min-width", "280px");
        FlexLayout content = new FlexLayout(list, detail);
        content.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        content.getStyle().set("gap", "var(--lumo-space-l)");
        content.setWidthFull();
        tabs.addSelectedChangeListener(e -> refresh(null));
        Button reload = new Button("Refresh", e -> refresh(null));
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout top = new HorizontalLayout(new H3("Inbox"), tabs, reload);
        top.setAlignItems(Alignment.BASELINE);
        top.getStyle().set("flex-wrap", "wrap");
        add(top, content);
        refresh(null);
    }

    /**
     * {@code /inbox?task=<id>} (the deep link of notifications and mails) opens that task when it is open and the
     * signed-in person may work on it; otherwise the inbox says so and opens nothing.
     */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        List<String> wanted = event.getLocation().getQueryParameters().getParameters().get("task");
        if (wanted == null || wanted.isEmpty() || wanted.get(0).isBlank()) {
            return;
        }
        String taskId = wanted.get(0);
        tabs.setSelectedTab(allTab);
        refresh(taskId);
        if (detail.getComponentCount() == 0) {
            com.vaadin.flow.component.notification.Notification note = com.vaadin.flow.component.notification
                    .Notification.show("That task is no longer open or is not yours to work on.", 6000,
                            com.vaadin.flow.component.notification.Notification.Position.MIDDLE);
            note.setId("inbox-task-unavailable");
        }
    }

    private void refresh(String selectTaskId) {
        list.removeAll();
        String me = CurrentUser.get().username();
        List<InboxTask> tasks = inbox.myTasks().stream()
                .filter(t -> tabs.getSelectedTab() == allTab
                        || (tabs.getSelectedTab() == mineTab && me.equals(t.assignee()))
                        || (tabs.getSelectedTab() == groupTab && t.assignee() == null))
                .toList();
        if (tasks.isEmpty()) {
            Paragraph empty = new Paragraph("Nothing to do here.");
            empty.setId("inbox-empty");
            list.add(empty);
        }
        Map<UUID, RequisitionView> subjects = requisitions.getAll(tasks.stream()
                .filter(t -> ProcessKeys.PURCHASE_REQUISITION.equals(t.processKey()))
                .map(t -> UUID.fromString(t.businessKey())).toList());
        for (InboxTask t : tasks) {
            Div card = card(t, ProcessKeys.PURCHASE_REQUISITION.equals(t.processKey())
                    ? subjects.get(UUID.fromString(t.businessKey())) : null);
            if (ProcessKeys.CYCLE_COUNT.equals(t.processKey())) {
                count(t).ifPresent(c -> card.addComponentAtIndex(1, countSubject(c)));
            }
            if (ProcessKeys.PURCHASE_ORDER.equals(t.processKey())) {
                order(t).ifPresent(o -> card.addComponentAtIndex(1, orderSubject(o)));
            }
            list.add(card);
        }
        detail.removeAll();
        tasks.stream().filter(t -> t.id().equals(selectTaskId)).findFirst().ifPresent(this::open);
    }

    private Div card(InboxTask t, RequisitionView r) {
        Div card = new Div();
        card.addClassName("task-card");
        card.getElement().setAttribute("data-task-id", t.id());
        card.getElement().setAttribute("data-business-key", t.businessKey());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-s)").set("cursor", "pointer");
        Span name = new Span(t.name());
        name.getStyle().set("font-weight", "600").set("display", "block");
        card.add(name);
        if (r != null) {
            Span what = new Span(r.number() + " · " + r.itemDescription() + " · "
                    + RequisitionPanel.money(r.totalAmount(), r.currency()) + " · by " + r.requester());
            what.addClassName("task-subject");
            what.getStyle().set("display", "block");
            card.add(what);
        }
        Span dates = new Span("Created " + WHEN.format(t.created())
                + (t.due() == null ? "" : " · due " + WHEN.format(t.due()))
                + (t.assignee() == null ? "" : " · claimed by " + t.assignee()));
        dates.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        card.add(dates);
        if (t.overdue()) {
            Span overdue = new Span("OVERDUE");
            overdue.addClassName("overdue");
            overdue.getStyle().set("color", "var(--lumo-error-color)").set("font-weight", "700")
                    .set("margin-left", "var(--lumo-space-s)");
            card.add(overdue);
        }
        card.addClickListener(e -> open(t));
        return card;
    }

    private java.util.Optional<CycleCountView> count(InboxTask t) {
        try {
            return java.util.Optional.of(counts.get(UUID.fromString(t.businessKey())));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private java.util.Optional<PurchaseOrderView> order(InboxTask t) {
        try {
            return java.util.Optional.of(orderQueries.get(UUID.fromString(t.businessKey())));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static Span orderSubject(PurchaseOrderView o) {
        Span what = new Span(o.number() + " · " + (o.supplierName() == null ? "no supplier" : o.supplierName()) + " · "
                + o.status());
        what.addClassName("task-subject");
        what.getStyle().set("display", "block");
        return what;
    }

    private static Span countSubject(CycleCountView c) {
        long over = c.lines().stream().filter(l -> "NEEDS_APPROVAL".equals(l.outcome())).count();
        Span what = new Span(c.number() + " · " + over + (over == 1 ? " line" : " lines") + " over tolerance · counted by "
                + c.countedBy());
        what.addClassName("task-subject");
        what.getStyle().set("display", "block");
        return what;
    }

    private void open(InboxTask t) {
        detail.removeAll();
        InboxTask task;
        try {
            task = inbox.get(t.id());
        } catch (RuntimeException e) {
            Problems.show(e);
            refresh(null);
            return;
        }
        H4 title = new H4(task.name());
        title.setId("task-title");
        detail.add(title);
        if (ProcessKeys.PURCHASE_REQUISITION.equals(task.processKey())) {
            RequisitionView r = requisitions.get(UUID.fromString(task.businessKey()));
            Span number = new Span(r.number());
            number.setId("task-requisition-number");
            detail.add(number, RequisitionPanel.of(r));
        } else if (ProcessKeys.PURCHASE_ORDER_CHANGE.equals(task.processKey())) {
            PurchaseOrderCommands.ChangeView c = orders.getChange(UUID.fromString(task.businessKey()));
            Span number = new Span(c.purchaseOrderNumber());
            number.setId("task-order-number");
            detail.add(number, new Div(new Span("Total " + RequisitionPanel.money(c.oldTotal(), c.currency()) + " → "
                    + RequisitionPanel.money(c.newTotal(), c.currency())
                    + (c.currency().equals("EUR") ? "" : " (" + RequisitionPanel.money(c.newTotalEur(), "EUR") + ")")
                    + " · asked by " + c.requestedBy() + (c.reason() == null ? "" : " · " + c.reason()))));
        } else if (ProcessKeys.CYCLE_COUNT.equals(task.processKey())) {
            CycleCountView c = counts.get(UUID.fromString(task.businessKey()));
            Span number = new Span(c.number());
            number.setId("task-count-number");
            detail.add(number, CountLinesPanel.of(c));
        } else if (ProcessKeys.PURCHASE_ORDER.equals(task.processKey())) {
            PurchaseOrderView o = orderQueries.get(UUID.fromString(task.businessKey()));
            detail.add(PurchaseOrderTaskPanel.of(task, o, receipts, masterData, orders, suppliers, () -> refresh(null)));
        } else if (ProcessKeys.STOCK_REPLENISHMENT.equals(task.processKey())) {
            detail.add(ProposalsPanel.of(replenishmentRuns, UUID.fromString(task.businessKey())));
        } else if (ProcessKeys.TIMESHEET_APPROVAL.equals(task.processKey())) {
            detail.add(io.millflow.ui.projects.TimesheetTaskPanel.of(task.businessKey()));
        } else if (io.millflow.ui.projects.ProjectTaskSubjects.handles(task.processKey())) {
            detail.add(io.millflow.ui.projects.ProjectTaskSubjects.of(task));
        }
        detail.add(new Span("For " + String.join(", ", task.candidateGroups())
                + (task.assignee() == null ? " · not claimed" : " · claimed by " + task.assignee())
                + (task.overdue() ? " · OVERDUE" : "")));

        TextArea comment = new TextArea("Comment (required to reject)");
        comment.setId("decision-comment");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        Button claim = new Button(task.assignee() == null ? "Claim" : "Unclaim", e -> {
            try {
                InboxTask changed = task.assignee() == null ? inbox.claim(task.id()) : inbox.unclaim(task.id());
                refresh(changed.id());
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        claim.setId("claim-task");
        Button approve = new Button("Approve", e -> decide(task, true, comment.getValue()));
        approve.setId("approve-task");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> decide(task, false, comment.getValue()));
        reject.setId("reject-task");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(claim, approve, reject);
        actions.getStyle().set("flex-wrap", "wrap");
        java.util.Optional<TaskForm> form = java.util.Optional.empty();
        try {
            form = taskForms.formOf(task.id());
        } catch (RuntimeException e) {
            detail.add(new Paragraph("The task's form cannot be shown: " + Problems.message(e)));
        }
        if (form.isPresent()) {
            // a task with a form is completed by submitting the form, which the server checks
            comment.setVisible(false);
            approve.setVisible(false);
            reject.setVisible(false);
            FormViewer viewer = new FormViewer();
            viewer.setId("task-form");
            viewer.setWidthFull();
            viewer.setSchema(form.get().schemaJson());
            viewer.setData(form.get().data());
            viewer.addSubmitListener(e -> submitForm(task, viewer, e.data()));
            viewer.addInvalidListener(e -> {
                Notification n = Notification.show("Please correct the marked fields", 4000,
                        Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
            Button submit = new Button("Submit", e -> viewer.submit());
            submit.setId("submit-form");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.addComponentAtIndex(0, submit);
            detail.add(viewer);
        }
        if (ProcessKeys.PURCHASE_ORDER.equals(task.processKey()) && PurchaseOrderTaskPanel.hasOwnForm(task)) {
            // receiving and put-away are completed by posting them in the panel above
            comment.setVisible(false);
            approve.setVisible(false);
            reject.setVisible(false);
        }
        detail.add(comment, actions);

        try {
            ProcessDiagram diagram = inbox.diagram(task.id());
            BpmnViewer viewer = new BpmnViewer();
            viewer.setId("process-diagram");
            viewer.setWidthFull();
            viewer.setHeight("360px");
            viewer.show(diagram.bpmnXml(), diagram.activeActivityIds());
            detail.add(viewer);
        } catch (RuntimeException e) {
            detail.add(new Paragraph("The process diagram cannot be shown: " + Problems.message(e)));
        }
    }

    private void submitForm(InboxTask task, FormViewer viewer, Map<String, Object> data) {
        try {
            taskForms.submit(task.id(), data);
            Notification n = Notification.show("Submitted", 3000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh(null);
        } catch (InvalidFormException e) {
            viewer.showErrors(e.byField());
            Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            n.setId("form-errors");
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void decide(InboxTask task, boolean approved, String comment) {
        try {
            inbox.complete(task.id(), new TaskDecision(approved, comment));
            Notification n = Notification.show(approved ? "Approved" : "Rejected", 3000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh(null);
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }
}
