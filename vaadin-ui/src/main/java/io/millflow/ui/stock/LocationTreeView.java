package io.millflow.ui.stock;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.LocationType;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.ims.StockQueries;
import io.millflow.ims.StockQueries.StockFilter;
import io.millflow.ims.StockViews.StockRow;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The locations of a warehouse as a tree (zones and aisles over bins) and what lies in the selected location
 * and below it. Updates itself when stock moves there on any node. Roles: WAREHOUSE, BUYER, MANAGER, FINANCE,
 * ADMIN.
 */
@Route(value = "stock/locations", layout = MainLayout.class)
@PageTitle("Locations · Millflow")
@RolesAllowed({"WAREHOUSE", "BUYER", "MANAGER", "FINANCE", "ADMIN"})
public class LocationTreeView extends VerticalLayout implements BeforeEnterObserver {

    static final int BIN_ROWS = 500;

    private final MasterData masterData;
    private final StockQueries queries;
    private final ComboBox<WarehouseView> warehouse = new ComboBox<>("Warehouse");
    private final TreeGrid<LocationView> tree = new TreeGrid<>();
    private final H4 binTitle = new H4("Choose a location");
    private final Grid<StockRow> bin = new Grid<>(StockRow.class, false);
    private final Map<UUID, List<LocationView>> children = new HashMap<>();
    private volatile Set<UUID> shown = Set.of();
    private LocationView selected;

    public LocationTreeView(MasterData masterData, StockQueries queries, LiveStock live) {
        this.masterData = masterData;
        this.queries = queries;
        setSizeFull();
        warehouse.setId("locations-warehouse");
        warehouse.setWidth("22em");
        warehouse.getStyle().set("max-width", "100%");
        warehouse.setItems(masterData.warehouses(null));
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        warehouse.addValueChangeListener(e -> loadTree(e.getValue()));
        tree.setId("location-tree");
        tree.addThemeVariants(GridVariant.LUMO_COMPACT);
        tree.addHierarchyColumn(LocationView::code).setHeader("Location").setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(LocationView::name).setHeader("Name");
        tree.addColumn(l -> l.type().name() + (l.active() ? "" : " (inactive)")).setHeader("Type").setAutoWidth(true);
        tree.setClassNameGenerator(l -> "location-" + l.code());
        tree.asSingleSelect().addValueChangeListener(e -> select(e.getValue()));
        tree.setHeight("480px");
        binTitle.setId("bin-title");
        binGrid();
        Div treeBox = new Div(tree);
        treeBox.getStyle().set("flex", "1 1 360px").set("min-width", "280px");
        Div binBox = new Div(binTitle, bin);
        binBox.getStyle().set("flex", "2 1 420px").set("min-width", "280px").set("max-width", "100%");
        FlexLayout content = new FlexLayout(treeBox, binBox);
        content.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        content.getStyle().set("gap", "var(--lumo-space-l)");
        content.setWidthFull();
        ExportMenu<LocationView> export = new ExportMenu<LocationView>("locations", (page, size) -> warehouse.isEmpty()
                ? List.of() : masterData.locations(warehouse.getValue().id(), null, null, false, null,
                        io.millflow.shared.PageView.request(page, size, org.springframework.data.domain.Sort.by("path")))
                        .items())
                .column("Warehouse", l -> warehouse.getValue().code()).column("Code", LocationView::code)
                .column("Name", LocationView::name).column("Type", LocationView::type)
                .column("Active", LocationView::active);
        add(new H3("Locations"), new HorizontalLayout(warehouse, export), content);
        live.follow(this, change -> change.touchesAnyLocation(shown), this::refreshBin);
    }

    private void binGrid() {
        bin.setId("bin-grid");
        bin.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        bin.addColumn(com.vaadin.flow.data.renderer.LitRenderer
                .<StockRow>of("<a href=\"stock/item/${item.itemId}\" class=\"item-link\">${item.sku}</a>")
                .withProperty("itemId", r -> r.itemId().toString()).withProperty("sku", StockRow::sku))
                .setHeader("Item").setAutoWidth(true);
        bin.addColumn(StockOverviewView.quantityRenderer("on-hand", StockRow::onHand)).setHeader("On hand")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        bin.addColumn(StockOverviewView.quantityRenderer("available", StockRow::available)).setHeader("Available")
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        bin.addColumn(StockRow::unit).setHeader("Unit").setAutoWidth(true);
        bin.addColumn(r -> r.lot() == null ? "" : r.lot()).setHeader("Lot").setAutoWidth(true);
        bin.addColumn(StockRow::locationCode).setHeader("Location").setAutoWidth(true);
        bin.addColumn(StockRow::itemName).setHeader("Name");
        bin.setHeight("480px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("warehouse").ifPresent(code -> masterData
                .warehouses(null).stream().filter(w -> w.code().equals(code) || w.id().toString().equals(code))
                .findFirst().ifPresent(warehouse::setValue));
    }

    private void loadTree(WarehouseView w) {
        children.clear();
        TreeData<LocationView> data = new TreeData<>();
        if (w != null) {
            List<LocationView> all = Lookups.locations(masterData, w.id());
            Map<UUID, LocationView> byId = new HashMap<>();
            all.forEach(l -> byId.put(l.id(), l));
            // parents (shorter paths) before their children; siblings by code
            all.sort(Comparator.comparingLong((LocationView l) -> l.path().chars().filter(c -> c == '/').count())
                    .thenComparing(LocationView::code));
            for (LocationView l : all) {
                LocationView parent = l.parentId() == null ? null : byId.get(l.parentId());
                data.addItem(parent, l);
                children.computeIfAbsent(parent == null ? null : parent.id(), k -> new java.util.ArrayList<>()).add(l);
            }
        }
        tree.setTreeData(data);
        tree.expandRecursively(data.getRootItems(), Integer.MAX_VALUE);
        select(null);
    }

    private void select(LocationView location) {
        selected = location;
        if (location == null) {
            shown = Set.of();
            binTitle.setText("Choose a location");
            bin.setItems(List.of());
            return;
        }
        Set<UUID> subtree = new HashSet<>();
        collect(location, subtree);
        shown = Set.copyOf(subtree);
        binTitle.setText(location.code() + " · " + location.name()
                + (location.type() == LocationType.VIEW ? " (and below)" : ""));
        refreshBin();
    }

    private void collect(LocationView l, Set<UUID> into) {
        into.add(l.id());
        children.getOrDefault(l.id(), List.of()).forEach(c -> collect(c, into));
    }

    /** Reads the selected location's contents again (also when stock moved there). */
    void refreshBin() {
        if (selected == null) {
            return;
        }
        boolean subtree = selected.type() == LocationType.VIEW;
        StockFilter filter = new StockFilter(null, null, null, null, subtree ? selected.id() : null,
                subtree ? null : selected.id(), null, false);
        bin.setItems(queries.stock(filter, 0, BIN_ROWS).items());
    }
}
