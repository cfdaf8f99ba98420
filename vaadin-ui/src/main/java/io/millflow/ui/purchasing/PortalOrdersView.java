package io.millflow.ui.purchasing;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.procurement.FulfilmentViews.InvoiceView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderSummary;
import io.millflow.procurement.PurchaseOrderQueries;
import io.millflow.procurement.SupplierInvoices;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Supplier portal: the orders sent to the signed-in supplier user's supplier (an order opens its page to confirm,
 * notify shipping and invoice), and their invoices with the payment status. The services show a supplier only their
 * own supplier's orders and invoices. Roles: SUPPLIER.
 */
@Route(value = "portal", layout = MainLayout.class)
@PageTitle("Supplier portal · Millflow")
@RolesAllowed("SUPPLIER")
public class PortalOrdersView extends VerticalLayout {

    public PortalOrdersView(PurchaseOrderQueries orders, SupplierInvoices invoices) {
        setMaxWidth("1000px");
        Div list = new Div();
        list.setId("portal-orders");
        list.setWidthFull();
        var page = orders.list(null, null, null, 0, 200);
        if (page.items().isEmpty()) {
            list.add(new Paragraph("No orders for you yet."));
        }
        for (PurchaseOrderSummary o : page.items()) {
            Div row = OrderPanel.row("portal-order");
            row.setId("portal-order-" + o.number());
            row.getElement().setAttribute("data-status", o.status());
            row.getStyle().set("cursor", "pointer");
            Span number = new Span(o.number());
            number.getStyle().set("font-weight", "600");
            row.add(number, OrderPanel.badge(o.status()), new Span(OrderPanel.money(o.totalAmount(), o.currency())),
                    new Span("sent " + (o.sentAt() == null ? "" : OrderPanel.WHEN.format(o.sentAt()))));
            row.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PortalOrderView.class, o.id().toString())));
            list.add(row);
        }
        Div invoiceList = new Div();
        invoiceList.setId("portal-invoices");
        invoiceList.setWidthFull();
        var mine = invoices.list(null, null, 0, 200);
        if (mine.items().isEmpty()) {
            invoiceList.add(new Paragraph("No invoices yet."));
        }
        for (InvoiceView i : mine.items()) {
            invoiceList.add(OrderPanel.invoice(i));
        }
        add(new H3("My orders"), list, new H4("My invoices and payments"), invoiceList);
    }
}
