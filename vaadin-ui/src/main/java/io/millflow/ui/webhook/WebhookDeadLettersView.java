package io.millflow.ui.webhook;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.webhook.WebhookViews.DeliveryView;
import io.millflow.webhook.Webhooks;
import jakarta.annotation.security.RolesAllowed;

/** Deliveries whose last try failed (or that a 410 ended), with Send again. Roles: ADMIN. */
@Route(value = "admin/webhooks/dead-letters", layout = MainLayout.class)
@PageTitle("Webhook dead letters · Millflow")
@RolesAllowed("ADMIN")
public class WebhookDeadLettersView extends VerticalLayout {

    private final Webhooks webhooks;
    private final Grid<DeliveryView> grid = new Grid<>(DeliveryView.class, false);

    public WebhookDeadLettersView(Webhooks webhooks) {
        this.webhooks = webhooks;
        DeliveryGrids.configure(grid, true);
        grid.setId("webhook-dead-grid");
        grid.addComponentColumn(d -> {
            Button again = new Button("Send again", e -> resend(d));
            again.setId("webhook-dead-resend-" + d.id());
            return again;
        }).setHeader("").setAutoWidth(true);
        grid.addItemDoubleClickListener(e -> new DeliveryDialog(webhooks, e.getItem().id(), this::refresh).open());
        add(new H3("Webhook dead letters"), new Paragraph("Double-click a row for its body and every attempt."),
                new RouterLink("Back to webhooks", WebhooksView.class), grid);
        setSizeFull();
        refresh();
    }

    private void resend(DeliveryView d) {
        try {
            webhooks.resend(d.id());
            Notification.show("Queued again: it goes out with the next poll.", 4000, Notification.Position.BOTTOM_START);
            refresh();
        } catch (RuntimeException ex) {
            Problems.show(ex);
        }
    }

    private void refresh() {
        grid.setItems(webhooks.deadLetters(0, 500).items());
    }
}
