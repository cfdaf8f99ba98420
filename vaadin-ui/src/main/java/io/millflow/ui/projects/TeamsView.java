package io.millflow.ui.projects;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.DepartmentView;
import io.millflow.pms.Departments;
import io.millflow.pms.resources.ResourceViews.TeamCommand;
import io.millflow.pms.resources.ResourceViews.TeamView;
import io.millflow.pms.resources.Teams;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/** Teams of the departments with their lead and head count. Roles: ADMIN. */
@Route(value = "resources/teams", layout = MainLayout.class)
@PageTitle("Teams · Millflow")
@RolesAllowed("ADMIN")
public class TeamsView extends VerticalLayout {

    private static final DepartmentView NO_DEPARTMENT = new DepartmentView(null, "", "(no department)", null);

    private final Teams teams;
    private final Grid<TeamView> grid = new Grid<>(TeamView.class, false);
    private final TextField name = new TextField("Name");
    private final Select<DepartmentView> department = new Select<>();
    private final TextField lead = new TextField("Lead (username)");
    private TeamView editing;

    public TeamsView(Teams teams, Departments departmentService) {
        this.teams = teams;
        grid.setId("team-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(t -> t.departmentCode() == null ? "" : t.departmentCode()).setHeader("Department").setAutoWidth(true);
        grid.addColumn(TeamView::name).setHeader("Team").setFlexGrow(1);
        grid.addColumn(t -> t.leadUsername() == null ? "" : t.leadUsername()).setHeader("Lead").setAutoWidth(true);
        grid.addColumn(TeamView::memberCount).setHeader("People").setAutoWidth(true);
        grid.setHeight("360px");
        grid.addSelectionListener(e -> edit(e.getFirstSelectedItem().orElse(null)));
        List<DepartmentView> departments = new ArrayList<>();
        departments.add(NO_DEPARTMENT);
        departments.addAll(departmentService.list());
        department.setLabel("Department");
        department.setId("team-department");
        department.setItems(departments);
        department.setItemLabelGenerator(d -> d.id() == null ? d.name() : d.code() + " · " + d.name());
        name.setId("team-name");
        lead.setId("team-lead");
        Button save = new Button("Save", e -> save());
        save.setId("team-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button("New team", e -> edit(null));
        add(new H3("Teams"), new ExportMenu<>(grid, "teams").column("Department", TeamView::departmentCode)
                .column("Team", TeamView::name).column("Lead", TeamView::leadUsername)
                .column("People", TeamView::memberCount), grid, new FormLayout(name, department, lead), new HorizontalLayout(save, clear));
        edit(null);
        refresh();
    }

    private void edit(TeamView t) {
        editing = t;
        name.setValue(t == null ? "" : t.name());
        lead.setValue(t == null || t.leadUsername() == null ? "" : t.leadUsername());
        department.setValue(t == null || t.departmentId() == null ? NO_DEPARTMENT
                : department.getListDataView().getItems().filter(d -> t.departmentId().equals(d.id())).findFirst()
                        .orElse(NO_DEPARTMENT));
    }

    private void save() {
        TeamCommand cmd = new TeamCommand(department.getValue() == null ? null : department.getValue().id(), name.getValue(),
                lead.getValue());
        try {
            if (editing == null) {
                teams.create(cmd);
            } else {
                teams.update(editing.id(), cmd);
            }
            Notification.show("Saved", 2000, Notification.Position.TOP_CENTER);
            edit(null);
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void refresh() {
        grid.setItems(teams.list(null));
    }
}
