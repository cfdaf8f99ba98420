package io.millflow.ui.stock;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.millflow.ims.CycleCountViews.CountLineView;
import io.millflow.ims.CycleCountViews.CycleCountView;
import java.math.BigDecimal;

/**
 * The lines of a submitted cycle count: book, counted, difference and outcome per line, in rows that wrap on
 * a phone. Shown after counting and to the supervisor who approves differences in the inbox. Never used for an
 * OPEN count (counts are blind).
 */
public final class CountLinesPanel {

    private CountLinesPanel() {
    }

    public static Div of(CycleCountView count) {
        Div panel = new Div();
        panel.setId("count-lines");
        panel.addClassName("count-lines");
        panel.setWidthFull();
        Div facts = new Div(new Span(count.number() + " · " + count.status()
                + (count.countedBy() == null ? "" : " · counted by " + count.countedBy())
                + (count.decidedBy() == null ? "" : " · decided by " + count.decidedBy())
                + (count.decisionComment() == null || count.decisionComment().isBlank() ? ""
                        : " — \"" + count.decisionComment() + "\"")));
        facts.getStyle().set("margin-bottom", "var(--lumo-space-s)");
        panel.add(facts);
        for (CountLineView line : count.lines()) {
            panel.add(line(line));
        }
        return panel;
    }

    private static Div line(CountLineView line) {
        Div row = new Div();
        row.addClassName("count-result");
        row.getElement().setAttribute("data-line", String.valueOf(line.lineNo()));
        row.getElement().setAttribute("data-sku", line.sku());
        row.getElement().setAttribute("data-outcome", line.outcome() == null ? "" : line.outcome());
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0 var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Span what = new Span(line.lineNo() + ". " + line.locationCode() + " · " + line.sku() + " " + line.itemName()
                + (line.lot() == null ? "" : " · lot " + line.lot()));
        what.getStyle().set("flex", "1 1 100%").set("overflow-wrap", "anywhere");
        row.add(what, value("book", "Book", line.bookQuantity(), line.unit()),
                value("counted", "Counted", line.countedQuantity(), line.unit()),
                value("difference", "Difference", line.difference(), null), outcome(line));
        return row;
    }

    private static Span value(String kind, String label, BigDecimal quantity, String unit) {
        Span v = new Span(quantity == null ? "" : signed(kind, quantity) + (unit == null ? "" : " " + unit));
        v.addClassName(kind);
        Span l = new Span(label + " ");
        l.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span both = new Span(l, v);
        return both;
    }

    private static String signed(String kind, BigDecimal q) {
        String text = Lookups.quantity(q);
        return "difference".equals(kind) && q.signum() > 0 ? "+" + text : text;
    }

    private static Span outcome(CountLineView line) {
        String outcome = line.outcome() == null ? "" : line.outcome();
        Span s = new Span(outcome.replace('_', ' '));
        s.addClassName("outcome");
        String color = switch (outcome) {
            case "NEEDS_APPROVAL" -> "var(--lumo-error-text-color)";
            case "POSTED", "APPROVED" -> "var(--lumo-success-text-color)";
            default -> "var(--lumo-secondary-text-color)";
        };
        s.getStyle().set("color", color).set("font-weight", "600");
        return s;
    }
}
