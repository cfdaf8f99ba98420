package io.millflow.ui.webhook;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSingleSelectionModel;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.webhook.DeliveryStatus;
import io.millflow.webhook.WebhookViews;
import io.millflow.webhook.WebhookViews.DeliveryView;
import io.millflow.webhook.WebhookViews.PingResult;
import io.millflow.webhook.WebhookViews.SubscriptionView;
import io.millflow.webhook.Webhooks;
import jakarta.annotation.security.RolesAllowed;

/**
 * Webhook subscriptions: list, create and change (the secret is shown once), rotate the secret, send a test ping,
 * remove; and the delivery log of the one selected. Roles: ADMIN.
 */
@Route(value = "admin/webhooks", layout = MainLayout.class)
@PageTitle("Webhooks · Millflow")
@RolesAllowed("ADMIN")
public class WebhooksView extends VerticalLayout {

    private final Webhooks webhooks;
    private final Grid<SubscriptionView> grid = new Grid<>(SubscriptionView.class, false);
    private final Grid<DeliveryView> log = new Grid<>(DeliveryView.class, false);
    private final Select<String> status = new Select<>();
    private final H4 logTitle = new H4("Delivery log");
    private final Button edit = new Button("Change");
    private final Button rotate = new Button("Rotate secret");
    private final Button ping = new Button("Send test ping");
    private final Button remove = new Button("Remove");
    private SubscriptionView selected;

    public WebhooksView(Webhooks webhooks) {
        this.webhooks = webhooks;
        grid.setId("webhook-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(SubscriptionView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(SubscriptionView::url).setHeader("Target URL").setFlexGrow(1);
        grid.addColumn(s -> s.eventTypes().contains(WebhookViews.ALL_EVENTS) ? "all"
                : String.join(", ", s.eventTypes())).setHeader("Events").setFlexGrow(1);
        grid.addColumn(s -> s.capabilities().isEmpty() ? "any" : String.join(", ", s.capabilities()))
                .setHeader("From").setAutoWidth(true);
        grid.addColumn(s -> s.active() ? "active" : "off" + (s.deactivatedReason() == null ? ""
                : " (" + s.deactivatedReason() + ")")).setHeader("State").setAutoWidth(true);
        grid.addColumn(SubscriptionView::pending).setHeader("Waiting").setAutoWidth(true);
        grid.addColumn(SubscriptionView::dead).setHeader("Dead").setAutoWidth(true);
        grid.addColumn(s -> "…" + s.secretHint()).setHeader("Secret").setAutoWidth(true);
        grid.setHeight("300px");
        grid.addSelectionListener(e -> select(e.getFirstSelectedItem().orElse(null)));
        ((GridSingleSelectionModel<SubscriptionView>) grid.getSelectionModel()).setDeselectAllowed(false);

        Button create = new Button("New subscription", e -> new SubscriptionDialog(webhooks, null, this::saved).open());
        create.setId("webhook-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.setId("webhook-edit");
        edit.addClickListener(e -> new SubscriptionDialog(webhooks, selected, this::saved).open());
        rotate.setId("webhook-rotate");
        rotate.addClickListener(e -> confirmRotate());
        ping.setId("webhook-ping");
        ping.addClickListener(e -> ping());
        remove.setId("webhook-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        remove.addClickListener(e -> confirmRemove());
        Button reload = new Button("Refresh", e -> refresh());
        reload.setId("webhook-refresh");
        RouterLink dead = new RouterLink("Dead letters", WebhookDeadLettersView.class);
        dead.setId("webhook-dead-letters-link");

        status.setLabel("Status");
        status.setId("webhook-log-status");
        status.setItems("", DeliveryStatus.PENDING.name(), DeliveryStatus.FAILED_RETRYING.name(),
                DeliveryStatus.SUCCEEDED.name(), DeliveryStatus.DEAD.name());
        status.setItemLabelGenerator(s -> s.isEmpty() ? "any" : s);
        status.setValue("");
        status.addValueChangeListener(e -> refreshLog());
        DeliveryGrids.configure(log, false);
        log.setId("webhook-log");
        log.addItemClickListener(e -> new DeliveryDialog(webhooks, e.getItem().id(), this::refresh).open());

        add(new H3("Webhooks"), new HorizontalLayout(create, edit, rotate, ping, remove, reload, dead), grid,
                new HorizontalLayout(logTitle, status), log);
        setSizeFull();
        refresh();
        select(null);
    }

    private void saved(SubscriptionView view) {
        refresh();
        grid.select(grid.getListDataView().getItems().filter(s -> s.id().equals(view.id())).findFirst().orElse(null));
    }

    private void refresh() {
        SubscriptionView keep = selected;
        grid.setItems(webhooks.list());
        if (keep != null) {
            grid.getListDataView().getItems().filter(s -> s.id().equals(keep.id())).findFirst()
                    .ifPresentOrElse(grid::select, () -> select(null));
        }
        refreshLog();
    }

    private void select(SubscriptionView s) {
        selected = s;
        edit.setEnabled(s != null);
        rotate.setEnabled(s != null);
        ping.setEnabled(s != null);
        remove.setEnabled(s != null);
        logTitle.setText(s == null ? "Delivery log (choose a subscription)" : "Delivery log of " + s.name());
        refreshLog();
    }

    private void refreshLog() {
        if (selected == null) {
            log.setItems();
            return;
        }
        DeliveryStatus filter = status.getValue() == null || status.getValue().isEmpty() ? null
                : DeliveryStatus.valueOf(status.getValue());
        log.setItems(webhooks.deliveries(selected.id(), filter, 0, 200).items());
    }

    private void confirmRotate() {
        ConfirmDialog confirm = new ConfirmDialog("Rotate the secret of " + selected.name() + "?",
                "Calls from now on are signed with a new secret; the receiver needs it at once.", "Rotate", e -> {
                    try {
                        new SubscriptionDialog.SecretDialog(webhooks.rotateSecret(selected.id())).open();
                        refresh();
                    } catch (RuntimeException ex) {
                        Problems.show(ex);
                    }
                });
        confirm.setCancelable(true);
        confirm.open();
    }

    private void confirmRemove() {
        ConfirmDialog confirm = new ConfirmDialog("Remove " + selected.name() + "?",
                "The subscription and its delivery log are deleted; nothing more is sent to it.", "Remove", e -> {
                    try {
                        webhooks.delete(selected.id());
                        select(null);
                        refresh();
                    } catch (RuntimeException ex) {
                        Problems.show(ex);
                    }
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void ping() {
        try {
            PingResult r = webhooks.ping(selected.id());
            Notification n = Notification.show(r.succeeded() ? "The receiver answered " + r.statusCode() + " in "
                    + r.durationMs() + " ms." : "The ping failed: " + (r.error() == null ? "" : r.error()), 6000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(r.succeeded() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
            n.setId("webhook-ping-result");
        } catch (RuntimeException ex) {
            Problems.show(ex);
        }
    }
}
