package io.millflow.ui.projects;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.ProjectStatus;
import io.millflow.pms.Projects;
import io.millflow.pms.ProjectSummary;
import io.millflow.pms.analytics.ProjectDashboard;
import io.millflow.pms.analytics.ProjectDashboard.Overview;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Projects the signed-in person may see, with a dashboard on top (projects by status, overdue tasks, my projects
 * and tasks), filtered by status, code or name, and "only mine". A row opens the project. Live: follows project
 * changes on every node. Roles: every internal role (members see only their projects).
 */
@Route(value = "projects", layout = MainLayout.class)
@PageTitle("Projects · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class ProjectsView extends VerticalLayout {

    static final int MINE_LIMIT = 500;

    private final Projects projects;
    private final ProjectDashboard dashboard;
    private final Select<String> status = new Select<>();
    private final TextField text = new TextField();
    private final Checkbox mine = new Checkbox("Only my projects");
    private final Grid<ProjectSummary> grid = new Grid<>(ProjectSummary.class, false);
    private final FlexLayout header = new FlexLayout();

    public ProjectsView(Projects projects, ProjectDashboard dashboard, LiveProjects live) {
        this.projects = projects;
        this.dashboard = dashboard;
        setSizeFull();
        header.setId("projects-dashboard");
        header.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        header.getStyle().set("gap", "var(--lumo-space-m)");
        List<String> statuses = new ArrayList<>(List.of("ALL"));
        for (ProjectStatus s : ProjectStatus.values()) {
            statuses.add(s.name());
        }
        status.setId("projects-filter-status");
        status.setLabel("Status");
        status.setItems(statuses);
        status.setValue("ALL");
        status.addValueChangeListener(e -> refreshGrid());
        text.setId("projects-filter-text");
        text.setLabel("Code or name");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(e -> refreshGrid());
        mine.setId("projects-filter-mine");
        mine.addValueChangeListener(e -> refreshGrid());
        FlexLayout filters = new FlexLayout(status, text, mine);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        add(new H3("Projects"), header, filters, new ExportMenu<>(grid, "projects")
                .column("Code", ProjectSummary::code).column("Name", ProjectSummary::name)
                .column("Department", ProjectSummary::departmentCode).column("Manager", ProjectSummary::manager)
                .column("Status", ProjectSummary::status).column("Start", ProjectSummary::startDate)
                .column("End", ProjectSummary::endDate).column("Tasks", ProjectSummary::taskCount)
                .column("Tasks done", ProjectSummary::doneCount), grid());
        refresh();
        live.follow(this, change -> true, this::refresh);
    }

    private Grid<ProjectSummary> grid() {
        grid.setId("projects-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<ProjectSummary>of(
                "<a href=\"project/${item.id}\" class=\"project-link\" data-code=\"${item.code}\">${item.code}</a>")
                .withProperty("id", p -> p.id().toString()).withProperty("code", ProjectSummary::code))
                .setHeader("Code").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ProjectSummary::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(ProjectSummary::departmentCode).setHeader("Department").setAutoWidth(true);
        grid.addColumn(ProjectSummary::manager).setHeader("Manager").setAutoWidth(true);
        grid.addColumn(p -> p.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(ProjectSummary::startDate).setHeader("Start").setAutoWidth(true);
        grid.addColumn(ProjectSummary::endDate).setHeader("End").setAutoWidth(true);
        grid.addColumn(p -> p.doneCount() + " / " + p.taskCount()).setHeader("Tasks done").setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProjectView.class, e.getItem().id().toString())));
        grid.setSizeFull();
        return grid;
    }

    private ProjectStatus statusFilter() {
        return "ALL".equals(status.getValue()) ? null : ProjectStatus.valueOf(status.getValue());
    }

    private void refreshGrid() {
        if (mine.getValue()) {
            Set<UUID> my = dashboard.myProjectIds();
            grid.setItems(projects.list(statusFilter(), text.getValue(), 0, MINE_LIMIT).items().stream()
                    .filter(p -> my.contains(p.id())).toList());
        } else {
            grid.setItems(q -> projects.list(statusFilter(), text.getValue(), q.getPage(), q.getPageSize()).items().stream(),
                    q -> (int) projects.list(statusFilter(), text.getValue(), 0, 1).total());
        }
    }

    /** Reads the dashboard and the list again (also when a project changed elsewhere). */
    void refresh() {
        Overview o = dashboard.overview();
        header.removeAll();
        for (var e : o.byStatus().entrySet()) {
            header.add(tile("dash-status-" + e.getKey().name(), e.getKey().name().replace('_', ' ').toLowerCase(),
                    e.getValue()));
        }
        header.add(tile("dash-overdue", "overdue tasks", o.overdueTasks()));
        header.add(tile("dash-mine", "my projects", o.myProjects()));
        header.add(tile("dash-my-tasks", "my open tasks", o.myOpenTasks()));
        header.add(tile("dash-my-overdue", "my overdue tasks", o.myOverdueTasks()));
        refreshGrid();
    }

    static Div tile(String id, String label, int value) {
        Span number = new Span(Integer.toString(value));
        number.setId(id);
        number.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div tile = new Div(number, caption);
        tile.addClassName("dash-tile");
        tile.getStyle().set("display", "flex").set("flex-direction", "column").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("min-width", "7em");
        return tile;
    }
}
