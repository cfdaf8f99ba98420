package io.millflow.ui.replenishment;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.millflow.ims.ReplenishmentRuns;
import io.millflow.ims.ReplenishmentViews.ProposalDecision;
import io.millflow.ims.ReplenishmentViews.ProposalView;
import io.millflow.ims.ReplenishmentViews.RunView;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.ui.Problems;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The proposals of a replenishment run, largest value first: position, reorder point, forecast, quantity,
 * value, decision and status. While the run is under review a buyer approves (with another quantity if need be)
 * or rejects each; completing the inbox task decides the rest. Used in the inbox and in the runs view.
 */
public final class ProposalsPanel {

    static final int SHOWN = 500;

    private ProposalsPanel() {
    }

    public static Div of(ReplenishmentRuns runs, UUID runId) {
        Div panel = new Div();
        panel.setId("replenishment-proposals");
        panel.setWidthFull();
        fill(panel, runs, runId);
        return panel;
    }

    private static void fill(Div panel, ReplenishmentRuns runs, UUID runId) {
        panel.removeAll();
        RunView run = runs.get(runId);
        List<ProposalView> proposals = runs.proposals(runId, null, null, 0, SHOWN).items();
        boolean mayDecide = "IN_REVIEW".equals(run.status())
                && CurrentUser.get().hasAnyRole(Roles.BUYER, Roles.ADMIN);
        Span facts = new Span(run.trigger() + " run of " + run.asOf() + " · " + run.status() + " · "
                + (run.pairs() == null ? "computing" : run.pairs() + " pairs, " + run.proposals() + " proposals ("
                        + run.autoProposals() + " automatic, " + run.reviewProposals() + " to review)"));
        facts.setId("run-facts");
        Grid<ProposalView> grid = new Grid<>(ProposalView.class, false);
        grid.setId("proposal-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(p -> p.sku() + " · " + p.itemName()).setHeader("Item").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(ProposalView::warehouseCode).setHeader("Warehouse").setAutoWidth(true);
        grid.addColumn(p -> q(p.inventoryPosition()) + " / " + q(p.reorderPoint())).setHeader("Position / reorder point")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> p.forecastMethod() == null ? "fixed min/max"
                : p.forecastMethod() + " · " + q(p.forecastPerDay()) + "/day").setHeader("Forecast").setAutoWidth(true);
        grid.addColumn(p -> q(p.quantity()) + " " + p.baseUnit()).setHeader("Quantity").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.addColumn(p -> p.valueEur() == null ? "no price" : p.valueEur().toPlainString() + " EUR").setHeader("Value")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(p -> p.decision() + " · " + p.status()
                + (p.requisitionNumber() == null ? "" : " · " + p.requisitionNumber())).setHeader("Status")
                .setAutoWidth(true);
        if (mayDecide) {
            grid.addComponentColumn(p -> actions(panel, runs, runId, p)).setHeader("Decide").setAutoWidth(true);
        }
        grid.setItems(proposals);
        grid.setAllRowsVisible(proposals.size() <= 20);
        if (proposals.size() > 20) {
            grid.setHeight("480px");
        }
        panel.add(facts, new ExportMenu<>(grid, "proposals").column("Item", ProposalView::sku)
                .column("Name", ProposalView::itemName).column("Warehouse", ProposalView::warehouseCode)
                .column("Rule", ProposalView::ruleType).column("On hand", ProposalView::onHand)
                .column("Inventory position", ProposalView::inventoryPosition)
                .column("Reorder point", ProposalView::reorderPoint).column("Order up to", ProposalView::orderUpTo)
                .column("Forecast per day", ProposalView::forecastPerDay).column("Quantity", ProposalView::quantity)
                .column("Unit", ProposalView::baseUnit).column("Supplier", ProposalView::supplierName)
                .column("Unit price", ProposalView::unitPrice).column("Currency", ProposalView::currency)
                .column("Value EUR", ProposalView::valueEur).column("Decision", ProposalView::decision)
                .column("Status", ProposalView::status), grid);
    }

    private static HorizontalLayout actions(Div panel, ReplenishmentRuns runs, UUID runId, ProposalView p) {
        HorizontalLayout row = new HorizontalLayout();
        if (!"REVIEW".equals(p.decision()) || "ORDERED".equals(p.status())) {
            return row;
        }
        BigDecimalField quantity = new BigDecimalField();
        quantity.setValue(p.quantity());
        quantity.setWidth("7em");
        quantity.getElement().setAttribute("data-sku", p.sku());
        quantity.addClassName("proposal-quantity");
        Button approve = new Button("Approve", e -> decide(panel, runs, runId, p, "APPROVE", quantity.getValue()));
        approve.addClassName("approve-proposal");
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button("Reject", e -> decide(panel, runs, runId, p, "REJECT", null));
        reject.addClassName("reject-proposal");
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        row.add(quantity, approve, reject);
        return row;
    }

    private static void decide(Div panel, ReplenishmentRuns runs, UUID runId, ProposalView p, String action,
            BigDecimal quantity) {
        try {
            runs.decideProposal(p.id(), new ProposalDecision(action, quantity, null));
            fill(panel, runs, runId);
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    static String q(BigDecimal d) {
        return d == null ? "" : d.setScale(Math.min(Math.max(d.scale(), 0), 1), java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }
}
