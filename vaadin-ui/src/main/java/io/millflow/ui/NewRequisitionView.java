package io.millflow.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.procurement.NewRequisition;
import io.millflow.procurement.NewRequisitionLine;
import io.millflow.procurement.SupplierCatalogue;
import io.millflow.procurement.SupplierViews.PriceQuote;
import io.millflow.procurement.SupplierViews.SupplierItemView;
import io.millflow.shared.PageView;
import io.millflow.procurement.PurchaseRequisitions;
import io.millflow.procurement.RequisitionView;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import org.springframework.data.domain.Sort;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ask to buy something: the description / quantity / price fields make one free-text line; lines can be added —
 * catalogue lines (an item and its supplier, with the supplier's price for the quantity on the needed-by day)
 * and more free-text lines. Roles: every internal role (not SUPPLIER).
 */
@Route(value = "requisitions/new", layout = MainLayout.class)
@PageTitle("New requisition · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class NewRequisitionView extends VerticalLayout {

    private final PurchaseRequisitions requisitions;
    private final TextField itemDescription = new TextField("Item description");
    private final BigDecimalField quantity = new BigDecimalField("Quantity");
    private final BigDecimalField unitPrice = new BigDecimalField("Unit price");
    private final ComboBox<String> currency = new ComboBox<>("Currency");
    private final DatePicker neededBy = new DatePicker("Needed by");
    private final TextArea justification = new TextArea("Justification");
    private final TextField costCentre = new TextField("Cost centre");
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final SupplierCatalogue catalogue;
    private final List<Row> lines = new ArrayList<>();
    private final Grid<Row> lineGrid = new Grid<>(Row.class, false);
    private final ComboBox<ItemView> catalogueItem = new ComboBox<>("Catalogue item");
    private final ComboBox<SupplierItemView> catalogueSupplier = new ComboBox<>("Supplier");
    private final BigDecimalField catalogueQuantity = new BigDecimalField("Quantity");
    private final Span cataloguePrice = new Span();

    /** A line as shown in the form, with the command it submits. */
    record Row(NewRequisitionLine line, String description, String supplier, String quantity, String price) {
    }

    public NewRequisitionView(PurchaseRequisitions requisitions, ExchangeRates rates, SupplierCatalogue catalogue,
            MasterData masterData) {
        this.requisitions = requisitions;
        this.catalogue = catalogue;
        setMaxWidth("900px");
        itemDescription.setId("item-description");
        itemDescription.setMaxLength(500);
        quantity.setId("quantity");
        unitPrice.setId("unit-price");
        currency.setId("currency");
        currency.setItems(rates.currencies());
        currency.setValue("EUR");
        neededBy.setId("needed-by");
        neededBy.setMin(LocalDate.now());
        neededBy.setValue(LocalDate.now().plusWeeks(2));
        justification.setId("justification");
        justification.setMaxLength(2000);
        costCentre.setId("cost-centre");
        costCentre.setHelperText("e.g. CC-1000");
        fields.put("itemDescription", itemDescription);
        fields.put("quantity", quantity);
        fields.put("unitPrice", unitPrice);
        fields.put("currency", currency);
        fields.put("neededBy", neededBy);
        fields.put("justification", justification);
        fields.put("costCentre", costCentre);

        FormLayout form = new FormLayout(itemDescription, quantity, unitPrice, currency, neededBy, costCentre,
                justification);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        form.setColspan(itemDescription, 2);
        form.setColspan(justification, 2);

        Button addFreeText = new Button("Add as a line", e -> addFreeText());
        addFreeText.setId("add-free-text-line");
        addFreeText.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        catalogueItem.setId("catalogue-item");
        catalogueItem.setItemLabelGenerator(i -> i.sku() + " · " + i.name());
        try {
            catalogueItem.setItems(masterData.items(null, null, null, true,
                    PageView.request(0, PageView.MAX_SIZE, Sort.by("sku"))).items());
        } catch (RuntimeException e) {
            catalogueItem.setEnabled(false);
        }
        catalogueSupplier.setId("catalogue-supplier");
        catalogueSupplier.setItemLabelGenerator(si -> si.supplierCode() + " · " + si.supplierSku() + " (" + si.orderUnit()
                + ", " + si.leadTimeDays() + " days" + (si.preferred() ? ", preferred" : "")
                + (si.supplierBlocked() ? ", BLOCKED" : "") + ")");
        catalogueItem.addValueChangeListener(e -> {
            catalogueSupplier.clear();
            catalogueSupplier.setItems(e.getValue() == null ? List.of()
                    : catalogue.ofItem(e.getValue().id()).stream().filter(SupplierItemView::active).toList());
            catalogueSupplier.getListDataView().getItems().filter(SupplierItemView::preferred).findFirst()
                    .ifPresent(catalogueSupplier::setValue);
        });
        catalogueQuantity.setId("catalogue-quantity");
        cataloguePrice.setId("catalogue-price");
        catalogueSupplier.addValueChangeListener(e -> quote());
        catalogueQuantity.addValueChangeListener(e -> quote());
        neededBy.addValueChangeListener(e -> quote());
        Button addCatalogue = new Button("Add catalogue line", e -> addCatalogue());
        addCatalogue.setId("add-catalogue-line");
        FormLayout catalogueForm = new FormLayout(catalogueItem, catalogueSupplier, catalogueQuantity, cataloguePrice,
                addCatalogue);
        catalogueForm.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("600px", 3));

        lineGrid.setId("requisition-lines");
        lineGrid.addColumn(Row::description).setHeader("Line").setFlexGrow(3);
        lineGrid.addColumn(Row::supplier).setHeader("Supplier").setAutoWidth(true);
        lineGrid.addColumn(Row::quantity).setHeader("Quantity").setAutoWidth(true);
        lineGrid.addColumn(Row::price).setHeader("Price").setAutoWidth(true);
        lineGrid.addComponentColumn(r -> {
            Button remove = new Button("Remove", e -> {
                lines.remove(r);
                lineGrid.setItems(lines);
                lineGrid.setVisible(!lines.isEmpty());
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            return remove;
        }).setAutoWidth(true);
        lineGrid.setAllRowsVisible(true);
        lineGrid.setVisible(false);

        Button submit = new Button("Submit for approval", e -> submit());
        submit.setId("submit-requisition");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("New purchase requisition"), form, addFreeText, new H4("From the supplier catalogue"),
                catalogueForm, lineGrid, submit);
    }

    private void quote() {
        SupplierItemView si = catalogueSupplier.getValue();
        BigDecimal q = catalogueQuantity.getValue();
        if (si == null || q == null || q.signum() <= 0) {
            cataloguePrice.setText("");
            return;
        }
        try {
            PriceQuote quote = catalogue.price(si.id(), q, neededBy.getValue());
            cataloguePrice.setText(quote.unitPrice().stripTrailingZeros().toPlainString() + " " + quote.currency()
                    + " / " + quote.unit() + " = " + quote.amount().toPlainString() + " " + quote.currency());
        } catch (RuntimeException e) {
            cataloguePrice.setText(Problems.message(e));
        }
    }

    private void addCatalogue() {
        ItemView item = catalogueItem.getValue();
        SupplierItemView si = catalogueSupplier.getValue();
        BigDecimal q = catalogueQuantity.getValue();
        if (item == null || si == null || q == null) {
            Notification.show("Choose an item, its supplier and a quantity", 4000, Notification.Position.MIDDLE);
            return;
        }
        lines.add(new Row(new NewRequisitionLine(item.id(), si.id(), si.supplierId(), null, q, null, null, null, null),
                item.sku() + " · " + item.name(), si.supplierCode(), q.stripTrailingZeros().toPlainString() + " "
                        + si.orderUnit(), cataloguePrice.getText()));
        lineGrid.setItems(lines);
        lineGrid.setVisible(true);
        catalogueItem.clear();
        catalogueQuantity.clear();
    }

    private void addFreeText() {
        if (itemDescription.isEmpty() || quantity.getValue() == null || unitPrice.getValue() == null) {
            Notification.show("Fill in description, quantity and unit price first", 4000, Notification.Position.MIDDLE);
            return;
        }
        lines.add(freeTextRow());
        lineGrid.setItems(lines);
        lineGrid.setVisible(true);
        itemDescription.clear();
        quantity.clear();
        unitPrice.clear();
    }

    private Row freeTextRow() {
        NewRequisitionLine line = NewRequisitionLine.freeText(itemDescription.getValue(), quantity.getValue(), null,
                unitPrice.getValue(), currency.getValue(), null);
        return new Row(line, line.description(), "", line.quantity().stripTrailingZeros().toPlainString(),
                line.unitPrice().toPlainString() + " " + line.currency());
    }

    private void submit() {
        fields.values().forEach(f -> f.setInvalid(false));
        String cc = costCentre.getValue() == null ? null : costCentre.getValue().trim().toUpperCase();
        NewRequisition cmd;
        if (lines.isEmpty()) {
            cmd = new NewRequisition(itemDescription.getValue(), quantity.getValue(), unitPrice.getValue(),
                    currency.getValue(), neededBy.getValue(), justification.getValue(), cc);
        } else {
            List<NewRequisitionLine> all = new ArrayList<>(lines.stream().map(Row::line).toList());
            if (!itemDescription.isEmpty() && quantity.getValue() != null && unitPrice.getValue() != null) {
                all.add(freeTextRow().line());
            }
            cmd = new NewRequisition(null, null, null, null, neededBy.getValue(), justification.getValue(), cc, null,
                    all);
        }
        try {
            RequisitionView created = requisitions.submit(cmd);
            Notification n = Notification.show("Requisition " + created.number() + " submitted: "
                    + String.join(" → ", created.approvalLevels()), 5000, Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(MyRequisitionsView.class, created.id().toString()));
        } catch (ConstraintViolationException e) {
            e.getConstraintViolations().forEach(v -> markInvalid(Problems.lastSegment(v.getPropertyPath().toString()),
                    v.getMessage()));
            Problems.show(e);
        } catch (ProblemException e) {
            if (e.field() != null) {
                markInvalid(e.field(), e.getMessage());
            }
            Problems.show(e);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            Problems.show(e);
        }
    }

    private void markInvalid(String field, String message) {
        HasValidation f = fields.get(field);
        if (f != null) {
            f.setErrorMessage(message);
            f.setInvalid(true);
        }
    }
}
