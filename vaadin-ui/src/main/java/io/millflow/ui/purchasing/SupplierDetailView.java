package io.millflow.ui.purchasing;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.procurement.AddressKind;
import io.millflow.procurement.SupplierCatalogue;
import io.millflow.procurement.SupplierViews.AddressCommand;
import io.millflow.procurement.SupplierViews.AddressView;
import io.millflow.procurement.SupplierViews.BlockCommand;
import io.millflow.procurement.SupplierViews.ContactCommand;
import io.millflow.procurement.SupplierViews.ContactView;
import io.millflow.procurement.SupplierViews.PriceCommand;
import io.millflow.procurement.SupplierViews.PriceView;
import io.millflow.procurement.SupplierViews.SupplierCommand;
import io.millflow.procurement.SupplierViews.SupplierItemCommand;
import io.millflow.procurement.SupplierViews.SupplierItemView;
import io.millflow.procurement.SupplierViews.SupplierView;
import io.millflow.procurement.Suppliers;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.PageView;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;

/**
 * One supplier: master data with its ordering address and first contact, block / unblock, and its catalogue
 * (supplier items with price breaks, preferred flag). {@code supplier/new} creates one. Roles: BUYER, ADMIN.
 */
@Route(value = "supplier", layout = MainLayout.class)
@PageTitle("Supplier · Millflow")
@RolesAllowed({"BUYER", "ADMIN"})
public class SupplierDetailView extends VerticalLayout implements HasUrlParameter<String> {

    private final Suppliers suppliers;
    private final SupplierCatalogue catalogue;
    private final MasterData masterData;
    private final ExchangeRates rates;

    private final H3 title = new H3();
    private final TextField code = new TextField("Code");
    private final TextField name = new TextField("Name");
    private final TextField taxId = new TextField("Tax id");
    private final ComboBox<String> currency = new ComboBox<>("Currency");
    private final TextField paymentTerms = new TextField("Payment terms");
    private final IntegerField paymentDays = new IntegerField("Payment days");
    private final BigDecimalField rating = new BigDecimalField("Rating (0-5)");
    private final TextField email = new TextField("E-mail");
    private final TextField phone = new TextField("Phone");
    private final TextArea notes = new TextArea("Notes");
    private final TextField line1 = new TextField("Ordering address");
    private final TextField postalCode = new TextField("Postal code");
    private final TextField city = new TextField("City");
    private final TextField country = new TextField("Country");
    private final TextField contactName = new TextField("Contact");
    private final TextField contactEmail = new TextField("Contact e-mail");
    private final Span blockedState = new Span();
    private final TextField blockReason = new TextField("Reason to block");
    private final Button blockToggle = new Button();
    private final VerticalLayout cataloguePart = new VerticalLayout();
    private final Grid<SupplierItemView> items = new Grid<>(SupplierItemView.class, false);
    private SupplierView current;

    public SupplierDetailView(Suppliers suppliers, SupplierCatalogue catalogue, MasterData masterData,
            ExchangeRates rates) {
        this.suppliers = suppliers;
        this.catalogue = catalogue;
        this.masterData = masterData;
        this.rates = rates;
        setMaxWidth("1100px");
        code.setId("supplier-code");
        name.setId("supplier-name");
        currency.setItems(rates.currencies());
        currency.setId("supplier-currency");
        paymentTerms.setHelperText("e.g. NET30");
        country.setHelperText("ISO code, e.g. DE");
        FormLayout form = new FormLayout(code, name, taxId, currency, paymentTerms, paymentDays, rating, email, phone,
                line1, postalCode, city, country, contactName, contactEmail, notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        form.setColspan(notes, 3);
        Button save = new Button("Save", e -> save());
        save.setId("save-supplier");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        blockToggle.setId("block-supplier");
        blockToggle.addClickListener(e -> toggleBlock());
        HorizontalLayout blocking = new HorizontalLayout(blockedState, blockReason, blockToggle);
        blocking.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(title, form, save, blocking, cataloguePart);
        buildCatalogue();
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if ("new".equals(parameter)) {
            current = null;
            title.setText("New supplier");
            code.setReadOnly(false);
            currency.setValue("EUR");
            paymentTerms.setValue("NET30");
            paymentDays.setValue(30);
            country.setValue("DE");
            blockedState.getParent().ifPresent(p -> p.setVisible(false));
            cataloguePart.setVisible(false);
            return;
        }
        try {
            show(suppliers.get(UUID.fromString(parameter)));
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void show(SupplierView s) {
        current = s;
        title.setText(s.code() + " · " + s.name());
        code.setValue(s.code());
        code.setReadOnly(true);
        name.setValue(s.name());
        taxId.setValue(nz(s.taxId()));
        currency.setValue(s.currency());
        paymentTerms.setValue(s.paymentTerms());
        paymentDays.setValue(s.paymentDays());
        rating.setValue(s.rating());
        email.setValue(nz(s.email()));
        phone.setValue(nz(s.phone()));
        notes.setValue(nz(s.notes()));
        AddressView ordering = s.addresses().stream().filter(a -> a.kind() == AddressKind.ORDERING).findFirst()
                .orElse(null);
        line1.setValue(ordering == null ? "" : ordering.line1());
        postalCode.setValue(ordering == null ? "" : ordering.postalCode());
        city.setValue(ordering == null ? "" : ordering.city());
        country.setValue(ordering == null ? "" : ordering.country());
        ContactView contact = s.contacts().isEmpty() ? null : s.contacts().get(0);
        contactName.setValue(contact == null ? "" : contact.name());
        contactEmail.setValue(contact == null ? "" : nz(contact.email()));
        blockedState.setText(s.blocked() ? "Blocked: " + nz(s.blockedReason()) : "Not blocked");
        blockReason.setVisible(!s.blocked());
        blockReason.setId("block-reason");
        blockedState.setId("blocked-state");
        blockToggle.setText(s.blocked() ? "Unblock" : "Block");
        blockedState.getParent().ifPresent(p -> p.setVisible(true));
        cataloguePart.setVisible(true);
        items.setItems(catalogue.ofSupplier(s.id()));
    }

    private void save() {
        List<AddressCommand> addresses = new ArrayList<>();
        if (!line1.isEmpty() || !city.isEmpty()) {
            addresses.add(new AddressCommand(AddressKind.ORDERING, line1.getValue(), null, postalCode.getValue(),
                    city.getValue(), null, country.getValue() == null ? null : country.getValue().trim().toUpperCase()));
        }
        if (current != null) {
            current.addresses().stream().filter(a -> a.kind() != AddressKind.ORDERING)
                    .forEach(a -> addresses.add(new AddressCommand(a.kind(), a.line1(), a.line2(), a.postalCode(),
                            a.city(), a.region(), a.country())));
        }
        List<ContactCommand> contacts = new ArrayList<>();
        if (!contactName.isEmpty()) {
            contacts.add(new ContactCommand(contactName.getValue(), null, blank(contactEmail.getValue()), null));
        }
        if (current != null) {
            current.contacts().stream().skip(1).forEach(c -> contacts.add(new ContactCommand(c.name(), c.role(),
                    c.email(), c.phone())));
        }
        SupplierCommand cmd = new SupplierCommand(code.getValue().trim().toUpperCase(), name.getValue(),
                blank(taxId.getValue()), currency.getValue(), paymentTerms.getValue().trim().toUpperCase(),
                paymentDays.getValue(), rating.getValue(), blank(email.getValue()), blank(phone.getValue()),
                blank(notes.getValue()), addresses, contacts);
        try {
            SupplierView saved = current == null ? suppliers.create(cmd) : suppliers.update(current.id(), cmd);
            success("Supplier " + saved.code() + " saved");
            if (current == null) {
                getUI().ifPresent(ui -> ui.navigate(SupplierDetailView.class, saved.id().toString()));
            } else {
                show(saved);
            }
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void toggleBlock() {
        try {
            show(current.blocked() ? suppliers.unblock(current.id())
                    : suppliers.block(current.id(), new BlockCommand(blockReason.getValue())));
            blockReason.clear();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    // ---- catalogue

    private final ComboBox<ItemView> item = new ComboBox<>("Item");
    private final TextField supplierSku = new TextField("Supplier SKU");
    private final ComboBox<String> orderUnit = new ComboBox<>("Order unit");
    private final IntegerField leadTime = new IntegerField("Lead time (days)");
    private final BigDecimalField moq = new BigDecimalField("Minimum order qty");
    private final BigDecimalField packSize = new BigDecimalField("Pack size");
    private final Checkbox preferred = new Checkbox("Preferred supplier of the item");
    private final TextField breaks = new TextField("Price breaks (min qty: price, …)");

    private void buildCatalogue() {
        items.setId("supplier-items");
        items.addColumn(SupplierItemView::supplierSku).setHeader("Supplier SKU").setAutoWidth(true);
        items.addColumn(i -> i.itemSku() + " · " + i.itemName()).setHeader("Item").setFlexGrow(2);
        items.addColumn(SupplierItemView::orderUnit).setHeader("Unit").setAutoWidth(true);
        items.addColumn(SupplierItemView::leadTimeDays).setHeader("Lead days").setAutoWidth(true);
        items.addColumn(i -> i.minimumOrderQuantity().stripTrailingZeros().toPlainString() + " / "
                + i.packSize().stripTrailingZeros().toPlainString()).setHeader("MOQ / pack").setAutoWidth(true);
        items.addColumn(i -> i.prices().stream().filter(p -> p.validTo() == null || !p.validTo().isBefore(LocalDate.now()))
                .map(SupplierDetailView::breakLabel).collect(Collectors.joining(", ")) + " " + i.currency())
                .setHeader("Price breaks").setFlexGrow(3);
        items.addColumn(i -> i.preferred() ? "Preferred" : "").setHeader("Preferred").setAutoWidth(true);
        items.addComponentColumn(i -> {
            Button b = new Button("Make preferred", e -> {
                try {
                    catalogue.prefer(i.id());
                    items.setItems(catalogue.ofSupplier(current.id()));
                } catch (RuntimeException ex) {
                    Problems.show(ex);
                }
            });
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.setEnabled(!i.preferred());
            return b;
        }).setAutoWidth(true);
        items.setAllRowsVisible(true);

        item.setId("catalogue-item");
        supplierSku.setId("supplier-sku");
        item.setItemLabelGenerator(i -> i.sku() + " · " + i.name());
        item.addValueChangeListener(e -> {
            orderUnit.clear();
            if (e.getValue() != null) {
                List<String> units = new ArrayList<>();
                units.add(e.getValue().baseUnit());
                units.addAll(e.getValue().alternativeUnits().keySet());
                orderUnit.setItems(units);
                orderUnit.setValue(e.getValue().baseUnit());
            }
        });
        leadTime.setValue(7);
        moq.setValue(BigDecimal.ONE);
        packSize.setValue(BigDecimal.ONE);
        breaks.setHelperText("e.g. 1: 12.50, 10: 11.00 (valid from today)");
        breaks.setId("price-breaks");
        Button add = new Button("Add to catalogue", e -> addItem());
        add.setId("add-supplier-item");
        FormLayout form = new FormLayout(item, supplierSku, orderUnit, leadTime, moq, packSize, breaks, preferred, add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        form.setColspan(breaks, 2);
        cataloguePart.setPadding(false);
        cataloguePart.add(new H4("Catalogue"), new ExportMenu<>(items, "supplier-catalogue")
                .column("Supplier", SupplierItemView::supplierCode).column("Item", SupplierItemView::itemSku)
                .column("Item name", SupplierItemView::itemName).column("Supplier SKU", SupplierItemView::supplierSku)
                .column("Order unit", SupplierItemView::orderUnit).column("Lead time days", SupplierItemView::leadTimeDays)
                .column("Minimum order quantity", SupplierItemView::minimumOrderQuantity)
                .column("Pack size", SupplierItemView::packSize).column("Currency", SupplierItemView::currency)
                .column("Preferred", SupplierItemView::preferred).column("Active", SupplierItemView::active)
                .column("Price breaks", i -> i.prices().stream().map(p -> p.minQuantity().stripTrailingZeros()
                        .toPlainString() + "@" + p.unitPrice().toPlainString() + " from " + p.validFrom()
                        + (p.validTo() == null ? "" : " to " + p.validTo()))
                        .collect(java.util.stream.Collectors.joining("|"))), items, form);
        try {
            item.setItems(masterData.items(null, null, null, true, PageView.request(0, PageView.MAX_SIZE,
                    Sort.by("sku"))).items());
        } catch (RuntimeException e) {
            item.setEnabled(false);
        }
    }

    private void addItem() {
        List<PriceCommand> prices = new ArrayList<>();
        try {
            for (String part : breaks.getValue().split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] minAndPrice = part.split(":");
                prices.add(new PriceCommand(new BigDecimal(minAndPrice[0].trim()), new BigDecimal(minAndPrice[1].trim()),
                        LocalDate.now(), null));
            }
        } catch (RuntimeException e) {
            breaks.setErrorMessage("write min quantity: price pairs, e.g. 1: 12.50, 10: 11.00");
            breaks.setInvalid(true);
            return;
        }
        breaks.setInvalid(false);
        try {
            catalogue.create(current.id(), new SupplierItemCommand(item.getValue() == null ? null : item.getValue().id(),
                    supplierSku.getValue(), null, orderUnit.getValue(), leadTime.getValue(), moq.getValue(),
                    packSize.getValue(), null, preferred.getValue(), true, prices));
            success("Added to the catalogue");
            items.setItems(catalogue.ofSupplier(current.id()));
            supplierSku.clear();
            breaks.clear();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private static String breakLabel(PriceView p) {
        return "≥" + p.minQuantity().stripTrailingZeros().toPlainString() + ": " + p.unitPrice().stripTrailingZeros()
                .toPlainString() + (p.validFrom().isAfter(LocalDate.now()) ? " (from " + p.validFrom() + ")" : "");
    }

    private static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
