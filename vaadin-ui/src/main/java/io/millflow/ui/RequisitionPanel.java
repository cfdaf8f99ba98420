package io.millflow.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.millflow.procurement.RequisitionView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A requisition's facts and approval trail, shown in the inbox and in "My requisitions". */
final class RequisitionPanel {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private RequisitionPanel() {
    }

    static Div of(RequisitionView r) {
        Div panel = new Div();
        panel.addClassName("requisition-panel");
        panel.add(line("Requested by", r.requester()));
        if (r.lines() == null || r.lines().size() <= 1) {
            panel.add(line("Quantity × unit price", r.quantity().stripTrailingZeros().toPlainString() + " × "
                    + money(r.unitPrice(), r.currency())));
        } else {
            Div lines = new Div();
            lines.addClassName("requisition-lines");
            for (RequisitionView.Line l : r.lines()) {
                lines.add(new Div(new Span(l.lineNo() + ". " + l.description() + ": "
                        + l.quantity().stripTrailingZeros().toPlainString() + " " + l.unit() + " × "
                        + money(l.unitPrice(), l.currency()) + " = " + money(l.lineAmount(), l.currency())
                        + (l.supplierCode() == null ? "" : " · " + l.supplierCode()))));
            }
            panel.add(line("Lines", ""), lines);
        }
        panel.add(line("Total", money(r.totalAmount(), r.currency())
                + (r.currency().equals("EUR") ? "" : " (" + money(r.totalAmountEur(), "EUR") + ")")));
        panel.add(line("Needed by", r.neededBy().toString()));
        panel.add(line("Cost centre", r.costCentre()));
        panel.add(line("Justification", r.justification()));
        if (r.purchaseOrderNumber() != null) {
            Div po = line(r.purchaseOrderNumbers().size() > 1 ? "Purchase orders" : "Purchase order",
                    r.purchaseOrderNumbers().isEmpty() ? r.purchaseOrderNumber()
                            : String.join(", ", r.purchaseOrderNumbers()));
            po.setId("po-number-" + r.number());
            panel.add(po);
        }
        if (r.rejectionReason() != null) {
            panel.add(line("Rejected because", r.rejectionReason()));
        }
        Div trail = new Div();
        trail.addClassName("approval-trail");
        for (RequisitionView.Approval a : r.approvals()) {
            String text = a.level() + ". " + a.role() + ": " + a.decision()
                    + (a.decidedBy() == null ? "" : " by " + a.decidedBy())
                    + (a.decidedAt() == null ? "" : " on " + WHEN.format(a.decidedAt()))
                    + (a.comment() == null || a.comment().isBlank() ? "" : " — \"" + a.comment() + "\"")
                    + (a.overdue() ? " (overdue)" : "");
            Div step = new Div(new Span(text));
            step.addClassName("approval-step");
            trail.add(step);
        }
        panel.add(line("Approvals", ""), trail);
        return panel;
    }

    static Span statusBadge(RequisitionView r) {
        Span status = new Span(r.status().name());
        String color = switch (r.status()) {
            case ORDERED -> "var(--lumo-success-color)";
            case REJECTED -> "var(--lumo-error-color)";
            default -> "var(--lumo-primary-color)";
        };
        status.getStyle().set("color", color).set("border", "1px solid " + color)
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "0 var(--lumo-space-xs)")
                .set("font-size", "var(--lumo-font-size-s)");
        status.addClassName("requisition-status");
        return status;
    }

    static String money(BigDecimal amount, String currency) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(amount) + " " + currency;
    }

    private static Div line(String label, String value) {
        Span l = new Span(label + ": ");
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Div d = new Div(l, new Span(value));
        d.getStyle().set("padding", "2px 0");
        return d;
    }
}
