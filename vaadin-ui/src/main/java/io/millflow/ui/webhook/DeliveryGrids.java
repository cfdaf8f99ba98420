package io.millflow.ui.webhook;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.millflow.webhook.WebhookViews.DeliveryView;

/** The columns of a delivery list, shared by the log and the dead-letter list. */
final class DeliveryGrids {

    private DeliveryGrids() {
    }

    static void configure(Grid<DeliveryView> grid, boolean withSubscription) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(d -> DeliveryDialog.time(d.createdAt())).setHeader("Event at").setAutoWidth(true);
        if (withSubscription) {
            grid.addColumn(DeliveryView::subscriptionName).setHeader("Subscription").setAutoWidth(true);
        }
        grid.addColumn(DeliveryView::eventType).setHeader("Event").setAutoWidth(true);
        grid.addColumn(DeliveryView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(DeliveryView::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(d -> d.lastStatusCode() == null ? "—" : d.lastStatusCode().toString()).setHeader("Answer")
                .setAutoWidth(true);
        grid.addColumn(d -> d.lastDurationMs() == null ? "" : d.lastDurationMs() + " ms").setHeader("Took")
                .setAutoWidth(true);
        grid.addColumn(d -> DeliveryDialog.time(d.lastAttemptAt())).setHeader("Last try").setAutoWidth(true);
        grid.addColumn(d -> d.lastError() == null ? "" : d.lastError()).setHeader("Error").setFlexGrow(1);
        grid.setHeight("320px");
    }
}
