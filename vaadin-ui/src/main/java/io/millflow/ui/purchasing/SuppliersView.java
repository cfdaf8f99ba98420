package io.millflow.ui.purchasing;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.procurement.SupplierViews.SupplierView;
import io.millflow.procurement.Suppliers;
import io.millflow.shared.PageView;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Sort;

/** The suppliers: search, open one, create one. Roles: BUYER, ADMIN. */
@Route(value = "suppliers", layout = MainLayout.class)
@PageTitle("Suppliers · Millflow")
@RolesAllowed({"BUYER", "ADMIN"})
public class SuppliersView extends VerticalLayout {

    private final Suppliers suppliers;
    private final TextField search = new TextField();
    private final Checkbox blockedOnly = new Checkbox("Blocked only");
    private final Grid<SupplierView> grid = new Grid<>(SupplierView.class, false);

    public SuppliersView(Suppliers suppliers) {
        this.suppliers = suppliers;
        search.setPlaceholder("Code or name");
        search.setId("supplier-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        blockedOnly.addValueChangeListener(e -> refresh());
        Button create = new Button("New supplier", VaadinIcon.PLUS.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(SupplierDetailView.class, "new")));
        create.setId("new-supplier");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(search, blockedOnly, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("suppliers");
        grid.addColumn(SupplierView::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(SupplierView::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(SupplierView::currency).setHeader("Currency").setAutoWidth(true);
        grid.addColumn(SupplierView::paymentTerms).setHeader("Terms").setAutoWidth(true);
        grid.addColumn(s -> s.rating() == null ? "" : s.rating().toPlainString()).setHeader("Rating").setAutoWidth(true);
        grid.addColumn(s -> s.blocked() ? "Blocked" : "").setHeader("Blocked").setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(SupplierDetailView.class,
                e.getItem().id().toString())));
        setSizeFull();
        add(new H3("Suppliers"), bar, new ExportMenu<>(grid, "suppliers")
                .column("Code", SupplierView::code).column("Name", SupplierView::name)
                .column("Currency", SupplierView::currency).column("Terms", SupplierView::paymentTerms)
                .column("Rating", SupplierView::rating).column("Blocked", SupplierView::blocked)
                .column("E-mail", SupplierView::email).column("Phone", SupplierView::phone), grid);
        refresh();
    }

    private void refresh() {
        PageView<SupplierView> page = suppliers.list(search.getValue(), blockedOnly.getValue() ? Boolean.TRUE : null,
                PageView.request(0, PageView.MAX_SIZE, Sort.by("code")));
        grid.setItems(page.items());
    }
}
