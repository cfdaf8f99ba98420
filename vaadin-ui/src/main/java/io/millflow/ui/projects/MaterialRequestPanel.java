package io.millflow.ui.projects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.pms.material.MaterialRequestStatus;
import io.millflow.pms.material.MaterialRequestViews.LineCommand;
import io.millflow.pms.material.MaterialRequestViews.LineView;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestCommand;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestView;
import io.millflow.pms.material.MaterialRequests;
import io.millflow.shared.PageView;
import io.millflow.ui.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;

/**
 * The materials of one task, for the task dialog: its material requests (status, requested / reserved / issued
 * quantities, the requisition of a shortfall, the ledger value issued) with a cancel button, the total issued to the
 * task, and a form to request an item from a warehouse. What the user may do is checked by {@link MaterialRequests}
 * (members who may change the project request and cancel).
 */
public class MaterialRequestPanel extends VerticalLayout {

    private final UUID taskId;
    private final MaterialRequests requests;
    private final Grid<MaterialRequestView> grid = new Grid<>(MaterialRequestView.class, false);
    private final Span total = new Span();
    private final ComboBox<WarehouseView> warehouse = new ComboBox<>("Warehouse");
    private final ComboBox<ItemView> item = new ComboBox<>("Item");
    private final BigDecimalField quantity = new BigDecimalField("Quantity");
    private final DatePicker neededBy = new DatePicker("Needed by");

    public MaterialRequestPanel(UUID taskId, MaterialRequests requests, MasterData masterData) {
        this.taskId = taskId;
        this.requests = requests;
        setPadding(false);
        setId("material-request-panel");
        grid.setId("material-requests");
        grid.setAllRowsVisible(true);
        grid.addColumn(MaterialRequestView::number).setHeader("Request").setAutoWidth(true);
        grid.addColumn(r -> r.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.lines().stream().map(MaterialRequestPanel::line).collect(Collectors.joining("; ")))
                .setHeader("Items: asked · reserved · issued").setFlexGrow(1);
        grid.addColumn(r -> r.requisitionNumber() == null ? "" : r.requisitionNumber()).setHeader("Requisition")
                .setAutoWidth(true);
        grid.addColumn(r -> money(r.issuedValue())).setHeader("Cost (EUR)").setAutoWidth(true);
        grid.addComponentColumn(this::cancelButton).setHeader("").setAutoWidth(true);
        total.setId("material-cost");

        warehouse.setId("material-warehouse");
        item.setId("material-item");
        quantity.setId("material-quantity");
        neededBy.setId("material-needed-by");
        neededBy.setMin(LocalDate.now());
        neededBy.setValue(LocalDate.now().plusWeeks(1));
        try {
            List<WarehouseView> warehouses = masterData.warehouses(null).stream().filter(WarehouseView::active).toList();
            warehouse.setItems(warehouses);
            if (!warehouses.isEmpty()) {
                warehouse.setValue(warehouses.get(0));
            }
            item.setItems(masterData.items(null, null, null, true,
                    PageView.request(0, PageView.MAX_SIZE, Sort.by("sku"))).items());
        } catch (RuntimeException e) {
            warehouse.setEnabled(false);
            item.setEnabled(false);
            warehouse.setHelperText(Problems.message(e));
        }
        warehouse.setItemLabelGenerator(w -> w.code() + " · " + w.name());
        item.setItemLabelGenerator(i -> i.sku() + " · " + i.name() + " (" + i.baseUnit() + ")");
        Button request = new Button("Request materials", e -> request());
        request.setId("request-materials");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(warehouse, item, quantity, neededBy, request);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("flex-wrap", "wrap");
        add(new H4("Materials"), grid, total, form);
        refresh();
    }

    /** Reads the task's requests again (e.g. on a MATERIAL project event). */
    public void refresh() {
        try {
            List<MaterialRequestView> found = requests.ofTask(taskId);
            grid.setItems(found);
            BigDecimal issued = found.stream().map(MaterialRequestView::issuedValue).filter(v -> v != null)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            total.setText("Materials issued to this task: " + money(issued) + " EUR (ledger value)");
        } catch (RuntimeException e) {
            grid.setItems(List.of());
            total.setText(Problems.message(e));
        }
    }

    private void request() {
        try {
            MaterialRequestView created = requests.create(taskId, new MaterialRequestCommand(taskId,
                    warehouse.getValue() == null ? null : warehouse.getValue().id(), neededBy.getValue(), null,
                    List.of(new LineCommand(item.getValue() == null ? null : item.getValue().id(), quantity.getValue()))));
            Notification n = Notification.show("Material request " + created.number() + " sent", 3000,
                    Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            quantity.clear();
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private Button cancelButton(MaterialRequestView r) {
        Button cancel = new Button("Cancel", e -> {
            try {
                requests.cancel(r.id());
                refresh();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        cancel.setId("cancel-material-" + r.number());
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.setVisible(r.status() != MaterialRequestStatus.ISSUED && r.status() != MaterialRequestStatus.CANCELLED);
        return cancel;
    }

    private static String line(LineView l) {
        return l.sku() + " " + l.quantity().toPlainString() + " · " + l.reservedQuantity().toPlainString() + " · "
                + l.issuedQuantity().toPlainString() + " " + l.unit();
    }

    private static String money(BigDecimal v) {
        return v == null ? "0.00" : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
