package io.millflow.ui.purchasing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptView;
import io.millflow.procurement.FulfilmentViews.InvoiceView;
import io.millflow.procurement.FulfilmentViews.MatchView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderLineView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.FulfilmentViews.ReminderView;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A purchase order's facts in rows that wrap on a phone: header, lines (ordered, confirmed, received, invoiced,
 * open), reminders, shipping notices, receipts, invoices with payment status, match results. Shared by the buyer's
 * detail view, the supplier portal and the inbox panels.
 */
public final class OrderPanel {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private OrderPanel() {
    }

    /** Header and lines. */
    public static Div of(PurchaseOrderView po) {
        Div panel = new Div();
        panel.setId("po-panel");
        panel.setWidthFull();
        Span number = new Span(po.number());
        number.setId("po-number");
        number.getStyle().set("font-weight", "600");
        Span status = badge(po.status());
        status.setId("po-status");
        Div head = new Div(number, new Span(" · "), status, new Span(" · " + (po.supplierName() == null ? "no supplier"
                : po.supplierCode() + " " + po.supplierName()) + " · " + money(po.totalAmount(), po.currency())
                + (po.revision() > 0 ? " · revision " + po.revision() : "")));
        head.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)")
                .set("margin-bottom", "var(--lumo-space-s)");
        panel.add(head);
        for (PurchaseOrderLineView l : po.lines()) {
            panel.add(line(l, po.currency()));
        }
        return panel;
    }

    private static Div line(PurchaseOrderLineView l, String currency) {
        Div row = row("po-line");
        row.setId("po-line-" + l.lineNo());
        row.getElement().setAttribute("data-confirmation", l.confirmation());
        row.getElement().setAttribute("data-open", plain(l.openQuantity()));
        Span what = new Span(l.lineNo() + ". " + (l.sku() == null ? "" : l.sku() + " ") + l.description()
                + (l.cancelled() ? " (cancelled)" : ""));
        what.getStyle().set("flex", "1 1 100%").set("overflow-wrap", "anywhere");
        row.add(what, fact("Ordered", plain(l.quantity()) + " " + l.unit() + " × " + money(l.unitPrice(), currency)
                + " by " + l.deliveryDate()),
                fact("Supplier", l.confirmation() + (l.confirmedQuantity() == null ? "" : " " + plain(l.confirmedQuantity()))
                        + (l.promisedDate() == null ? "" : " on " + l.promisedDate())
                        + (l.declineReason() == null ? "" : " — " + l.declineReason())),
                fact("Received", plain(l.receivedQuantity().subtract(l.returnedQuantity()))),
                fact("Invoiced", plain(l.invoicedQuantity())), fact("Open", plain(l.openQuantity())));
        return row;
    }

    /** Reminders, notices, receipts, invoices and matches; {@code internal} adds receipts and matches. */
    public static Div history(PurchaseOrderView po, boolean internal) {
        Div panel = new Div();
        panel.setWidthFull();
        if (!po.reminders().isEmpty()) {
            Div reminders = section(panel, "Reminders", "po-reminders");
            for (ReminderView r : po.reminders()) {
                Div row = row("po-reminder");
                row.add(new Span(WHEN.format(r.createdAt()) + " · " + r.kind() + " · " + r.note()));
                reminders.add(row);
            }
        }
        if (!po.shippingNotices().isEmpty()) {
            Div notices = section(panel, "Shipping notices", "po-asns");
            for (ShippingNoticeView n : po.shippingNotices()) {
                Div row = row("po-asn");
                row.setId("asn-" + n.number());
                row.getElement().setAttribute("data-status", n.status());
                row.add(new Span(n.number() + " · " + n.status() + " · " + n.carrierCode()
                        + (n.trackingNumber() == null ? "" : " " + n.trackingNumber()) + " · shipped " + n.shipDate()
                        + " · " + n.lines().stream().map(l -> "line " + l.purchaseOrderLineNo() + ": " + plain(l.quantity())
                                + (l.lot() == null ? "" : " lot " + l.lot())).reduce((a, b) -> a + ", " + b).orElse("")));
                notices.add(row);
            }
        }
        if (internal && !po.receipts().isEmpty()) {
            Div receipts = section(panel, "Goods receipts", "po-receipts");
            for (GoodsReceiptView r : po.receipts()) {
                Div row = row("po-receipt");
                row.setId("receipt-" + r.number());
                row.add(new Span(r.number() + " · " + r.asnNumber() + " · " + r.receivingLocationCode() + " · "
                        + r.stockDocumentNumber() + " · " + r.receivedBy() + " " + WHEN.format(r.receivedAt())));
                receipts.add(row);
            }
        }
        if (!po.invoices().isEmpty()) {
            Div invoices = section(panel, "Invoices", "po-invoices");
            for (InvoiceView i : po.invoices()) {
                invoices.add(invoice(i));
            }
        }
        if (internal && !po.matches().isEmpty()) {
            Div matches = section(panel, "Three-way match", "po-matches");
            for (MatchView m : po.matches()) {
                Div row = row("po-match");
                row.getElement().setAttribute("data-matched", String.valueOf(m.matched()));
                row.add(new Span(WHEN.format(m.matchedAt()) + " · " + (m.matched() ? "MATCHED" : "MISMATCH") + " · "
                        + m.summary()));
                matches.add(row);
            }
        }
        return panel;
    }

    /** One invoice with its payment status (classes invoice-status, payment-status, due-date). */
    public static Div invoice(InvoiceView i) {
        Div row = row("po-invoice");
        row.setId("invoice-" + i.invoiceNumber());
        Span status = new Span(i.status());
        status.addClassName("invoice-status");
        Span payment = new Span(i.paymentStatus());
        payment.addClassName("payment-status");
        Span due = new Span(i.dueDate().toString());
        due.addClassName("due-date");
        row.add(new Span(i.invoiceNumber() + " · " + i.purchaseOrderNumber() + " · " + money(i.totalAmount(), i.currency())),
                fact("Status", status), fact("Payment", payment), fact("Due", due));
        if (i.paidAt() != null) {
            row.add(fact("Paid", WHEN.format(i.paidAt()) + (i.paymentReference() == null ? "" : " " + i.paymentReference())));
        }
        if (i.decisionComment() != null && !i.decisionComment().isBlank()) {
            row.add(fact("Buyer", i.decisionComment()));
        }
        return row;
    }

    static Div section(Div parent, String title, String id) {
        H4 h = new H4(title);
        h.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs)");
        Div body = new Div();
        body.setId(id);
        parent.add(h, body);
        return body;
    }

    static Div row(String className) {
        Div row = new Div();
        row.addClassName(className);
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0 var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return row;
    }

    static Span fact(String label, String value) {
        return fact(label, new Span(value));
    }

    static Span fact(String label, Component value) {
        Span l = new Span(label + " ");
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return new Span(l, value);
    }

    static Span badge(String status) {
        Span s = new Span(status);
        String color = switch (status) {
            case "CLOSED", "RECEIVED", "CONFIRMED" -> "var(--lumo-success-color)";
            case "CANCELLED" -> "var(--lumo-error-color)";
            default -> "var(--lumo-primary-color)";
        };
        s.addClassName("po-status");
        s.getStyle().set("color", color).set("border", "1px solid " + color)
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0 var(--lumo-space-xs)")
                .set("font-size", "var(--lumo-font-size-s)");
        return s;
    }

    static String plain(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal amount, String currency) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(amount) + " " + currency;
    }
}
