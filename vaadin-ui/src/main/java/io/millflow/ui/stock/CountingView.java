package io.millflow.ui.stock;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.CycleCountViews.CountEntry;
import io.millflow.ims.CycleCountViews.CountLineView;
import io.millflow.ims.CycleCountViews.CountSubmission;
import io.millflow.ims.CycleCountViews.CycleCountCommand;
import io.millflow.ims.CycleCountViews.CycleCountView;
import io.millflow.ims.CycleCounts;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cycle counting on a phone: create a count sheet for a location (and below) or an ABC class of a warehouse,
 * pick an open count, enter the counted quantity of every line (blind: the book quantity is not shown while the
 * count is open) and submit; then each line shows book, counted, difference and outcome. Differences over the
 * tolerance go to another warehouse supervisor's inbox. Roles: WAREHOUSE.
 */
@Route(value = "stock/counts", layout = MainLayout.class)
@PageTitle("Cycle counts · Millflow")
@RolesAllowed("WAREHOUSE")
public class CountingView extends VerticalLayout {

    private static final Pattern LINE_FIELD = Pattern.compile("^lines\\[(\\d+)]");

    private final CycleCounts counts;
    private final MasterData masterData;
    private final Map<UUID, WarehouseView> warehouses;
    private final ComboBox<WarehouseView> warehouse = new ComboBox<>("Warehouse");
    private final ComboBox<LocationView> location = new ComboBox<>("Location (and below)");
    private final ComboBox<String> abcClass = new ComboBox<>("or ABC class");
    private final ComboBox<String> status = new ComboBox<>("Show counts");
    private final Div list = new Div();
    private final VerticalLayout detail = new VerticalLayout();

    public CountingView(CycleCounts counts, MasterData masterData) {
        this.counts = counts;
        this.masterData = masterData;
        this.warehouses = Lookups.warehouses(masterData);
        setWidthFull();
        setMaxWidth("960px");
        list.setId("count-list");
        list.setWidthFull();
        detail.setId("count-detail");
        detail.setPadding(false);
        detail.setWidthFull();
        status.setId("count-status");
        status.setItems("OPEN", "PENDING_APPROVAL", "POSTED", "REJECTED", "CANCELLED");
        status.setValue("OPEN");
        status.addValueChangeListener(e -> refreshList());
        add(new H3("Cycle counts"), createForm(), new H4("Counts"), status, list, detail);
        refreshList();
    }

    private Div createForm() {
        warehouse.setId("count-warehouse");
        warehouse.setItems(warehouses.values().stream().filter(WarehouseView::active)
                .sorted(java.util.Comparator.comparing(WarehouseView::code)).toList());
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        warehouse.addValueChangeListener(e -> {
            location.clear();
            location.setItems(e.getValue() == null ? List.of() : Lookups.locations(masterData, e.getValue().id()));
        });
        location.setId("count-location");
        location.setItemLabelGenerator(Lookups::label);
        location.setClearButtonVisible(true);
        abcClass.setId("count-abc");
        abcClass.setItems("A", "B", "C");
        abcClass.setClearButtonVisible(true);
        Button create = new Button("Create count sheet", e -> create());
        create.setId("count-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(warehouse, location, abcClass);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 3));
        Div box = new Div(form, create);
        box.setWidthFull();
        return box;
    }

    private void create() {
        List.of(warehouse, location, abcClass).forEach(f -> f.setInvalid(false));
        if (warehouse.getValue() == null) {
            warehouse.setErrorMessage("Choose a warehouse");
            warehouse.setInvalid(true);
            return;
        }
        try {
            CycleCountView created = counts.create(new CycleCountCommand(warehouse.getValue().id(),
                    location.getValue() == null ? null : location.getValue().id(), abcClass.getValue()));
            Notification.show("Count sheet " + created.number() + " with " + created.lines().size() + " lines", 3000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            status.setValue("OPEN");
            refreshList();
            open(created);
        } catch (RuntimeException e) {
            boolean marked = new FieldErrors(name -> switch (name) {
                case "warehouseId" -> warehouse;
                case "locationId" -> location;
                case "abcClass" -> abcClass;
                default -> null;
            }).show(e);
            if (!marked) {
                Problems.show(e);
            }
        }
    }

    private void refreshList() {
        list.removeAll();
        List<CycleCountView> found = counts.list(status.getValue(), null, 0, 50).items();
        if (found.isEmpty()) {
            Paragraph none = new Paragraph("No counts here.");
            none.setId("count-list-empty");
            list.add(none);
        }
        found.forEach(c -> list.add(card(c)));
    }

    private Div card(CycleCountView c) {
        Div card = new Div();
        card.addClassName("count-card");
        card.getElement().setAttribute("data-number", c.number());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("padding", "var(--lumo-space-s)")
                .set("margin-bottom", "var(--lumo-space-s)").set("cursor", "pointer");
        Span number = new Span(c.number());
        number.getStyle().set("font-weight", "600").set("margin-right", "var(--lumo-space-s)");
        card.add(number, new Span(scope(c) + " · " + c.lines().size() + " lines · " + c.status()));
        card.addClickListener(e -> open(counts.get(c.id())));
        return card;
    }

    private String scope(CycleCountView c) {
        WarehouseView w = warehouses.get(c.warehouseId());
        String where = w == null ? "" : w.code();
        if (c.locationId() != null) {
            where += " / " + masterData.location(c.locationId()).code();
        } else if (c.abcClass() != null) {
            where += " / class " + c.abcClass();
        }
        return where;
    }

    private void open(CycleCountView c) {
        detail.removeAll();
        H4 title = new H4(c.number() + " · " + scope(c));
        title.setId("count-number");
        detail.add(title);
        if ("OPEN".equals(c.status())) {
            detail.add(sheet(c));
        } else {
            Span state = new Span(c.status());
            state.setId("count-state");
            detail.add(state);
            if ("PENDING_APPROVAL".equals(c.status())) {
                detail.add(new Paragraph("Differences over the tolerance wait for another supervisor's approval "
                        + "(inbox); the others are posted."));
            }
            detail.add(CountLinesPanel.of(c));
        }
    }

    /** The blind count sheet: what to count where, and a field for each counted quantity. */
    private Div sheet(CycleCountView c) {
        Div sheet = new Div();
        sheet.setId("count-sheet");
        sheet.setWidthFull();
        List<BigDecimalField> fields = new ArrayList<>();
        for (CountLineView line : c.lines()) {
            BigDecimalField counted = new BigDecimalField();
            counted.addClassName("count-qty");
            counted.getElement().setAttribute("data-line", String.valueOf(line.lineNo()));
            counted.setSuffixComponent(new Span(line.unit()));
            counted.setPlaceholder("counted");
            counted.setWidth("9em");
            counted.getStyle().set("max-width", "100%");
            fields.add(counted);
            Span what = new Span(line.lineNo() + ". " + line.locationCode() + " · " + line.sku() + " " + line.itemName()
                    + (line.lot() == null ? "" : " · lot " + line.lot()));
            what.getStyle().set("flex", "1 1 12em").set("min-width", "0").set("overflow-wrap", "anywhere");
            HorizontalLayout row = new HorizontalLayout(what, counted);
            row.addClassName("count-line");
            row.getElement().setAttribute("data-line", String.valueOf(line.lineNo()));
            row.setWidthFull();
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.getStyle().set("flex-wrap", "wrap").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
            sheet.add(row);
        }
        if (c.lines().isEmpty()) {
            sheet.add(new Paragraph("Nothing on this sheet: no stock was booked there when it was created."));
        }
        Button submit = new Button("Submit counts", e -> submit(c, fields));
        submit.setId("count-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setEnabled(!c.lines().isEmpty());
        Button cancel = new Button("Cancel count", e -> cancel(c));
        cancel.setId("count-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(submit, cancel);
        actions.getStyle().set("flex-wrap", "wrap").set("margin-top", "var(--lumo-space-m)");
        sheet.add(actions);
        return sheet;
    }

    private void submit(CycleCountView c, List<BigDecimalField> fields) {
        fields.forEach(f -> f.setInvalid(false));
        List<CountEntry> entries = new ArrayList<>();
        boolean complete = true;
        for (int i = 0; i < fields.size(); i++) {
            BigDecimalField f = fields.get(i);
            if (f.getValue() == null) {
                f.setErrorMessage("Enter the counted quantity (0 when there is none)");
                f.setInvalid(true);
                complete = false;
            }
            CountLineView line = c.lines().get(i);
            entries.add(new CountEntry(line.locationId(), line.itemId(), line.lot(), f.getValue()));
        }
        if (!complete) {
            return;
        }
        try {
            CycleCountView done = counts.submit(c.id(), new CountSubmission(entries));
            Notification.show(done.number() + ": " + done.status(), 3000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refreshList();
            open(done);
        } catch (RuntimeException e) {
            boolean marked = new FieldErrors(name -> {
                Matcher m = LINE_FIELD.matcher(name);
                return m.find() && Integer.parseInt(m.group(1)) < fields.size() ? fields.get(Integer.parseInt(m.group(1)))
                        : null;
            }).show(e);
            if (!marked) {
                Problems.show(e);
            }
        }
    }

    private void cancel(CycleCountView c) {
        try {
            CycleCountView cancelled = counts.cancel(c.id());
            refreshList();
            open(cancelled);
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }
}
