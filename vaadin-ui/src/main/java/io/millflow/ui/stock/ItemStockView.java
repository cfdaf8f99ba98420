package io.millflow.ui.stock;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.select.Select;
import io.millflow.ims.DemandForecasts;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.ims.ReplenishmentViews.ForecastView;
import io.millflow.ui.components.DemandChart;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.Reservations;
import io.millflow.ims.ReservationViews.ReservationView;
import io.millflow.ims.StockQueries;
import io.millflow.ims.StockQueries.MoveFilter;
import io.millflow.ims.StockQueries.StockFilter;
import io.millflow.ims.StockViews.MoveView;
import io.millflow.ims.StockViews.StockPage;
import io.millflow.ims.StockViews.StockPoint;
import io.millflow.ims.StockViews.StockRow;
import io.millflow.ims.StockViews.ValuationView;
import io.millflow.shared.ProblemException;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.ui.components.StockChart;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One item: where it is (per location and lot), its value per site, its stock over time, its latest moves and
 * its reservations. Updates itself when the item's stock moves on any node.
 * Roles: WAREHOUSE, BUYER, MANAGER, FINANCE, ADMIN.
 */
@Route(value = "stock/item/:id", layout = MainLayout.class)
@PageTitle("Item stock · Millflow")
@RolesAllowed({"WAREHOUSE", "BUYER", "MANAGER", "FINANCE", "ADMIN"})
public class ItemStockView extends VerticalLayout implements BeforeEnterObserver {

    static final int MOVES_SHOWN = 100;
    static final int RESERVATIONS_SHOWN = 100;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final MasterData masterData;
    private final StockQueries queries;
    private final Reservations reservations;
    private final Clock clock;
    private final H3 title = new H3();
    private final Paragraph facts = new Paragraph();
    private final Span onHand = new Span();
    private final Span reserved = new Span();
    private final Span available = new Span();
    private final Grid<StockRow> locations = new Grid<>(StockRow.class, false);
    private final Grid<ValuationView> valuation = new Grid<>(ValuationView.class, false);
    private final StockChart chart = new StockChart();
    private final Grid<MoveView> moves = new Grid<>(MoveView.class, false);
    private final Grid<ReservationView> reservationGrid = new Grid<>(ReservationView.class, false);
    private final DemandForecasts forecasts;
    private final Select<WarehouseView> demandWarehouse = new Select<>();
    private final Paragraph demandFacts = new Paragraph();
    private final DemandChart demandChart = new DemandChart();
    private final Div content = new Div();
    private volatile UUID itemId;
    private ItemView item;

    public ItemStockView(MasterData masterData, StockQueries queries, Reservations reservations, LiveStock live,
            DemandForecasts forecasts, Clock clock) {
        this.masterData = masterData;
        this.forecasts = forecasts;
        this.queries = queries;
        this.reservations = reservations;
        this.clock = clock;
        title.setId("item-title");
        facts.setId("item-facts");
        onHand.setId("item-on-hand");
        reserved.setId("item-reserved");
        available.setId("item-available");
        Div totals = new Div(new Span("On hand "), onHand, new Span(" · reserved "), reserved,
                new Span(" · available "), available);
        totals.setId("item-totals");
        content.setWidthFull();
        content.add(totals, section("Where it is", locationsGrid()), section("Value per site", valuationGrid()),
                section("Stock over time", chart()), section("Demand, forecast and reorder point", demand()),
                section("Latest moves", new Div(new ExportMenu<MoveView>("item-moves", (page, size) -> itemId == null
                        ? List.of() : queries.moves(new MoveFilter(itemId, null, null, null, null, null, null), page, size)
                                .items())
                        .column("Posted", MoveView::postedAt).column("Posting date", MoveView::postingDate)
                        .column("Document", MoveView::documentNumber).column("Type", MoveView::movementType)
                        .column("Item", MoveView::sku).column("From", MoveView::fromLocationCode)
                        .column("To", MoveView::toLocationCode).column("Lot", MoveView::lot)
                        .column("Serials", m -> String.join("|", m.serials())).column("Quantity", MoveView::quantity)
                        .column("Value", MoveView::value), movesGrid())),
                section("Reservations", reservationsGrid()));
        add(title, facts, content);
        live.follow(this, change -> itemId != null && change.touchesItem(itemId), this::refresh);
    }

    private static Div section(String heading, Component body) {
        Div section = new Div(new H4(heading), body);
        section.setWidthFull();
        section.getStyle().set("margin-top", "var(--lumo-space-m)");
        return section;
    }

    private Grid<StockRow> locationsGrid() {
        locations.setId("item-locations");
        locations.addThemeVariants(GridVariant.LUMO_COMPACT);
        locations.addColumn(r -> r.siteCode() + " / " + r.warehouseCode()).setHeader("Site / warehouse").setAutoWidth(true);
        locations.addColumn(StockRow::locationCode).setHeader("Location").setAutoWidth(true);
        locations.addColumn(r -> r.lot() == null ? "" : r.lot()).setHeader("Lot").setAutoWidth(true);
        locations.addColumn(r -> r.lotExpiry() == null ? "" : r.lotExpiry().toString()).setHeader("Expiry")
                .setAutoWidth(true);
        locations.addColumn(StockOverviewView.quantityRenderer("on-hand", StockRow::onHand)).setHeader("On hand")
                .setTextAlign(ColumnTextAlign.END);
        locations.addColumn(StockOverviewView.quantityRenderer("reserved", StockRow::reserved)).setHeader("Reserved")
                .setTextAlign(ColumnTextAlign.END);
        locations.addColumn(StockOverviewView.quantityRenderer("available", StockRow::available)).setHeader("Available")
                .setTextAlign(ColumnTextAlign.END);
        locations.addColumn(StockOverviewView.quantityRenderer("incoming", StockRow::incoming)).setHeader("Incoming")
                .setTextAlign(ColumnTextAlign.END);
        locations.setAllRowsVisible(true);
        return locations;
    }

    private Grid<ValuationView> valuationGrid() {
        valuation.setId("item-valuation");
        valuation.addThemeVariants(GridVariant.LUMO_COMPACT);
        valuation.addColumn(ValuationView::siteCode).setHeader("Site");
        valuation.addColumn(v -> Lookups.quantity(v.quantity())).setHeader("Quantity").setTextAlign(ColumnTextAlign.END);
        valuation.addColumn(v -> Lookups.money(v.value())).setHeader("Value").setTextAlign(ColumnTextAlign.END);
        valuation.addColumn(v -> Lookups.money(v.averageUnitCost())).setHeader("Average unit cost")
                .setTextAlign(ColumnTextAlign.END);
        valuation.setAllRowsVisible(true);
        return valuation;
    }

    private StockChart chart() {
        chart.setId("item-history");
        chart.setWidthFull();
        chart.setHeight("280px");
        return chart;
    }

    private Div demand() {
        demandWarehouse.setId("demand-warehouse");
        demandWarehouse.setLabel("Warehouse");
        demandWarehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        demandWarehouse.addValueChangeListener(e -> showDemand());
        demandFacts.setId("demand-facts");
        demandChart.setId("item-demand");
        demandChart.setWidthFull();
        demandChart.setHeight("300px");
        Div box = new Div(demandWarehouse, demandFacts, demandChart);
        box.setWidthFull();
        return box;
    }

    /** The forecast of the chosen warehouse as a replenishment run would make it now. */
    private void showDemand() {
        WarehouseView w = demandWarehouse.getValue();
        if (itemId == null || w == null) {
            return;
        }
        try {
            ForecastView f = forecasts.forecast(itemId, w.id(), 365);
            demandFacts.setText((f.ruleId() == null ? "No reorder rule (shown: forecast-driven at 95 %)"
                    : "Rule " + f.ruleType()) + " · " + f.demandClass().toLowerCase() + " demand, method " + f.method()
                    + " · " + String.format(java.util.Locale.ROOT, "%.2f", f.forecastPerDay()) + " " + item.baseUnit()
                    + "/day · lead time " + f.leadTimeDays() + " d · reorder point "
                    + String.format(java.util.Locale.ROOT, "%.1f", f.reorderPoint()) + " · safety stock "
                    + String.format(java.util.Locale.ROOT, "%.1f", f.safetyStock()) + " · inventory position "
                    + String.format(java.util.Locale.ROOT, "%.1f", f.inventoryPosition()));
            demandChart.show(f, item.baseUnit());
        } catch (ProblemException e) {
            demandFacts.setText(Problems.message(e));
        }
    }

    private Grid<MoveView> movesGrid() {
        moves.setId("item-moves");
        moves.addThemeVariants(GridVariant.LUMO_COMPACT);
        moves.addColumn(m -> WHEN.format(m.postedAt())).setHeader("Posted").setAutoWidth(true);
        moves.addColumn(MoveView::documentNumber).setHeader("Document").setAutoWidth(true);
        moves.addColumn(MoveView::movementType).setHeader("Type").setAutoWidth(true);
        moves.addColumn(m -> m.fromLocationCode() + " → " + m.toLocationCode()).setHeader("From → to").setAutoWidth(true);
        moves.addColumn(m -> m.lot() == null ? "" : m.lot()).setHeader("Lot").setAutoWidth(true);
        moves.addColumn(m -> String.join(", ", m.serials())).setHeader("Serials");
        moves.addColumn(m -> Lookups.quantity(m.quantity())).setHeader("Quantity").setTextAlign(ColumnTextAlign.END);
        moves.addColumn(m -> Lookups.money(m.value())).setHeader("Value").setTextAlign(ColumnTextAlign.END);
        moves.setHeight("320px");
        return moves;
    }

    private Grid<ReservationView> reservationsGrid() {
        reservationGrid.setId("item-reservations");
        reservationGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        reservationGrid.addColumn(ReservationView::number).setHeader("Reservation").setAutoWidth(true);
        reservationGrid.addColumn(ReservationView::status).setHeader("Status").setAutoWidth(true);
        reservationGrid.addColumn(r -> r.purposeType() + " " + r.purposeRef()).setHeader("For").setAutoWidth(true);
        reservationGrid.addColumn(r -> r.lot() == null ? "" : r.lot()).setHeader("Lot");
        reservationGrid.addColumn(r -> Lookups.quantity(r.quantity())).setHeader("Reserved")
                .setTextAlign(ColumnTextAlign.END);
        reservationGrid.addColumn(r -> Lookups.quantity(r.openQuantity())).setHeader("Open")
                .setTextAlign(ColumnTextAlign.END);
        reservationGrid.addColumn(r -> r.neededBy() == null ? "" : r.neededBy().toString()).setHeader("Needed by");
        reservationGrid.setAllRowsVisible(true);
        return reservationGrid;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("id").orElse("");
        try {
            item = masterData.item(UUID.fromString(id));
        } catch (IllegalArgumentException | ProblemException e) {
            itemId = null;
            title.setText("No such item");
            facts.setText(e instanceof ProblemException p ? Problems.message(p) : "Not an item id: " + id);
            content.setVisible(false);
            return;
        }
        itemId = item.id();
        title.setText(item.sku() + " · " + item.name());
        facts.setText("Unit " + item.baseUnit() + " · tracking " + item.tracking() + " · ABC class " + item.abcClass()
                + (item.category() == null ? "" : " · " + item.category()) + (item.active() ? "" : " · INACTIVE"));
        content.setVisible(true);
        refresh();
    }

    /** Reads every section again (also when the item's stock moved). */
    void refresh() {
        if (itemId == null) {
            return;
        }
        StockPage stock = queries.stock(new StockFilter(itemId, null, null, null, null, null, null, false), 0, 500);
        onHand.setText(Lookups.quantity(stock.totals().onHand()) + " " + item.baseUnit());
        reserved.setText(Lookups.quantity(stock.totals().reserved()));
        available.setText(Lookups.quantity(stock.totals().available()));
        locations.setItems(stock.items());
        valuation.setItems(queries.valuation(itemId));
        chart.show(forChart(queries.history(itemId, null, null)), item.baseUnit());
        moves.setItems(queries.moves(new MoveFilter(itemId, null, null, null, null, null, null), 0, MOVES_SHOWN).items());
        reservationGrid.setItems(reservations.list(itemId, null, null, null, 0, RESERVATIONS_SHOWN).items());
        if (demandWarehouse.getValue() == null) {
            List<WarehouseView> all = masterData.warehouses(null);
            demandWarehouse.setItems(all);
            // the first warehouse that holds the item, else the first one
            UUID holding = stock.items().isEmpty() ? null : stock.items().get(0).warehouseId();
            all.stream().filter(w -> w.id().equals(holding)).findFirst()
                    .or(() -> all.stream().findFirst()).ifPresent(demandWarehouse::setValue);
        } else {
            showDemand();
        }
    }

    /**
     * The whole history (it starts with the first move) framed for the chart: nothing on hand the day before the
     * first move, and the last quantity still on hand today.
     */
    private List<StockPoint> forChart(List<StockPoint> history) {
        List<StockPoint> points = new ArrayList<>(history);
        if (points.isEmpty()) {
            return points;
        }
        points.add(0, new StockPoint(points.get(0).day().minusDays(1), BigDecimal.ZERO));
        LocalDate today = LocalDate.now(clock);
        StockPoint last = points.get(points.size() - 1);
        if (last.day().isBefore(today)) {
            points.add(new StockPoint(today, last.onHand()));
        }
        return points;
    }
}
