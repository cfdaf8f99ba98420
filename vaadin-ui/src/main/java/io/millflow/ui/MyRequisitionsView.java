package io.millflow.ui;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.procurement.PurchaseRequisitions;
import io.millflow.procurement.RequisitionView;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** The caller's requisitions with their approval trail; a parameter opens one. Roles: every internal role. */
@Route(value = "requisitions", layout = MainLayout.class)
@PageTitle("My requisitions · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class MyRequisitionsView extends VerticalLayout implements HasUrlParameter<String> {

    private final PurchaseRequisitions requisitions;

    public MyRequisitionsView(PurchaseRequisitions requisitions) {
        this.requisitions = requisitions;
        setMaxWidth("900px");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String openId) {
        removeAll();
        add(new H3("My requisitions"), new ExportMenu<RequisitionView>("my-requisitions", (page, size) -> requisitions
                .mine(null, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))).getContent())
                .column("Number", RequisitionView::number).column("Status", RequisitionView::status)
                .column("Item", RequisitionView::itemDescription).column("Quantity", RequisitionView::quantity)
                .column("Unit price", RequisitionView::unitPrice).column("Currency", RequisitionView::currency)
                .column("Total", RequisitionView::totalAmount).column("Needed by", RequisitionView::neededBy)
                .column("Cost centre", RequisitionView::costCentre)
                .column("Purchase order", RequisitionView::purchaseOrderNumber));
        var page = requisitions.mine(null, PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "createdAt")));
        if (page.isEmpty()) {
            add(new Paragraph("You have not asked for anything yet."));
        }
        for (RequisitionView r : page) {
            Details details = new Details(summary(r), RequisitionPanel.of(r));
            details.setId("requisition-" + r.number());
            details.setOpened(r.id().toString().equals(openId));
            details.setWidthFull();
            add(details);
        }
    }

    private static Div summary(RequisitionView r) {
        Span number = new Span(r.number());
        number.getStyle().set("font-weight", "600");
        Span item = new Span(r.itemDescription());
        Span status = RequisitionPanel.statusBadge(r);
        Div summary = new Div(number, new Span(" · "), item, new Span(" · "),
                new Span(RequisitionPanel.money(r.totalAmount(), r.currency())), new Span(" "), status);
        summary.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        return summary;
    }
}
