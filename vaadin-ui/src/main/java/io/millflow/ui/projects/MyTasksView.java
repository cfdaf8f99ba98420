package io.millflow.ui.projects;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.TaskStatus;
import io.millflow.pms.Tasks;
import io.millflow.pms.TaskView;
import io.millflow.security.CurrentUser;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks assigned to the signed-in person across the projects they may see, by status; a row opens the task.
 * Live: follows task changes on every node. Roles: every internal role.
 */
@Route(value = "my-tasks", layout = MainLayout.class)
@PageTitle("My tasks · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class MyTasksView extends VerticalLayout {

    static final String OPEN = "OPEN";

    private final Tasks tasks;
    private final TaskDialogs dialogs;
    private final Select<String> status = new Select<>();
    private final Grid<TaskView> grid = new Grid<>(TaskView.class, false);
    private TaskDialog openDialog;

    public MyTasksView(Tasks tasks, TaskDialogs dialogs, LiveProjects live) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        setSizeFull();
        List<String> statuses = new ArrayList<>(List.of(OPEN, "ALL"));
        for (TaskStatus s : TaskStatus.values()) {
            statuses.add(s.name());
        }
        status.setId("my-tasks-status");
        status.setLabel("Status");
        status.setItems(statuses);
        status.setValue(OPEN);
        status.addValueChangeListener(e -> refresh());
        grid.setId("my-tasks-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(LitRenderer.<TaskView>of("<a href=\"project/${item.project}\" class=\"project-link\">${item.code}</a>")
                .withProperty("project", t -> t.projectId().toString()).withProperty("code", TaskView::projectCode))
                .setHeader("Project").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(LitRenderer.<TaskView>of("<span class=\"my-task\" data-task-id=\"${item.id}\">${item.key}</span>")
                .withProperty("id", t -> t.id().toString()).withProperty("key", TaskView::key))
                .setHeader("Key").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TaskView::name).setHeader("Task").setFlexGrow(2);
        grid.addColumn(t -> t.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(t -> t.priority() == null ? "" : t.priority().name()).setHeader("Priority").setAutoWidth(true);
        grid.addColumn(TaskView::startDate).setHeader("Start").setAutoWidth(true);
        grid.addColumn(TaskView::endDate).setHeader("End").setAutoWidth(true);
        grid.addColumn(t -> t.dueDate() == null ? "" : t.dueDate().toString()).setHeader("Due").setAutoWidth(true);
        grid.addItemClickListener(e -> {
            openDialog = dialogs.edit(e.getItem().id(), true);
            openDialog.addOpenedChangeListener(o -> {
                if (!o.isOpened()) {
                    openDialog = null;
                    refresh();
                }
            });
            openDialog.open();
        });
        grid.setSizeFull();
        add(new H3("My tasks"), status, new ExportMenu<>(grid, "my-tasks")
                .column("Project", TaskView::projectCode).column("Key", TaskView::key).column("Task", TaskView::name)
                .column("Status", TaskView::status).column("Priority", TaskView::priority)
                .column("Start", TaskView::startDate).column("End", TaskView::endDate).column("Due", TaskView::dueDate)
                .column("Estimate hours", TaskView::estimateHours), grid);
        refresh();
        String me = CurrentUser.get().username();
        live.follow(this, change -> "TASK".equals(change.kind()) || "COMMENT".equals(change.kind())
                || me.equals(change.actor()), () -> {
                    refresh();
                    if (openDialog != null) {
                        openDialog.reload();
                    }
                });
    }

    private void refresh() {
        String s = status.getValue();
        if (OPEN.equals(s)) {
            List<TaskView> open = new ArrayList<>();
            for (TaskView t : tasks.myTasks(null, 0, 500).items()) {
                if (t.status() != TaskStatus.DONE && t.status() != TaskStatus.CANCELLED) {
                    open.add(t);
                }
            }
            grid.setItems(open);
        } else {
            TaskStatus filter = "ALL".equals(s) ? null : TaskStatus.valueOf(s);
            grid.setItems(q -> tasks.myTasks(filter, q.getPage(), q.getPageSize()).items().stream(),
                    q -> (int) tasks.myTasks(filter, 0, 1).total());
        }
    }
}
