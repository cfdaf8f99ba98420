package io.millflow.ui.stock;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.ims.StockPostings;
import io.millflow.ims.StockPostings.Posted;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.ims.Tracking;
import io.millflow.shared.PageView;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;

/**
 * Posting stock by hand: receipts (101 against an order, with unit cost; 501 without), issues (201 cost
 * centre, 221 project, 261 production order), transfers between shelves (311) and scrap (551). Lot (and
 * expiry on receipts) and serial numbers appear when the item needs them. Errors show next to the field at
 * fault; a posted document's number shows after success. Roles: WAREHOUSE.
 */
@Route(value = "stock/post", layout = MainLayout.class)
@PageTitle("Post stock · Millflow")
@RolesAllowed("WAREHOUSE")
public class PostingView extends VerticalLayout implements BeforeEnterObserver {

    private final MasterData masterData;
    private final StockPostings postings;
    private final RadioButtonGroup<PostingKind> kind = new RadioButtonGroup<>("Movement type");
    private final ComboBox<ItemView> item = new ComboBox<>("Item");
    private final BigDecimalField quantity = new BigDecimalField("Quantity");
    private final ComboBox<String> unit = new ComboBox<>("Unit");
    private final ComboBox<LocationView> from = new ComboBox<>("From location");
    private final ComboBox<LocationView> to = new ComboBox<>("To location");
    private final TextField reference = new TextField();
    private final BigDecimalField unitCost = new BigDecimalField("Unit cost");
    private final TextField lot = new TextField("Lot");
    private final DatePicker lotExpiry = new DatePicker("Lot expiry");
    private final TextArea serials = new TextArea("Serial numbers (one per line)");
    private final TextField reason = new TextField("Reason / note");
    private final Paragraph error = new Paragraph();
    private final Div result = new Div();
    private final Map<String, HasValidation> fields = new HashMap<>();
    private final FieldErrors errors = new FieldErrors(this::fieldOf);
    private String idempotencyKey = UUID.randomUUID().toString();

    public PostingView(MasterData masterData, StockPostings postings) {
        this.masterData = masterData;
        this.postings = postings;
        setMaxWidth("960px");
        configureFields();
        FormLayout form = new FormLayout(item, quantity, unit, from, to, reference, unitCost, lot, lotExpiry, serials,
                reason);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        form.setColspan(item, 3);
        form.setColspan(serials, 3);
        form.setColspan(reason, 3);
        Button submit = new Button("Post", e -> post());
        submit.setId("post-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit.setEnabled(true));
        error.setId("post-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        result.setId("post-result");
        add(new H3("Post stock"), kind, form, submit, error, result);
        kind.setValue(PostingKind.GOODS_RECEIPT);
    }

    private void configureFields() {
        kind.setId("post-type");
        kind.setItems(PostingKind.values());
        kind.setItemLabelGenerator(PostingKind::label);
        kind.addValueChangeListener(e -> adapt());
        item.setId("post-item");
        item.setItemLabelGenerator(i -> i.sku() + " · " + i.name());
        item.setItems(query -> masterData.items(query.getFilter().orElse(null), null, null, true,
                PageView.request(query.getPage(), query.getPageSize(), Sort.by("sku"))).items().stream());
        item.addValueChangeListener(e -> adapt());
        item.setRequired(true);
        quantity.setId("post-quantity");
        quantity.setRequired(true);
        unit.setId("post-unit");
        List<LocationView> shelves = Lookups.shelves(masterData);
        var warehouses = Lookups.warehouses(masterData);
        from.setId("post-from");
        from.setItems(shelves);
        from.setItemLabelGenerator(l -> Lookups.label(l, warehouses));
        to.setId("post-to");
        to.setItems(shelves);
        to.setItemLabelGenerator(l -> Lookups.label(l, warehouses));
        reference.setId("post-reference");
        reference.setMaxLength(100);
        unitCost.setId("post-unit-cost");
        lot.setId("post-lot");
        lot.setMaxLength(40);
        lotExpiry.setId("post-lot-expiry");
        serials.setId("post-serials");
        reason.setId("post-reason");
        reason.setMaxLength(500);
        fields.put("movementType", kind);
        fields.put("itemId", item);
        fields.put("quantity", quantity);
        fields.put("unit", unit);
        fields.put("fromLocationId", from);
        fields.put("toLocationId", to);
        fields.put("reference", reference);
        fields.put("unitCost", unitCost);
        fields.put("lot", lot);
        fields.put("lotExpiry", lotExpiry);
        fields.put("serials", serials);
        fields.put("reason", reason);
    }

    /** The field of an input name; line fields ({@code lines[0].quantity}) map to the one line of this form. */
    private HasValidation fieldOf(String name) {
        String key = name.replaceFirst("^lines\\[\\d+]\\.?", "").split("[.\\[]", 2)[0];
        HasValidation f = fields.get(key);
        return f != null && ((com.vaadin.flow.component.Component) f).isVisible() ? f : null;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("type").map(PostingKind::of)
                .ifPresent(kind::setValue);
    }

    /** Shows the fields the movement type and the item need. */
    private void adapt() {
        PostingKind k = kind.getValue() == null ? PostingKind.GOODS_RECEIPT : kind.getValue();
        ItemView i = item.getValue();
        from.setVisible(k.needsFrom());
        to.setVisible(k.needsTo());
        reference.setLabel(k.referenceLabel() + (k.referenceRequired() ? "" : " (optional)"));
        reference.setRequired(k.referenceRequired());
        unitCost.setVisible(k.isReceipt());
        unitCost.setRequired(k == PostingKind.GOODS_RECEIPT);
        unitCost.setLabel(k == PostingKind.GOODS_RECEIPT ? "Unit cost (order price)" : "Unit cost (optional)");
        boolean lotTracked = i != null && i.tracking() == Tracking.LOT;
        lot.setVisible(lotTracked);
        lot.setRequired(lotTracked);
        lotExpiry.setVisible(lotTracked && k.isReceipt());
        serials.setVisible(i != null && i.tracking() == Tracking.SERIAL);
        List<String> units = new ArrayList<>();
        if (i != null) {
            units.add(i.baseUnit());
            units.addAll(i.alternativeUnits().keySet().stream().sorted().toList());
        }
        String chosen = unit.getValue();
        unit.setItems(units);
        unit.setValue(units.contains(chosen) ? chosen : units.isEmpty() ? null : units.get(0));
        errors.clear();
    }

    private void post() {
        errors.clear();
        error.setVisible(false);
        result.removeAll();
        PostingKind k = kind.getValue();
        ItemView i = item.getValue();
        if (k == null || i == null) {
            errors.mark(k == null ? "movementType" : "itemId", "is required");
            return;
        }
        PostingLine line = new PostingLine(i.id(), quantity.getValue(), unit.getValue(),
                k.needsFrom() && from.getValue() != null ? from.getValue().id() : null,
                k.needsTo() && to.getValue() != null ? to.getValue().id() : null,
                lot.isVisible() ? blankToNull(lot.getValue()) : null,
                lotExpiry.isVisible() ? lotExpiry.getValue() : null,
                serials.isVisible() ? serialNumbers() : null,
                unitCost.isVisible() ? unitCost.getValue() : null, null);
        PostingCommand cmd = new PostingCommand(k.code(), null, blankToNull(reference.getValue()),
                blankToNull(reason.getValue()), List.of(line));
        try {
            Posted posted = postings.post(cmd, idempotencyKey);
            idempotencyKey = UUID.randomUUID().toString();
            showPosted(posted, i);
            quantity.clear();
            serials.clear();
        } catch (RuntimeException e) {
            if (!errors.show(e)) {
                error.setText(Problems.message(e));
                error.setVisible(true);
                Problems.show(e);
            }
        }
    }

    private void showPosted(Posted posted, ItemView i) {
        String number = posted.document().number();
        Anchor itemLink = new Anchor("stock/item/" + i.id(), "see " + i.sku());
        Paragraph done = new Paragraph("Posted " + number + " (" + posted.document().movementLabel() + ") · ");
        done.add(itemLink);
        done.getElement().setAttribute("data-document", number);
        result.add(done);
        Notification n = Notification.show("Posted " + number, 4000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private List<String> serialNumbers() {
        return Arrays.stream(serials.getValue().split("[\\s,;]+")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
