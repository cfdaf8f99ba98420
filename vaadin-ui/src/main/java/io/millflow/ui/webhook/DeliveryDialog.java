package io.millflow.ui.webhook;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import io.millflow.ui.Problems;
import io.millflow.webhook.Webhooks;
import io.millflow.webhook.WebhookViews.AttemptView;
import io.millflow.webhook.WebhookViews.DeliveryDetail;
import io.millflow.webhook.WebhookViews.DeliveryView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One delivery: where it stands, its exact body, every attempt, and Send again. Roles: ADMIN (via its views). */
class DeliveryDialog extends Dialog {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    DeliveryDialog(Webhooks webhooks, UUID deliveryId, Runnable changed) {
        DeliveryDetail detail = webhooks.delivery(deliveryId);
        DeliveryView d = detail.delivery();
        setHeaderTitle("Delivery " + d.eventType());
        setId("webhook-delivery-dialog");
        setWidth("880px");
        Paragraph summary = new Paragraph(d.subscriptionName() + " · " + d.status() + " · " + d.attempts()
                + " attempt(s) in series " + d.series() + (d.lastStatusCode() == null ? "" : " · last answer "
                + d.lastStatusCode()) + (d.lastError() == null ? "" : " · " + d.lastError())
                + (d.nextAttemptAt() == null || d.status().equals("SUCCEEDED") || d.status().equals("DEAD") ? ""
                        : " · next try " + time(d.nextAttemptAt())));
        summary.setId("webhook-delivery-summary");
        Paragraph ids = new Paragraph("Millflow-Delivery " + d.id() + " · event " + d.eventId());
        Pre payload = new Pre(detail.payload());
        payload.setId("webhook-delivery-payload");
        payload.getStyle().set("white-space", "pre-wrap").set("max-height", "200px").set("overflow", "auto");
        Grid<AttemptView> attempts = new Grid<>(AttemptView.class, false);
        attempts.setId("webhook-attempt-grid");
        attempts.addThemeVariants(GridVariant.LUMO_COMPACT);
        attempts.addColumn(a -> a.series() + "." + a.attempt()).setHeader("#").setAutoWidth(true);
        attempts.addColumn(a -> time(a.startedAt())).setHeader("Started").setAutoWidth(true);
        attempts.addColumn(a -> a.durationMs() + " ms").setHeader("Took").setAutoWidth(true);
        attempts.addColumn(a -> a.statusCode() == null ? "—" : a.statusCode().toString()).setHeader("Answer")
                .setAutoWidth(true);
        attempts.addColumn(a -> a.error() == null ? "" : a.error()).setHeader("Error").setFlexGrow(1);
        attempts.addColumn(a -> a.responseExcerpt() == null ? "" : a.responseExcerpt()).setHeader("Response")
                .setFlexGrow(1);
        attempts.setItems(detail.attempts());
        attempts.setHeight("220px");
        add(summary, ids, payload, attempts);
        Button resend = new Button("Send again", e -> {
            try {
                webhooks.resend(deliveryId);
                Notification.show("Queued again: it goes out with the next poll.", 4000,
                        Notification.Position.BOTTOM_START);
                close();
                changed.run();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        resend.setId("webhook-resend");
        resend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        resend.setEnabled(d.status().equals("DEAD") || d.status().equals("SUCCEEDED"));
        getFooter().add(new Button("Close", e -> close()), resend);
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }
}
