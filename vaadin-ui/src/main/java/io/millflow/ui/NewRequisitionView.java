package io.millflow.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.procurement.NewRequisition;
import io.millflow.procurement.PurchaseRequisitions;
import io.millflow.procurement.RequisitionView;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ask to buy something. Roles: every internal role (not SUPPLIER). */
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

    public NewRequisitionView(PurchaseRequisitions requisitions, ExchangeRates rates) {
        this.requisitions = requisitions;
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

        Button submit = new Button("Submit for approval", e -> submit());
        submit.setId("submit-requisition");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3("New purchase requisition"), form, submit);
    }

    private void submit() {
        fields.values().forEach(f -> f.setInvalid(false));
        NewRequisition cmd = new NewRequisition(itemDescription.getValue(), quantity.getValue(), unitPrice.getValue(),
                currency.getValue(), neededBy.getValue(), justification.getValue(),
                costCentre.getValue() == null ? null : costCentre.getValue().trim().toUpperCase());
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
