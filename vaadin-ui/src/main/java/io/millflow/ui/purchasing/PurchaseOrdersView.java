package io.millflow.ui.purchasing;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderSummary;
import io.millflow.procurement.PurchaseOrderQueries;
import io.millflow.procurement.PurchaseOrderStatus;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * Purchase orders, newest first, filtered by status and number or supplier; a row opens the order.
 * Roles: BUYER, MANAGER, FINANCE, WAREHOUSE, ADMIN (suppliers use the portal).
 */
@Route(value = "purchase-orders", layout = MainLayout.class)
@PageTitle("Purchase orders · Millflow")
@RolesAllowed({"BUYER", "MANAGER", "FINANCE", "WAREHOUSE", "ADMIN"})
public class PurchaseOrdersView extends VerticalLayout {

    private final PurchaseOrderQueries orders;
    private final Select<String> status = new Select<>();
    private final TextField text = new TextField();
    private final Div list = new Div();

    public PurchaseOrdersView(PurchaseOrderQueries orders) {
        this.orders = orders;
        setMaxWidth("1000px");
        List<String> statuses = new ArrayList<>(List.of("ALL"));
        for (PurchaseOrderStatus s : PurchaseOrderStatus.values()) {
            statuses.add(s.name());
        }
        status.setId("po-filter-status");
        status.setLabel("Status");
        status.setItems(statuses);
        status.setValue("ALL");
        status.addValueChangeListener(e -> refresh());
        text.setId("po-filter-text");
        text.setLabel("Number or supplier");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refresh());
        list.setId("po-list");
        list.setWidthFull();
        HorizontalLayout filters = new HorizontalLayout(status, text);
        filters.getStyle().set("flex-wrap", "wrap");
        add(new H3("Purchase orders"), filters, new ExportMenu<PurchaseOrderSummary>("purchase-orders",
                (page, size) -> orders.list("ALL".equals(status.getValue()) ? null : status.getValue(), null,
                        text.getValue(), page, size).items())
                .column("Number", PurchaseOrderSummary::number).column("Status", PurchaseOrderSummary::status)
                .column("Supplier", PurchaseOrderSummary::supplierCode)
                .column("Supplier name", PurchaseOrderSummary::supplierName)
                .column("Total", PurchaseOrderSummary::totalAmount).column("Currency", PurchaseOrderSummary::currency)
                .column("Created", PurchaseOrderSummary::createdAt), list);
        refresh();
    }

    private void refresh() {
        list.removeAll();
        var page = orders.list("ALL".equals(status.getValue()) ? null : status.getValue(), null, text.getValue(), 0, 100);
        if (page.items().isEmpty()) {
            list.add(new Paragraph("No purchase orders."));
        }
        for (PurchaseOrderSummary o : page.items()) {
            Div row = OrderPanel.row("po-row");
            row.setId("po-row-" + o.number());
            row.getStyle().set("cursor", "pointer");
            Span number = new Span(o.number());
            number.getStyle().set("font-weight", "600");
            row.add(number, OrderPanel.badge(o.status()),
                    new Span(o.supplierName() == null ? "no supplier" : o.supplierCode() + " " + o.supplierName()),
                    new Span(OrderPanel.money(o.totalAmount(), o.currency())),
                    new Span(OrderPanel.WHEN.format(o.createdAt())));
            row.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(PurchaseOrderDetailView.class, o.id().toString())));
            list.add(row);
        }
    }
}
