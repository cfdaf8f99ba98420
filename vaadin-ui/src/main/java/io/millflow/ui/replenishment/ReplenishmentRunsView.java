package io.millflow.ui.replenishment;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.ReplenishmentRuns;
import io.millflow.ims.ReplenishmentViews.RunView;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Replenishment runs, newest first; a run's proposals below. BUYER and ADMIN start a run now (the nightly one
 * starts by itself) and decide proposals of a run under review. Roles: WAREHOUSE, BUYER, MANAGER, FINANCE, ADMIN.
 */
@Route(value = "replenishment/runs", layout = MainLayout.class)
@PageTitle("Replenishment runs · Millflow")
@RolesAllowed({"WAREHOUSE", "BUYER", "MANAGER", "FINANCE", "ADMIN"})
public class ReplenishmentRunsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ReplenishmentRuns runs;
    private final Grid<RunView> grid = new Grid<>(RunView.class, false);
    private final Div proposals = new Div();

    public ReplenishmentRunsView(ReplenishmentRuns runs) {
        this.runs = runs;
        Button start = new Button("Start replenishment run", e -> start());
        start.setId("start-run");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setVisible(CurrentUser.get().hasAnyRole(Roles.BUYER, Roles.ADMIN));
        Button reload = new Button("Refresh", e -> refresh());
        reload.setId("refresh-runs");
        grid.setId("run-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> WHEN.format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(r -> r.trigger() + " · " + r.startedBy()).setHeader("By").setAutoWidth(true);
        grid.addColumn(RunView::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.pairs() == null ? "" : String.valueOf(r.pairs())).setHeader("Pairs")
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(r -> r.proposals() == null ? "" : r.proposals() + " (" + r.autoProposals() + " auto)")
                .setHeader("Proposals").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(r -> r.durationMs() == null ? "" : String.format("%.1f s", r.durationMs() / 1000.0))
                .setHeader("Took").setTextAlign(ColumnTextAlign.END);
        grid.setHeight("260px");
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::show, proposals::removeAll));
        proposals.setWidthFull();
        setSizeFull();
        add(new H3("Replenishment runs"), new HorizontalLayout(start, reload, new ExportMenu<>(grid, "replenishment-runs")
                .column("Started", RunView::startedAt).column("Trigger", RunView::trigger)
                .column("By", RunView::startedBy).column("Status", RunView::status).column("Pairs", RunView::pairs)
                .column("Proposals", RunView::proposals).column("Automatic", RunView::autoProposals)
                .column("For review", RunView::reviewProposals).column("Duration ms", RunView::durationMs)),
                grid, proposals);
        refresh();
    }

    private void start() {
        try {
            RunView run = runs.startManual();
            Notification.show("Run started; it computes in the background", 3000, Notification.Position.TOP_CENTER);
            refresh();
            grid.select(run);
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void refresh() {
        grid.setItems(runs.list(null, 0, 100).items());
    }

    private void show(RunView run) {
        proposals.removeAll();
        proposals.add(ProposalsPanel.of(runs, run.id()));
    }
}
