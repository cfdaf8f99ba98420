package io.millflow.ui.projects;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.millflow.pms.ProjectRole;
import io.millflow.pms.Projects;
import io.millflow.pms.MemberView;
import io.millflow.pms.TaskStatus;
import io.millflow.pms.Tasks;
import io.millflow.pms.DependencyView;
import io.millflow.pms.GanttView;
import io.millflow.pms.ScheduledTask;
import io.millflow.pms.TaskView;
import io.millflow.pms.analytics.AnalyticsViews.BudgetRow;
import io.millflow.pms.analytics.ProjectAnalytics;
import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.ui.components.EChart;
import io.millflow.ui.components.GanttChart;
import io.millflow.ui.components.KanbanBoard;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One project: tasks as a tree (with slack and the critical path), a Kanban board (a dropped card moves the task;
 * a refused move says why and the card goes back), a Gantt chart (a dragged bar reschedules the task and moves its
 * successors), members, materials and cost. Live: every change to the project made anywhere (board, task,
 * comment, dependency, member) shows within a second. A project the person may not see answers "not found".
 * Roles: every internal role; what one may change is decided by the services (project membership).
 */
@Route(value = "project", layout = MainLayout.class)
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class ProjectView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private final Projects projects;
    private final Tasks tasks;
    private final ProjectAnalytics analytics;
    private final TaskDialogs dialogs;
    private TaskDialog openDialog;
    private final Button newTask = new Button("New task", VaadinIcon.PLUS.create());
    private final MaterialsTab materialsTab;
    private final LiveProjects live;

    private volatile UUID projectId;
    private io.millflow.pms.ProjectView project;
    private List<TaskView> taskList = List.of();
    private String title = "Project · Millflow";

    private final H3 heading = new H3();
    private final Span facts = new Span();
    private final Component tasksTab;
    private final Component boardTab;
    private final Component ganttTab;
    private final Component membersTab;
    private final Component costTab;
    private boolean following;
    private TabSheet tabs;
    private final TreeGrid<TaskView> tree = new TreeGrid<>();
    private final KanbanBoard board = new KanbanBoard();
    private final GanttChart gantt = new GanttChart();
    private final Grid<MemberView> members = new Grid<>(MemberView.class, false);
    private final Div memberForm = new Div();
    private final Div cost = new Div();
    private final EChart costChart = new EChart();
    private final Div materials = new Div();
    private Map<UUID, ScheduledTask> schedule = Map.of();

    public ProjectView(Projects projects, Tasks tasks, ProjectAnalytics analytics, TaskDialogs dialogs,
            MaterialsTab materialsTab, LiveProjects live) {
        this.projects = projects;
        this.tasks = tasks;
        this.analytics = analytics;
        this.dialogs = dialogs;
        this.materialsTab = materialsTab;
        this.live = live;
        setSizeFull();
        tasksTab = tasksTab();
        boardTab = boardTab();
        ganttTab = ganttTab();
        membersTab = membersTab();
        costTab = costTab();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        removeAll();
        try {
            projectId = UUID.fromString(parameter);
            project = projects.get(projectId);
        } catch (IllegalArgumentException | ProblemException.NotFound e) {
            projectId = null;
            Paragraph none = new Paragraph("Project not found, or you have no access to it.");
            none.setId("project-not-found");
            add(new H3("Project"), none);
            return;
        }
        build();
        if (!following) {
            following = true;
            live.follow(this, change -> {
                UUID shown = projectId;
                return shown != null && shown.equals(change.projectId());
            }, this::refresh);
        }
    }

    private void build() {
        heading.setId("project-title");
        heading.getStyle().set("margin", "0");
        facts.setId("project-facts");
        facts.getStyle().set("color", "var(--lumo-secondary-text-color)");
        tabs = new TabSheet();
        tabs.setId("project-tabs");
        tabs.setSizeFull();
        tabs.add("Tasks", tasksTab);
        tabs.add("Board", boardTab);
        tabs.add("Gantt", ganttTab);
        tabs.add("Members", membersTab);
        tabs.add("Materials", materials);
        tabs.add("Cost", costTab);
        tabs.addSelectedChangeListener(e -> {
            if (projectId != null) {
                fillSelectedTab();
            }
        });
        HorizontalLayout top = new HorizontalLayout(heading);
        top.setAlignItems(Alignment.BASELINE);
        if (CurrentUser.get().hasAnyRole(Roles.MANAGER, Roles.DEPARTMENT_HEAD, Roles.ADMIN)) {
            com.vaadin.flow.component.html.Anchor analyticsLink = new com.vaadin.flow.component.html.Anchor(
                    "projects/analytics?project=" + project.code(), "Analytics");
            analyticsLink.setId("project-analytics-link");
            top.add(analyticsLink);
        }
        add(top, facts, tabs);
        refresh();
    }

    /** May the signed-in person change tasks (project MANAGER or MEMBER, or role MANAGER/ADMIN)? */
    boolean canWrite() {
        CurrentUser me = CurrentUser.get();
        if (me.hasAnyRole(Roles.MANAGER, Roles.ADMIN)) {
            return true;
        }
        return project.members().stream().anyMatch(m -> m.username().equals(me.username())
                && m.role() != ProjectRole.VIEWER);
    }

    boolean canManage() {
        CurrentUser me = CurrentUser.get();
        return me.hasAnyRole(Roles.MANAGER, Roles.ADMIN) || me.username().equals(project.manager())
                || project.members().stream().anyMatch(m -> m.username().equals(me.username())
                        && m.role() == ProjectRole.MANAGER);
    }

    // ---- tasks (tree)

    private Component tasksTab() {
        tree.setId("task-tree");
        tree.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        tree.addHierarchyColumn(TaskView::key).setHeader("Key").setAutoWidth(true).setFlexGrow(0);
        tree.addColumn(LitRenderer.<TaskView>of("<span class=\"task-name\" data-task-id=\"${item.id}\">${item.name}</span>")
                .withProperty("id", t -> t.id().toString()).withProperty("name", TaskView::name))
                .setHeader("Name").setFlexGrow(2);
        tree.addColumn(LitRenderer.<TaskView>of("<span class=\"task-status\" data-task-id=\"${item.id}\">${item.status}</span>")
                .withProperty("id", t -> t.id().toString()).withProperty("status", t -> t.status().name()))
                .setHeader("Status").setAutoWidth(true);
        tree.addColumn(t -> t.assignee() == null ? "" : t.assignee()).setHeader("Assignee").setAutoWidth(true);
        tree.addColumn(LitRenderer.<TaskView>of("<span class=\"task-start\" data-task-id=\"${item.id}\">${item.start}</span>")
                .withProperty("id", t -> t.id().toString()).withProperty("start", t -> String.valueOf(t.startDate())))
                .setHeader("Start").setAutoWidth(true);
        tree.addColumn(TaskView::endDate).setHeader("End").setAutoWidth(true);
        tree.addColumn(t -> t.dueDate() == null ? "" : t.dueDate().toString()).setHeader("Due").setAutoWidth(true);
        tree.addColumn(t -> {
            ScheduledTask s = schedule.get(t.id());
            return s == null ? "" : Integer.toString(s.slackDays());
        }).setHeader("Slack (days)").setAutoWidth(true);
        tree.addColumn(LitRenderer.<TaskView>of("${item.critical ? html`<span theme=\"badge error small\" class=\"critical\">critical</span>` : ''}")
                .withProperty("critical", t -> schedule.containsKey(t.id()) && schedule.get(t.id()).critical()))
                .setHeader("Critical").setAutoWidth(true);
        tree.addItemClickListener(e -> show(dialogs.edit(e.getItem().id(), canWrite())));
        tree.setSizeFull();
        newTask.addClickListener(e -> show(dialogs.create(projectId, taskList)));
        newTask.setId("task-new");
        newTask.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        ExportMenu<TaskView> export = new ExportMenu<TaskView>("project-tasks",
                (page, size) -> page == 0 ? taskList : List.of())
                .column("Key", TaskView::key).column("Task", TaskView::name).column("Status", TaskView::status)
                .column("Priority", TaskView::priority).column("Assignee", TaskView::assignee)
                .column("Start", TaskView::startDate).column("End", TaskView::endDate).column("Due", TaskView::dueDate)
                .column("Estimate hours", TaskView::estimateHours).column("Milestone", TaskView::milestone)
                .column("Labels", t -> String.join("|", t.labels()));
        VerticalLayout layout = new VerticalLayout(new HorizontalLayout(newTask, export), tree);
        layout.setPadding(false);
        layout.setSizeFull();
        return layout;
    }

    private void show(TaskDialog dialog) {
        openDialog = dialog;
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened() && openDialog == dialog) {
                openDialog = null;
            }
        });
        dialog.open();
    }

    private void fillTree() {
        TreeData<TaskView> data = new TreeData<>();
        Map<UUID, TaskView> byId = new HashMap<>();
        for (TaskView t : taskList) {
            TaskView parent = t.parentId() == null ? null : byId.get(t.parentId());
            data.addItem(parent, t);
            byId.put(t.id(), t);
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expandRecursively(data.getRootItems(), 10);
    }

    // ---- board

    private Component boardTab() {
        board.setId("project-board");
        board.setSizeFull();
        // five columns side by side on a laptop screen
        board.getStyle().set("--millflow-kanban-column-width", "190px");
        List<KanbanBoard.Column> columns = new ArrayList<>();
        for (TaskStatus s : TaskStatus.values()) {
            columns.add(new KanbanBoard.Column(s.name(), s.name().replace('_', ' ').toLowerCase()));
        }
        board.setColumns(columns);
        board.addCardMovedListener(e -> {
            try {
                tasks.move(UUID.fromString(e.cardId()), TaskStatus.valueOf(e.toColumnId()), e.toIndex());
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
            // the answer of the service is what the board shows: a refused move goes back where it was
            refresh();
        });
        board.addCardClickListener(e -> show(dialogs.edit(UUID.fromString(e.cardId()), canWrite())));
        return board;
    }

    private void fillBoard() {
        Set<UUID> parents = parents();
        List<KanbanBoard.Card> cards = new ArrayList<>();
        for (TaskView t : taskList) {
            if (!parents.contains(t.id())) {
                cards.add(new KanbanBoard.Card(t.id().toString(), t.status().name(), t.boardRank(), t.name(),
                        t.key() + (t.assignee() == null ? "" : " · " + t.assignee()),
                        t.priority() == null ? "" : t.priority().name()));
            }
        }
        board.setCards(cards);
    }

    private Set<UUID> parents() {
        Set<UUID> parents = new HashSet<>();
        for (TaskView t : taskList) {
            if (t.parentId() != null) {
                parents.add(t.parentId());
            }
        }
        return parents;
    }

    // ---- gantt

    private Component ganttTab() {
        gantt.setId("project-gantt");
        gantt.setWidthFull();
        gantt.addDateChangeListener(e -> {
            try {
                tasks.reschedule(UUID.fromString(e.taskId()), e.start(), e.end());
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
            // successors may have moved and the critical path changed: draw every bar again
            refresh();
        });
        gantt.addBarClickListener(e -> show(dialogs.edit(UUID.fromString(e.taskId()), canWrite())));
        Select<String> mode = new Select<>();
        mode.setId("gantt-mode");
        mode.setItems("Day", "Week", "Month");
        mode.setValue("Day");
        mode.addValueChangeListener(e -> gantt.setViewMode(e.getValue()));
        VerticalLayout layout = new VerticalLayout(mode, gantt);
        layout.setPadding(false);
        layout.setSizeFull();
        return layout;
    }

    private void fillGantt(List<DependencyView> dependencies) {
        Map<UUID, List<String>> predecessors = new HashMap<>();
        for (DependencyView d : dependencies) {
            predecessors.computeIfAbsent(d.successorId(), k -> new ArrayList<>()).add(d.predecessorId().toString());
        }
        List<GanttChart.Bar> bars = new ArrayList<>();
        for (TaskView t : taskList) {
            ScheduledTask s = schedule.get(t.id());
            bars.add(new GanttChart.Bar(t.id().toString(), t.key() + " " + t.name(), t.startDate(), t.endDate(),
                    progress(t.status()), predecessors.getOrDefault(t.id(), List.of()), t.milestone(),
                    s != null && s.critical()));
        }
        gantt.setTasks(bars);
    }

    static int progress(TaskStatus status) {
        return switch (status) {
            case DONE -> 100;
            case IN_REVIEW -> 80;
            case IN_PROGRESS -> 40;
            default -> 0;
        };
    }

    // ---- members

    private Component membersTab() {
        members.setId("project-members");
        members.addThemeVariants(GridVariant.LUMO_COMPACT);
        members.addColumn(MemberView::username).setHeader("Person").setAutoWidth(true);
        members.addColumn(m -> m.role().name()).setHeader("Project role").setAutoWidth(true);
        members.addComponentColumn(m -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                try {
                    projects.removeMember(projectId, m.username());
                    refresh();
                } catch (RuntimeException ex) {
                    Problems.show(ex);
                }
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove " + m.username());
            remove.setVisible(canManage());
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        members.setAllRowsVisible(true);
        TextField username = new TextField("Username");
        username.setId("member-username");
        Select<ProjectRole> role = new Select<>();
        role.setId("member-role");
        role.setLabel("Project role");
        role.setItems(ProjectRole.values());
        role.setValue(ProjectRole.MEMBER);
        Button add = new Button("Add member", e -> {
            try {
                projects.addMember(projectId, username.getValue().strip(), role.getValue());
                username.clear();
                refresh();
            } catch (RuntimeException ex) {
                Problems.show(ex);
            }
        });
        add.setId("member-add");
        HorizontalLayout form = new HorizontalLayout(username, role, add);
        form.setAlignItems(Alignment.BASELINE);
        memberForm.add(form);
        VerticalLayout layout = new VerticalLayout(members, memberForm);
        layout.setPadding(false);
        return layout;
    }

    // ---- cost

    private Component costTab() {
        cost.setId("project-cost");
        costChart.setId("cost-chart");
        costChart.setWidth("100%");
        costChart.setHeight("320px");
        VerticalLayout layout = new VerticalLayout(cost, costChart);
        layout.setPadding(false);
        return layout;
    }

    private void fillCost() {
        BudgetRow b = analytics.budgetOfReadableProject(projectId);
        cost.removeAll();
        FlexLayout tiles = new FlexLayout();
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-m)");
        tiles.add(moneyTile("cost-budget", "budget", b.budget(), b.currency()),
                moneyTile("cost-labour", b.labourKnown() ? "labour (approved hours × rate)" : "labour (not recorded)",
                        b.labour(), b.currency()),
                moneyTile("cost-materials", b.materialsKnown() ? "materials issued" : "materials (not recorded)",
                        b.materials(), b.currency()),
                moneyTile("cost-actual", "actual", b.actual(), b.currency()),
                moneyTile("cost-remaining", "remaining", b.remaining(), b.currency()));
        cost.add(tiles);
        costChart.setOptionJson(Charts.budget(List.of(b)));
    }

    private static Div moneyTile(String id, String label, BigDecimal amount, String currency) {
        Span number = new Span(amount.toPlainString() + " " + currency);
        number.setId(id);
        number.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        Span caption = new Span(label);
        caption.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div tile = new Div(number, caption);
        tile.getStyle().set("display", "flex").set("flex-direction", "column").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        return tile;
    }

    // ---- everything

    /**
     * Draws the selected tab from fresh data: the board needs the tasks only, tree and Gantt also the schedule (one
     * call: tasks, dependencies, schedule), the cost tab the costs. Other tabs are drawn when selected.
     */
    private void fillSelectedTab() {
        Component selected = tabs == null ? null : tabs.getSelectedTab() == null ? null
                : tabs.getComponent(tabs.getSelectedTab());
        if (selected == boardTab) {
            taskList = tasks.list(projectId);
            fillBoard();
        } else if (selected == tasksTab || selected == ganttTab) {
            GanttView g = tasks.gantt(projectId);
            taskList = g.tasks();
            Map<UUID, ScheduledTask> bySchedule = new HashMap<>();
            if (g.schedule() != null) {
                g.schedule().tasks().forEach(t -> bySchedule.put(t.taskId(), t));
            }
            schedule = bySchedule;
            if (selected == tasksTab) {
                fillTree();
            } else {
                fillGantt(g.dependencies());
            }
        } else if (selected == membersTab) {
            members.setItems(project.members());
            memberForm.setVisible(canManage());
        } else if (selected == costTab) {
            fillCost();
        } else if (selected == materials) {
            taskList = tasks.list(projectId);
            materialsTab.fill(materials, project, taskList);
        }
    }

    /** Reads the project again and redraws the selected tab (also on live changes). */
    void refresh() {
        if (projectId == null) {
            return;
        }
        try {
            project = projects.get(projectId);
        } catch (ProblemException.NotFound e) {
            // removed from the project (or it went away) while looking at it
            projectId = null;
            removeAll();
            Paragraph none = new Paragraph("Project not found, or you have no access to it.");
            none.setId("project-not-found");
            add(new H3("Project"), none);
            return;
        }
        title = project.code() + " · Millflow";
        heading.setText(project.code() + " · " + project.name());
        facts.setText(project.status() + " · " + project.startDate() + " – " + project.endDate() + " · manager "
                + project.manager() + " · " + project.departmentCode());
        boolean writable = canWrite();
        newTask.setVisible(writable);
        board.setReadonly(!writable);
        gantt.setReadonly(!writable);
        fillSelectedTab();
        if (openDialog != null) {
            openDialog.reload();
        }
    }
}
