package io.millflow.ui.purchasing;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.millflow.integration.shipment.ShipmentView;
import io.millflow.integration.shipment.Shipments;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeView;
import io.millflow.procurement.PurchaseOrderQueries;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.ui.components.BpmnViewer;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/**
 * One purchase order: lines with confirmations, reminders, shipping notices, receipts, invoices with payment status,
 * three-way match results and the process diagram with the current step. Roles: BUYER, MANAGER, FINANCE, WAREHOUSE,
 * ADMIN.
 */
@Route(value = "purchase-order", layout = MainLayout.class)
@PageTitle("Purchase order · Millflow")
@RolesAllowed({"BUYER", "MANAGER", "FINANCE", "WAREHOUSE", "ADMIN"})
public class PurchaseOrderDetailView extends VerticalLayout implements HasUrlParameter<String> {

    private final PurchaseOrderQueries orders;
    private final Shipments shipments;

    public PurchaseOrderDetailView(PurchaseOrderQueries orders, Shipments shipments) {
        this.orders = orders;
        this.shipments = shipments;
        setMaxWidth("1100px");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        removeAll();
        PurchaseOrderView po;
        try {
            po = orders.get(UUID.fromString(id));
        } catch (RuntimeException e) {
            add(new Paragraph(Problems.message(e)));
            return;
        }
        add(new H3("Purchase order " + po.number()), OrderPanel.of(po), OrderPanel.history(po, true));
        addTracking(po);
        orders.diagram(po.id()).ifPresent(d -> {
            BpmnViewer viewer = new BpmnViewer();
            viewer.setId("po-process-diagram");
            viewer.setWidthFull();
            viewer.setHeight("420px");
            viewer.show(d.bpmnXml(), d.activeActivityIds());
            add(viewer);
        });
    }

    /** Carrier tracking of the shipping notices that named an offered carrier and a tracking number. */
    private void addTracking(PurchaseOrderView po) {
        Div tracking = new Div();
        tracking.setId("po-tracking");
        for (ShippingNoticeView n : po.shippingNotices()) {
            for (ShipmentView s : shipments.forReference("ASN", n.id())) {
                Div row = OrderPanel.row("po-tracking-row");
                row.getElement().setAttribute("data-status", s.status().name());
                row.add(new Span(n.number() + " · " + s.carrier() + " " + s.trackingNumber() + " · " + s.status()
                        + (s.statusText() == null ? "" : " — " + s.statusText())
                        + (s.estimatedDelivery() == null ? "" : " · expected " + OrderPanel.WHEN.format(s.estimatedDelivery()))
                        + (s.lastTrackedAt() == null ? "" : " · tracked " + OrderPanel.WHEN.format(s.lastTrackedAt()))));
                tracking.add(row);
            }
        }
        if (tracking.getComponentCount() > 0) {
            add(new H3("Carrier tracking"), tracking);
        }
    }
}
