package io.millflow.ui.stock;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.ims.MasterDataViews.SiteView;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.ims.StockQueries;
import io.millflow.ims.StockQueries.StockFilter;
import io.millflow.ims.StockViews.StockPage;
import io.millflow.ims.StockViews.StockRow;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Stock overview: on hand, reserved, available and incoming per item, location and lot, filtered by site,
 * warehouse, location (with everything under it), item (SKU or name) and lot, with totals. Updates itself
 * when stock moves on any node. Roles: WAREHOUSE, BUYER, MANAGER, FINANCE, ADMIN.
 */
@Route(value = "stock", layout = MainLayout.class)
@PageTitle("Stock · Millflow")
@RolesAllowed({"WAREHOUSE", "BUYER", "MANAGER", "FINANCE", "ADMIN"})
public class StockOverviewView extends VerticalLayout implements BeforeEnterObserver {

    private final MasterData masterData;
    private final StockQueries queries;
    private final ComboBox<SiteView> site = new ComboBox<>("Site");
    private final ComboBox<WarehouseView> warehouse = new ComboBox<>("Warehouse");
    private final ComboBox<LocationView> location = new ComboBox<>("Location (and below)");
    private final TextField item = new TextField("Item (SKU or name)");
    private final TextField lot = new TextField("Lot");
    private final Grid<StockRow> grid = new Grid<>(StockRow.class, false);
    private final Span rows = new Span();
    private final Span onHand = new Span();
    private final Span reserved = new Span();
    private final Span available = new Span();
    private final Span incoming = new Span();
    private volatile StockFilter filter = new StockFilter(null, null, null, null, null, null, null, false);

    public StockOverviewView(MasterData masterData, StockQueries queries, LiveStock live) {
        this.masterData = masterData;
        this.queries = queries;
        setSizeFull();
        add(new H3("Stock"), filters(), totals(), new ExportMenu<>(grid, "stock")
                .column("Item", StockRow::sku).column("Name", StockRow::itemName)
                .column("Warehouse", StockRow::warehouseCode).column("Location", StockRow::locationCode)
                .column("Lot", StockRow::lot).column("Lot expiry", StockRow::lotExpiry).column("On hand", StockRow::onHand)
                .column("Reserved", StockRow::reserved).column("Available", StockRow::available)
                .column("Incoming", StockRow::incoming).column("Unit", StockRow::unit), grid());
        site.setItems(masterData.sites());
        warehouse.setItems(masterData.warehouses(null));
        live.follow(this, change -> true, this::refresh);
    }

    private FlexLayout filters() {
        site.setId("stock-site");
        site.setItemLabelGenerator(s -> s.code() + " · " + s.name());
        site.setClearButtonVisible(true);
        site.addValueChangeListener(e -> {
            warehouse.setItems(masterData.warehouses(e.getValue() == null ? null : e.getValue().id()));
            applyFilter();
        });
        warehouse.setId("stock-warehouse");
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        warehouse.setClearButtonVisible(true);
        warehouse.addValueChangeListener(e -> {
            location.clear();
            location.setItems(e.getValue() == null ? List.of() : Lookups.locations(masterData, e.getValue().id()));
            applyFilter();
        });
        location.setId("stock-location");
        location.setItemLabelGenerator(Lookups::label);
        location.setClearButtonVisible(true);
        location.setHelperText("Choose a warehouse first");
        location.addValueChangeListener(e -> applyFilter());
        item.setId("stock-item");
        item.setClearButtonVisible(true);
        item.setValueChangeMode(ValueChangeMode.LAZY);
        item.addValueChangeListener(e -> applyFilter());
        lot.setId("stock-lot");
        lot.setClearButtonVisible(true);
        lot.setValueChangeMode(ValueChangeMode.LAZY);
        lot.addValueChangeListener(e -> applyFilter());
        FlexLayout filters = new FlexLayout(site, warehouse, location, item, lot);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        filters.setWidthFull();
        return filters;
    }

    private Div totals() {
        rows.setId("stock-rows");
        onHand.setId("stock-total-on-hand");
        reserved.setId("stock-total-reserved");
        available.setId("stock-total-available");
        incoming.setId("stock-total-incoming");
        Div totals = new Div(rows, new Span(" · on hand "), onHand, new Span(" · reserved "), reserved,
                new Span(" · available "), available, new Span(" · incoming "), incoming);
        totals.setId("stock-totals");
        totals.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return totals;
    }

    private Grid<StockRow> grid() {
        grid.setId("stock-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<StockRow>of("<a href=\"stock/item/${item.itemId}\" class=\"item-link\">${item.sku}</a>")
                .withProperty("itemId", r -> r.itemId().toString()).withProperty("sku", StockRow::sku))
                .setHeader("Item").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(StockRow::itemName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(r -> r.warehouseCode() + " / " + r.locationCode()).setHeader("Location").setAutoWidth(true);
        grid.addColumn(r -> r.lot() == null ? "" : r.lot() + (r.lotExpiry() == null ? "" : " (exp. " + r.lotExpiry() + ")"))
                .setHeader("Lot").setAutoWidth(true);
        grid.addColumn(quantityRenderer("on-hand", StockRow::onHand)).setHeader("On hand")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(quantityRenderer("reserved", StockRow::reserved)).setHeader("Reserved")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(quantityRenderer("available", StockRow::available)).setHeader("Available")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(quantityRenderer("incoming", StockRow::incoming)).setHeader("Incoming")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(StockRow::unit).setHeader("Unit").setAutoWidth(true);
        grid.setItems(query -> queries.stock(filter, query.getPage(), query.getPageSize()).items().stream(),
                query -> (int) queries.stock(filter, 0, 1).total());
        grid.setSizeFull();
        return grid;
    }

    /** A quantity cell findable by tests and scripts: {@code span.<kind>[data-sku][data-location]}. */
    static LitRenderer<StockRow> quantityRenderer(String kind,
            java.util.function.Function<StockRow, java.math.BigDecimal> value) {
        return LitRenderer.<StockRow>of("<span class=\"" + kind + "\" data-sku=\"${item.sku}\" data-location=\"${item.location}\""
                + " data-lot=\"${item.lot}\">${item.value}</span>")
                .withProperty("sku", StockRow::sku)
                .withProperty("location", StockRow::locationCode)
                .withProperty("lot", r -> r.lot() == null ? "" : r.lot())
                .withProperty("value", r -> Lookups.quantity(value.apply(r)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        params.getSingleParameter("q").ifPresent(item::setValue);
        params.getSingleParameter("lot").ifPresent(lot::setValue);
        applyFilter();
    }

    private void applyFilter() {
        filter = new StockFilter(null, item.getValue(), site.getValue() == null ? null : site.getValue().id(),
                warehouse.getValue() == null ? null : warehouse.getValue().id(),
                location.getValue() == null ? null : location.getValue().id(), null, lot.getValue(), false);
        refresh();
    }

    /** Reads the grid and the totals again (also when stock moved). */
    void refresh() {
        StockPage page = queries.stock(filter, 0, 1);
        rows.setText(page.totalCapped() ? "more than " + page.total() + " rows"
                : page.total() + (page.total() == 1 ? " row" : " rows"));
        // broad filters mix items and units: their sums mean nothing and are not computed
        boolean sums = page.totals() != null;
        onHand.setText(sums ? Lookups.quantity(page.totals().onHand()) : "–");
        reserved.setText(sums ? Lookups.quantity(page.totals().reserved()) : "–");
        available.setText(sums ? Lookups.quantity(page.totals().available()) : "–");
        incoming.setText(sums ? Lookups.quantity(page.totals().incoming()) : "–");
        grid.getDataProvider().refreshAll();
    }
}
