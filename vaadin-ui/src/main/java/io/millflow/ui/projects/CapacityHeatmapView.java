package io.millflow.ui.projects;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.resources.Allocations;
import io.millflow.pms.resources.ResourceViews.HeatmapCell;
import io.millflow.pms.resources.ResourceViews.HeatmapRow;
import io.millflow.pms.resources.ResourceViews.HeatmapView;
import io.millflow.pms.resources.ResourceViews.TeamView;
import io.millflow.pms.resources.Teams;
import io.millflow.pms.resources.WeekCapacity;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Capacity heatmap: people × weeks, each cell allocated of capacity hours (after the site's holidays), green when
 * FREE, amber when FULL, red when OVER. Roles: MANAGER, DEPARTMENT_HEAD, ADMIN.
 */
@Route(value = "resources/capacity", layout = MainLayout.class)
@PageTitle("Capacity · Millflow")
@RolesAllowed({"MANAGER", "DEPARTMENT_HEAD", "ADMIN"})
public class CapacityHeatmapView extends VerticalLayout {

    private static final TeamView ALL = new TeamView(null, null, null, "All teams", null, 0, 0);

    private final Allocations allocations;
    private final DatePicker from = new DatePicker("From week of");
    private final Select<Integer> weeks = new Select<>();
    private final Select<TeamView> team = new Select<>();
    private final Grid<HeatmapRow> grid = new Grid<>(HeatmapRow.class, false);

    public CapacityHeatmapView(Allocations allocations, Teams teams) {
        this.allocations = allocations;
        from.setId("heatmap-from");
        from.setValue(WeekCapacity.monday(LocalDate.now()));
        weeks.setLabel("Weeks");
        weeks.setId("heatmap-weeks");
        weeks.setItems(4, 8, 12, 26);
        weeks.setValue(8);
        List<TeamView> choices = new ArrayList<>();
        choices.add(ALL);
        choices.addAll(teams.list(null));
        team.setLabel("Team");
        team.setId("heatmap-team");
        team.setItems(choices);
        team.setItemLabelGenerator(t -> t.departmentCode() == null ? t.name() : t.departmentCode() + " · " + t.name());
        team.setValue(ALL);
        from.addValueChangeListener(e -> refresh());
        weeks.addValueChangeListener(e -> refresh());
        team.addValueChangeListener(e -> refresh());
        grid.setId("heatmap-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setHeight("520px");
        HorizontalLayout filters = new HorizontalLayout(from, weeks, team);
        filters.getStyle().set("flex-wrap", "wrap");
        Span legend = new Span("FREE: below capacity · FULL: at capacity · OVER: above capacity (capacity after public "
                + "holidays of the person's site)");
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        add(new H3("Capacity"), filters, legend, grid);
        refresh();
    }

    private void refresh() {
        HeatmapView map;
        try {
            map = allocations.heatmap(from.getValue() == null ? LocalDate.now() : from.getValue(),
                    weeks.getValue() == null ? 8 : weeks.getValue(), team.getValue() == null ? null : team.getValue().id());
        } catch (RuntimeException e) {
            Problems.show(e);
            return;
        }
        grid.removeAllColumns();
        grid.addColumn(r -> r.username() + (r.teamName() == null ? "" : " · " + r.teamName())).setHeader("Person")
                .setAutoWidth(true).setFrozen(true);
        for (int i = 0; i < map.weeks().size(); i++) {
            int index = i;
            LocalDate monday = map.weeks().get(i);
            grid.addColumn(new ComponentRenderer<>(r -> cell(r.cells().get(index))))
                    .setHeader(monday.getDayOfMonth() + "/" + monday.getMonthValue()).setWidth("7em").setFlexGrow(0);
        }
        grid.setItems(map.rows());
    }

    private static Span cell(HeatmapCell c) {
        Span s = new Span(AllocationsView.plain(c.allocatedHours()) + "/" + AllocationsView.plain(c.capacityHours()));
        s.addClassName("heat-cell");
        s.getElement().setAttribute("data-load", c.load().name());
        s.getElement().setAttribute("title", c.load() + ": " + AllocationsView.plain(c.allocatedHours()) + " h allocated of "
                + AllocationsView.plain(c.capacityHours()) + " h capacity");
        String background = switch (c.load()) {
            case FREE -> "var(--lumo-success-color-10pct)";
            case FULL -> "hsla(40, 100%, 50%, 0.25)";
            case OVER -> "var(--lumo-error-color-50pct)";
        };
        s.getStyle().set("display", "block").set("text-align", "center").set("padding", "2px 4px")
                .set("border-radius", "var(--lumo-border-radius-s)").set("background", background);
        return s;
    }
}
