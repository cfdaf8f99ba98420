package io.millflow.ui.replenishment;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.ims.ReorderRules;
import io.millflow.ims.ReplenishmentViews.ReorderRuleCommand;
import io.millflow.ims.ReplenishmentViews.ReorderRuleView;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.shared.PageView;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import org.springframework.data.domain.Sort;

/**
 * Reorder rules per item and warehouse: a list (search by SKU or name) and, for BUYER and ADMIN, an editor for
 * fixed min/max or forecast-driven rules. Roles: WAREHOUSE, BUYER, MANAGER, FINANCE, ADMIN read.
 */
@Route(value = "replenishment/rules", layout = MainLayout.class)
@PageTitle("Reorder rules · Millflow")
@RolesAllowed({"WAREHOUSE", "BUYER", "MANAGER", "FINANCE", "ADMIN"})
public class ReorderRulesView extends VerticalLayout {

    private final ReorderRules rules;
    private final MasterData masterData;
    private final Grid<ReorderRuleView> grid = new Grid<>(ReorderRuleView.class, false);
    private final TextField search = new TextField();
    private final ComboBox<ItemView> item = new ComboBox<>("Item");
    private final Select<WarehouseView> warehouse = new Select<>();
    private final Select<String> type = new Select<>();
    private final BigDecimalField min = new BigDecimalField("Min");
    private final BigDecimalField max = new BigDecimalField("Max");
    private final BigDecimalField serviceLevel = new BigDecimalField("Service level %");
    private final IntegerField coverDays = new IntegerField("Cover days");
    private final IntegerField leadTime = new IntegerField("Lead time days (override)");
    private final BigDecimalField moq = new BigDecimalField("MOQ (override)");
    private final BigDecimalField pack = new BigDecimalField("Pack size (override)");
    private final Checkbox active = new Checkbox("Active", true);
    private ReorderRuleView editing;

    public ReorderRulesView(ReorderRules rules, MasterData masterData) {
        this.rules = rules;
        this.masterData = masterData;
        boolean mayEdit = CurrentUser.get().hasAnyRole(Roles.BUYER, Roles.ADMIN);
        search.setPlaceholder("SKU or name");
        search.setId("rule-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        grid.setId("rule-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> r.sku() + " · " + r.itemName()).setHeader("Item").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(ReorderRuleView::warehouseCode).setHeader("Warehouse").setAutoWidth(true);
        grid.addColumn(ReorderRuleView::type).setHeader("Type").setAutoWidth(true);
        grid.addColumn(r -> "FORECAST".equals(r.type()) ? r.serviceLevel() + " % · cover " + r.coverDays() + " d"
                : r.min() + " – " + r.max()).setHeader("Levels").setAutoWidth(true);
        grid.addColumn(r -> (r.leadTimeDays() == null ? "" : "lead " + r.leadTimeDays() + " d ")
                + (r.minimumOrderQuantity() == null ? "" : "MOQ " + r.minimumOrderQuantity() + " ")
                + (r.packSize() == null ? "" : "pack " + r.packSize())).setHeader("Overrides").setAutoWidth(true);
        grid.addColumn(r -> r.active() ? "" : "inactive").setHeader("");
        grid.setHeight("360px");
        add(new H3("Reorder rules"), search, new ExportMenu<>(grid, "reorder-rules")
                .column("Item", ReorderRuleView::sku).column("Name", ReorderRuleView::itemName)
                .column("Warehouse", ReorderRuleView::warehouseCode).column("Type", ReorderRuleView::type)
                .column("Min", ReorderRuleView::min).column("Max", ReorderRuleView::max)
                .column("Service level %", ReorderRuleView::serviceLevel).column("Cover days", ReorderRuleView::coverDays)
                .column("Lead time days", ReorderRuleView::leadTimeDays)
                .column("Minimum order quantity", ReorderRuleView::minimumOrderQuantity)
                .column("Pack size", ReorderRuleView::packSize).column("Unit", ReorderRuleView::baseUnit)
                .column("Active", ReorderRuleView::active), grid);
        if (mayEdit) {
            item.setId("rule-item");
            item.setItemLabelGenerator(i -> i.sku() + " · " + i.name());
            item.setItems(query -> masterData.items(query.getFilter().orElse(null), null, null, true,
                    PageView.request(query.getPage(), query.getPageSize(), Sort.by("sku"))).items().stream());
            warehouse.setLabel("Warehouse");
            warehouse.setId("rule-warehouse");
            warehouse.setItems(masterData.warehouses(null));
            warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
            type.setLabel("Type");
            type.setId("rule-type");
            type.setItems("FORECAST", "FIXED_MIN_MAX");
            type.setValue("FORECAST");
            type.addValueChangeListener(e -> showFields());
            serviceLevel.setValue(new BigDecimal("95"));
            coverDays.setValue(14);
            min.setId("rule-min");
            max.setId("rule-max");
            serviceLevel.setId("rule-service-level");
            FormLayout form = new FormLayout(item, warehouse, type, min, max, serviceLevel, coverDays, leadTime, moq, pack,
                    active);
            Button save = new Button("Save", e -> save());
            save.setId("save-rule");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button delete = new Button("Delete", e -> delete());
            delete.setId("delete-rule");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            Button clear = new Button("New rule", e -> edit(null));
            add(form, new HorizontalLayout(save, delete, clear));
            grid.addSelectionListener(e -> edit(e.getFirstSelectedItem().orElse(null)));
            showFields();
        }
        refresh();
    }

    private void showFields() {
        boolean fixed = "FIXED_MIN_MAX".equals(type.getValue());
        min.setVisible(fixed);
        max.setVisible(fixed);
        serviceLevel.setVisible(!fixed);
        coverDays.setVisible(!fixed);
    }

    private void edit(ReorderRuleView r) {
        editing = r;
        item.setEnabled(r == null);
        warehouse.setEnabled(r == null);
        if (r == null) {
            item.clear();
            warehouse.clear();
            return;
        }
        ItemView current = masterData.item(r.itemId());
        item.setItems(java.util.List.of(current));
        item.setValue(current);
        warehouse.getListDataView().getItems().filter(w -> w.id().equals(r.warehouseId())).findFirst()
                .ifPresent(warehouse::setValue);
        type.setValue(r.type());
        min.setValue(r.min());
        max.setValue(r.max());
        serviceLevel.setValue(r.serviceLevel());
        coverDays.setValue(r.coverDays());
        leadTime.setValue(r.leadTimeDays());
        moq.setValue(r.minimumOrderQuantity());
        pack.setValue(r.packSize());
        active.setValue(r.active());
    }

    private void save() {
        if (item.getValue() == null || warehouse.getValue() == null) {
            Notification.show("Choose an item and a warehouse", 3000, Notification.Position.TOP_CENTER);
            return;
        }
        boolean fixed = "FIXED_MIN_MAX".equals(type.getValue());
        ReorderRuleCommand cmd = new ReorderRuleCommand(item.getValue().id(), warehouse.getValue().id(), type.getValue(),
                fixed ? min.getValue() : null, fixed ? max.getValue() : null, fixed ? null : serviceLevel.getValue(),
                coverDays.getValue(), leadTime.getValue(), moq.getValue(), pack.getValue(), active.getValue(),
                editing == null ? null : editing.version());
        try {
            editing = editing == null ? rules.create(cmd) : rules.update(editing.id(), cmd);
            Notification.show("Saved", 2000, Notification.Position.TOP_CENTER);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void delete() {
        if (editing == null) {
            return;
        }
        try {
            rules.delete(editing.id());
            edit(null);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void refresh() {
        grid.setItems(rules.list(null, null, search.getValue(), 0, 500).items());
    }
}
