package io.millflow.ui.projects;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.millflow.pms.TaskView;
import io.millflow.pms.material.MaterialRequestViews.LineView;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestView;
import io.millflow.pms.material.MaterialRequests;
import io.millflow.ui.Problems;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Materials tab of a project: its material requests (task, status, lines asked / reserved / issued, cost) and
 * the ledger value issued to the project. Requests are made from a task (task dialog, tab Materials).
 */
@org.springframework.stereotype.Component
public class MaterialsTab {

    private final MaterialRequests requests;

    MaterialsTab(MaterialRequests requests) {
        this.requests = requests;
    }

    void fill(Div target, io.millflow.pms.ProjectView project, List<TaskView> tasks) {
        target.removeAll();
        target.setId("project-materials");
        target.setWidthFull();
        Map<UUID, String> keys = new HashMap<>();
        tasks.forEach(t -> keys.put(t.id(), t.key() + " " + t.name()));
        try {
            List<MaterialRequestView> list = requests.list(project.id(), null, 0, 500).items();
            BigDecimal cost = requests.projectMaterialCost(project.id()).setScale(2, RoundingMode.HALF_UP);
            Span total = new Span(cost.toPlainString() + " EUR");
            total.setId("project-material-cost");
            total.getStyle().set("font-weight", "600");
            target.add(new Paragraph(new Span("Issued to the project at ledger value: "), total));
            if (list.isEmpty()) {
                target.add(new Paragraph("No material requests yet: open a task, tab Materials, to request some."));
                return;
            }
            Grid<MaterialRequestView> grid = new Grid<>(MaterialRequestView.class, false);
            grid.setId("project-material-requests");
            grid.addThemeVariants(GridVariant.LUMO_COMPACT);
            grid.addColumn(MaterialRequestView::number).setHeader("Request").setAutoWidth(true);
            grid.addColumn(r -> keys.getOrDefault(r.taskId(), "")).setHeader("Task").setAutoWidth(true);
            grid.addColumn(r -> r.status().name()).setHeader("Status").setAutoWidth(true);
            grid.addColumn(r -> r.lines().stream().map(MaterialsTab::line).collect(Collectors.joining("; ")))
                    .setHeader("Items: asked · reserved · issued").setFlexGrow(1);
            grid.addColumn(r -> r.neededBy() == null ? "" : r.neededBy().toString()).setHeader("Needed by").setAutoWidth(true);
            grid.addColumn(r -> r.issuedValue() == null ? "" : r.issuedValue().setScale(2, RoundingMode.HALF_UP).toPlainString())
                    .setHeader("Cost (EUR)").setAutoWidth(true);
            grid.setItems(list);
            grid.setAllRowsVisible(true);
            target.add(grid);
        } catch (RuntimeException e) {
            target.add(new Paragraph(Problems.message(e)));
        }
    }

    private static String line(LineView l) {
        return l.sku() + " " + plain(l.quantity()) + " · " + plain(l.reservedQuantity()) + " · "
                + plain(l.issuedQuantity()) + " " + (l.unit() == null ? "" : l.unit());
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}
