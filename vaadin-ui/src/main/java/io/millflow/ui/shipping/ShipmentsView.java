package io.millflow.ui.shipping;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.millflow.ims.TransferViews.TransferView;
import io.millflow.ims.Transfers;
import io.millflow.integration.carrier.Address;
import io.millflow.integration.carrier.Carriers;
import io.millflow.integration.carrier.Parcel;
import io.millflow.integration.carrier.Party;
import io.millflow.integration.carrier.Weight;
import io.millflow.integration.shipment.ShipmentFilter;
import io.millflow.integration.shipment.ShipmentStatus;
import io.millflow.integration.shipment.ShipmentView;
import io.millflow.integration.shipment.ShipmentView.EventView;
import io.millflow.integration.shipment.Shipments;
import io.millflow.integration.shipment.TransferShipment;
import io.millflow.integration.shipment.TransferShipments;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Shipments: the list with status, carrier and tracking number; for the one selected its parcels, tracking events,
 * PDF label and (for WAREHOUSE and BUYER) cancellation. WAREHOUSE ships a READY or DONE transfer to another site.
 * Roles: WAREHOUSE, BUYER, MANAGER, ADMIN.
 */
@Route(value = "shipments", layout = MainLayout.class)
@PageTitle("Shipments · Millflow")
@RolesAllowed({"WAREHOUSE", "BUYER", "MANAGER", "ADMIN"})
public class ShipmentsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final Shipments shipments;
    private final TransferShipments transferShipments;
    private final Transfers transfers;
    private final Carriers carriers;
    private final CurrentUser user = CurrentUser.get();
    private final ComboBox<ShipmentStatus> status = new ComboBox<>("Status");
    private final Checkbox openOnly = new Checkbox("Open only", true);
    private final TextField search = new TextField("Shipment or tracking number");
    private final Grid<ShipmentView> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    public ShipmentsView(Shipments shipments, TransferShipments transferShipments, Transfers transfers,
            Carriers carriers) {
        this.shipments = shipments;
        this.transferShipments = transferShipments;
        this.transfers = transfers;
        this.carriers = carriers;
        setWidthFull();
        setMaxWidth("1200px");
        status.setId("shipment-status-filter");
        status.setItems(ShipmentStatus.values());
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> refresh());
        openOnly.setId("shipment-open-only");
        openOnly.addValueChangeListener(e -> refresh());
        search.setId("shipment-search");
        search.setClearButtonVisible(true);
        search.addValueChangeListener(e -> refresh());
        HorizontalLayout filters = new HorizontalLayout(status, search, openOnly);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("shipment-grid");
        grid.addColumn(ShipmentView::number).setHeader("Shipment").setAutoWidth(true);
        grid.addColumn(ShipmentView::direction).setHeader("Direction").setAutoWidth(true);
        grid.addColumn(ShipmentView::carrier).setHeader("Carrier").setAutoWidth(true);
        grid.addColumn(ShipmentView::trackingNumber).setHeader("Tracking number").setAutoWidth(true);
        grid.addColumn(s -> s.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(s -> s.referenceType() + " " + s.referenceId().toString().substring(0, 8)).setHeader("For");
        grid.addColumn(s -> time(s.estimatedDelivery())).setHeader("Expected").setAutoWidth(true);
        grid.addColumn(s -> time(s.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        detail.setId("shipment-detail");
        detail.setPadding(false);

        add(new H3("Shipments"));
        if (user.hasRole(Roles.WAREHOUSE)) {
            add(shipTransferForm());
        }
        add(filters, new ExportMenu<>(grid, "shipments")
                .column("Shipment", ShipmentView::number).column("Direction", ShipmentView::direction)
                .column("Carrier", ShipmentView::carrier).column("Service", ShipmentView::serviceCode)
                .column("Tracking number", ShipmentView::trackingNumber).column("Status", ShipmentView::status)
                .column("For", s -> s.referenceType() + " " + s.referenceId())
                .column("Expected", ShipmentView::estimatedDelivery).column("Delivered", ShipmentView::deliveredAt)
                .column("Created", ShipmentView::createdAt), grid, detail);
        refresh();
    }

    private void refresh() {
        grid.setItems(shipments.list(new ShipmentFilter(status.getValue(), openOnly.getValue() ? Boolean.TRUE : null,
                null, null, null, null, search.getValue()), 0, 100).items());
        detail.removeAll();
    }

    private void show(ShipmentView s) {
        detail.removeAll();
        if (s == null) {
            return;
        }
        detail.add(new H4(s.number() + " · " + s.carrier() + " " + s.trackingNumber() + " · " + s.status()));
        if (s.statusText() != null) {
            detail.add(new Paragraph(s.statusText()));
        }
        if (s.trackingError() != null) {
            Span error = new Span("Last tracking: " + s.trackingError());
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            detail.add(error);
        }
        HorizontalLayout actions = new HorizontalLayout();
        for (ShipmentView.ParcelView parcel : s.parcels()) {
            if (parcel.labelAvailable()) {
                Anchor label = new Anchor(DownloadHandler.fromInputStream(event -> {
                    byte[] pdf = shipments.label(s.id(), parcel.parcelNo());
                    return new DownloadResponse(new ByteArrayInputStream(pdf), s.number() + "-" + parcel.parcelNo()
                            + ".pdf", "application/pdf", pdf.length);
                }), AttachmentType.DOWNLOAD, "Label parcel " + parcel.parcelNo() + " (PDF)");
                label.setId("shipment-label-" + parcel.parcelNo());
                actions.add(label);
            }
        }
        if (user.hasAnyRole(Roles.WAREHOUSE, Roles.BUYER) && s.status().isCancellable()) {
            Button cancel = new Button("Cancel shipment", e -> {
                try {
                    shipments.cancel(s.id());
                    Notification.show("Shipment " + s.number() + " cancelled", 3000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } catch (RuntimeException ex) {
                    Problems.show(ex);
                }
            });
            cancel.setId("shipment-cancel");
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        detail.add(actions);
        Grid<EventView> events = new Grid<>();
        events.setId("shipment-events");
        events.addColumn(e -> time(e.occurredAt())).setHeader("When").setAutoWidth(true);
        events.addColumn(EventView::status).setHeader("Status").setAutoWidth(true);
        events.addColumn(EventView::description).setHeader("What");
        events.addColumn(EventView::location).setHeader("Where").setAutoWidth(true);
        events.addColumn(EventView::source).setHeader("From").setAutoWidth(true);
        events.setAllRowsVisible(true);
        List<EventView> found = new ArrayList<>(shipments.events(s.id()));
        java.util.Collections.reverse(found);
        events.setItems(found);
        detail.add(found.isEmpty() ? new Paragraph("No tracking events yet.") : events);
    }

    /** A transfer between two sites, sent with a carrier: parties, one parcel, service or tracking number. */
    private Details shipTransferForm() {
        ComboBox<TransferView> transfer = new ComboBox<>("Transfer (READY or DONE)");
        transfer.setId("ship-transfer");
        List<TransferView> shippable = new ArrayList<>(transfers.list("READY", null, 0, 200).items());
        shippable.addAll(transfers.list("DONE", null, 0, 200).items());
        transfer.setItems(shippable);
        transfer.setItemLabelGenerator(t -> t.number() + (t.reference() == null ? "" : " · " + t.reference()));
        ComboBox<String> carrier = new ComboBox<>("Carrier");
        carrier.setId("ship-carrier");
        carrier.setItems(carriers.codes());
        TextField service = new TextField("Service (integrated carriers)");
        service.setId("ship-service");
        service.setPlaceholder("FEDEX_INTERNATIONAL_PRIORITY");
        TextField tracking = new TextField("Tracking number (manual carrier)");
        tracking.setId("ship-tracking");
        BigDecimalField weight = new BigDecimalField("Weight (kg)");
        weight.setId("ship-weight");
        PartyFields from = new PartyFields("From");
        PartyFields to = new PartyFields("To");
        Button ship = new Button("Ship transfer", e -> {
            if (transfer.getValue() == null || carrier.getValue() == null || weight.getValue() == null) {
                Notification.show("Choose a transfer and a carrier and enter the weight", 4000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            try {
                ShipmentView shipped = transferShipments.ship(transfer.getValue().id(), new TransferShipment(
                        carrier.getValue(), service.getValue(), from.party(), to.party(),
                        List.of(new Parcel(new Weight(weight.getValue(), Weight.Unit.KG), null)),
                        tracking.getValue().isBlank() ? null : tracking.getValue(), null));
                Notification.show("Shipment " + shipped.number() + " booked: " + shipped.trackingNumber(), 4000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
                grid.select(shipped);
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        ship.setId("ship-submit");
        ship.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(transfer, carrier, service, tracking, weight);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 3));
        VerticalLayout content = new VerticalLayout(form, from.layout(), to.layout(), ship);
        content.setPadding(false);
        Details details = new Details("Ship a transfer to another site", content);
        details.setId("ship-transfer-form");
        return details;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** Contact and address of one party. */
    private static final class PartyFields {

        private final TextField person = new TextField("Contact");
        private final TextField company = new TextField("Company");
        private final TextField phone = new TextField("Phone");
        private final TextField street = new TextField("Street");
        private final TextField city = new TextField("City");
        private final TextField postalCode = new TextField("Postal code");
        private final TextField country = new TextField("Country (ISO)");
        private final String title;

        PartyFields(String title) {
            this.title = title;
            country.setMaxLength(2);
            String prefix = "ship-" + title.toLowerCase() + "-";
            person.setId(prefix + "person");
            street.setId(prefix + "street");
            city.setId(prefix + "city");
            postalCode.setId(prefix + "postal");
            country.setId(prefix + "country");
        }

        VerticalLayout layout() {
            FormLayout form = new FormLayout(person, company, phone, street, city, postalCode, country);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 4));
            Span heading = new Span(title);
            heading.getStyle().set("font-weight", "600");
            VerticalLayout box = new VerticalLayout(heading, form);
            box.setPadding(false);
            box.setSpacing(false);
            return box;
        }

        Party party() {
            return new Party(blank(person.getValue()), blank(company.getValue()), blank(phone.getValue()),
                    new Address(street.getValue().isBlank() ? List.of() : List.of(street.getValue().strip()),
                            city.getValue(), null, blank(postalCode.getValue()),
                            country.getValue() == null ? null : country.getValue().strip().toUpperCase(), false));
        }

        private static String blank(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
