package io.millflow.ui.purchasing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.procurement.FulfilmentViews.ConfirmationCommand;
import io.millflow.procurement.FulfilmentViews.InvoiceCommand;
import io.millflow.procurement.FulfilmentViews.InvoiceFile;
import io.millflow.procurement.FulfilmentViews.InvoiceLineCommand;
import io.millflow.procurement.FulfilmentViews.LineAnswer;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderLineView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeCommand;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeLineCommand;
import io.millflow.procurement.PurchaseOrderQueries;
import io.millflow.procurement.ShippingNotices;
import io.millflow.procurement.SupplierConfirmations;
import io.millflow.procurement.SupplierInvoices;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Supplier portal, one order: its lines and reminders; while SENT, confirm or decline each line with quantity and
 * promised date; once confirmed, submit shipping notices (quantity per line, lot and expiry, carrier, tracking
 * number) and upload the invoice (PDF); notices and invoices with payment status. Roles: SUPPLIER (another
 * supplier's order is not found).
 */
@Route(value = "portal/order", layout = MainLayout.class)
@PageTitle("Order · Supplier portal · Millflow")
@RolesAllowed("SUPPLIER")
public class PortalOrderView extends VerticalLayout implements HasUrlParameter<String> {

    private final PurchaseOrderQueries orders;
    private final SupplierConfirmations confirmations;
    private final ShippingNotices notices;
    private final SupplierInvoices invoices;
    private UUID orderId;

    public PortalOrderView(PurchaseOrderQueries orders, SupplierConfirmations confirmations, ShippingNotices notices,
            SupplierInvoices invoices) {
        this.orders = orders;
        this.confirmations = confirmations;
        this.notices = notices;
        this.invoices = invoices;
        setMaxWidth("1000px");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        try {
            orderId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            orderId = null;
        }
        render();
    }

    private void render() {
        removeAll();
        PurchaseOrderView po;
        try {
            po = orders.get(orderId);
        } catch (RuntimeException e) {
            Paragraph missing = new Paragraph(Problems.message(e));
            missing.setId("portal-order-missing");
            add(missing);
            return;
        }
        add(new H3("Order " + po.number()), OrderPanel.of(po));
        switch (po.status()) {
            case "SENT" -> add(confirmationForm(po));
            case "CONFIRMED", "PARTIALLY_RECEIVED" -> {
                add(shippingNoticeForm(po));
                add(invoiceForm(po));
            }
            case "RECEIVED" -> add(invoiceForm(po));
            default -> {
            }
        }
        add(OrderPanel.history(po, false));
    }

    private Div confirmationForm(PurchaseOrderView po) {
        Div form = form("confirmation-form", "Confirm or decline each line");
        List<Object[]> fields = new ArrayList<>();
        for (PurchaseOrderLineView l : po.lines()) {
            if (l.cancelled()) {
                continue;
            }
            String prefix = "confirm-line-" + l.lineNo();
            Div row = OrderPanel.row("confirm-line");
            row.setId(prefix);
            Span what = new Span(l.lineNo() + ". " + l.description() + " · " + OrderPanel.plain(l.quantity()) + " "
                    + l.unit() + " by " + l.deliveryDate());
            what.getStyle().set("flex", "1 1 100%");
            Select<String> decision = new Select<>();
            decision.setId(prefix + "-decision");
            decision.setLabel("Answer");
            decision.setItems("CONFIRM", "DECLINE");
            decision.setValue("CONFIRM");
            BigDecimalField quantity = new BigDecimalField("Quantity (" + l.unit() + ")");
            quantity.setId(prefix + "-quantity");
            quantity.setValue(l.quantity());
            DatePicker promised = new DatePicker("Promised date");
            promised.setId(prefix + "-date");
            promised.setValue(l.deliveryDate().isBefore(LocalDate.now()) ? LocalDate.now() : l.deliveryDate());
            TextField reason = new TextField("Reason to decline");
            reason.setId(prefix + "-reason");
            reason.setVisible(false);
            decision.addValueChangeListener(e -> {
                boolean confirm = "CONFIRM".equals(e.getValue());
                quantity.setVisible(confirm);
                promised.setVisible(confirm);
                reason.setVisible(!confirm);
            });
            row.add(what, decision, quantity, promised, reason);
            form.add(row);
            fields.add(new Object[] {l, decision, quantity, promised, reason});
        }
        Button submit = new Button("Send answer", e -> {
            try {
                List<LineAnswer> answers = new ArrayList<>();
                for (Object[] f : fields) {
                    @SuppressWarnings("unchecked")
                    String d = ((Select<String>) f[1]).getValue();
                    boolean confirm = "CONFIRM".equals(d);
                    answers.add(new LineAnswer(((PurchaseOrderLineView) f[0]).id(), d,
                            confirm ? ((BigDecimalField) f[2]).getValue() : null,
                            confirm ? ((DatePicker) f[3]).getValue() : null,
                            confirm ? null : ((TextField) f[4]).getValue()));
                }
                confirmations.answer(po.id(), new ConfirmationCommand(answers));
                PurchaseOrderTaskPanel.success("Answer sent");
                render();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        submit.setId("submit-confirmation");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(submit);
        return form;
    }

    private Div shippingNoticeForm(PurchaseOrderView po) {
        Div form = form("asn-form", "Advance shipping notice");
        TextField carrier = new TextField("Carrier");
        carrier.setId("asn-carrier");
        TextField tracking = new TextField("Tracking number");
        tracking.setId("asn-tracking");
        DatePicker shipDate = new DatePicker("Ship date", LocalDate.now());
        shipDate.setId("asn-ship-date");
        DatePicker expected = new DatePicker("Expected");
        expected.setId("asn-expected-date");
        Div head = OrderPanel.row("asn-head");
        head.add(carrier, tracking, shipDate, expected);
        form.add(head);
        List<Object[]> fields = new ArrayList<>();
        for (PurchaseOrderLineView l : po.lines()) {
            if (!"CONFIRMED".equals(l.confirmation()) || l.openQuantity().signum() <= 0) {
                continue;
            }
            String prefix = "asn-line-" + l.lineNo();
            Div row = OrderPanel.row("asn-line");
            row.setId(prefix);
            Span what = new Span(l.lineNo() + ". " + l.description() + " · open " + OrderPanel.plain(l.openQuantity())
                    + " " + l.unit());
            what.getStyle().set("flex", "1 1 100%");
            BigDecimalField quantity = new BigDecimalField("Ships (" + l.unit() + ")");
            quantity.setId(prefix + "-quantity");
            quantity.setValue(l.openQuantity());
            TextField lot = new TextField("Lot");
            lot.setId(prefix + "-lot");
            DatePicker expiry = new DatePicker("Lot expiry");
            expiry.setId(prefix + "-expiry");
            lot.setVisible(l.lotTracked());
            expiry.setVisible(l.lotTracked());
            row.add(what, quantity, lot, expiry);
            form.add(row);
            fields.add(new Object[] {l, quantity, lot, expiry});
        }
        Button submit = new Button("Submit shipping notice", e -> {
            try {
                List<ShippingNoticeLineCommand> lines = new ArrayList<>();
                for (Object[] f : fields) {
                    BigDecimal q = ((BigDecimalField) f[1]).getValue();
                    if (q != null && q.signum() > 0) {
                        String lot = ((TextField) f[2]).getValue();
                        lines.add(new ShippingNoticeLineCommand(((PurchaseOrderLineView) f[0]).id(), q,
                                lot == null || lot.isBlank() ? null : lot, ((DatePicker) f[3]).getValue()));
                    }
                }
                var n = notices.submit(new ShippingNoticeCommand(po.id(), carrier.getValue(), tracking.getValue(),
                        shipDate.getValue(), expected.getValue(), lines));
                PurchaseOrderTaskPanel.success("Shipping notice " + n.number() + " submitted");
                render();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        submit.setId("submit-asn");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(submit);
        return form;
    }

    @SuppressWarnings("deprecation")
    private Div invoiceForm(PurchaseOrderView po) {
        Div form = form("invoice-form", "Invoice");
        TextField number = new TextField("Invoice number");
        number.setId("invoice-number");
        DatePicker date = new DatePicker("Invoice date", LocalDate.now());
        date.setId("invoice-date");
        TextField currency = new TextField("Currency", po.currency(), "");
        currency.setId("invoice-currency");
        BigDecimalField tax = new BigDecimalField("Tax");
        tax.setId("invoice-tax");
        tax.setValue(BigDecimal.ZERO);
        Div head = OrderPanel.row("invoice-head");
        head.add(number, date, currency, tax);
        form.add(head);
        List<Object[]> fields = new ArrayList<>();
        for (PurchaseOrderLineView l : po.lines()) {
            if (!"CONFIRMED".equals(l.confirmation())) {
                continue;
            }
            String prefix = "invoice-line-" + l.lineNo();
            Div row = OrderPanel.row("invoice-line");
            row.setId(prefix);
            Span what = new Span(l.lineNo() + ". " + l.description());
            what.getStyle().set("flex", "1 1 100%");
            BigDecimalField quantity = new BigDecimalField("Quantity (" + l.unit() + ")");
            quantity.setId(prefix + "-quantity");
            quantity.setValue(l.confirmedQuantity());
            BigDecimalField price = new BigDecimalField("Unit price (" + po.currency() + ")");
            price.setId(prefix + "-price");
            price.setValue(l.unitPrice());
            row.add(what, quantity, price);
            form.add(row);
            fields.add(new Object[] {l, quantity, price});
        }
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setId("invoice-file");
        upload.setAcceptedFileTypes("application/pdf", ".pdf");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(SupplierInvoices.MAX_FILE_BYTES);
        Button submit = new Button("Upload invoice", e -> {
            try {
                if (buffer.getFileName() == null || buffer.getFileName().isBlank()) {
                    throw new io.millflow.shared.ProblemException.InvalidInput("file", "choose the invoice PDF");
                }
                byte[] bytes;
                try {
                    bytes = buffer.getInputStream().readAllBytes();
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
                List<InvoiceLineCommand> lines = new ArrayList<>();
                for (Object[] f : fields) {
                    BigDecimal q = ((BigDecimalField) f[1]).getValue();
                    if (q != null && q.signum() > 0) {
                        lines.add(new InvoiceLineCommand(((PurchaseOrderLineView) f[0]).id(), q,
                                ((BigDecimalField) f[2]).getValue()));
                    }
                }
                var invoice = invoices.upload(new InvoiceCommand(po.id(), number.getValue(), date.getValue(),
                        currency.getValue(), tax.getValue(), lines, new InvoiceFile(buffer.getFileName(),
                                "application/pdf", Base64.getEncoder().encodeToString(bytes))));
                PurchaseOrderTaskPanel.success("Invoice " + invoice.invoiceNumber() + " uploaded");
                render();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        submit.setId("submit-invoice");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.add(upload, submit);
        return form;
    }

    private static Div form(String id, String title) {
        Div form = new Div();
        form.setId(id);
        form.setWidthFull();
        com.vaadin.flow.component.html.H4 h = new com.vaadin.flow.component.html.H4(title);
        h.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs)");
        form.add(h);
        return form;
    }
}
