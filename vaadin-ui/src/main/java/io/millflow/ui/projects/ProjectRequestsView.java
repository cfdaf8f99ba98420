package io.millflow.ui.projects;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.pms.ProjectRequestViews.ApprovalView;
import io.millflow.pms.ProjectRequestViews.RequestView;
import io.millflow.pms.ProjectRequests;
import io.millflow.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Project requests the caller may read (own, to approve, or all for MANAGER/ADMIN) with their approvals. */
@Route(value = "project-requests", layout = MainLayout.class)
@PageTitle("Project requests · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class ProjectRequestsView extends VerticalLayout {

    public ProjectRequestsView(ProjectRequests requests) {
        Grid<RequestView> grid = new Grid<>(RequestView.class, false);
        grid.setId("project-requests");
        grid.addColumn(RequestView::number).setHeader("Number").setAutoWidth(true);
        grid.addColumn(RequestView::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(RequestView::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(RequestView::departmentCode).setHeader("Department").setAutoWidth(true);
        grid.addColumn(RequestView::manager).setHeader("Manager").setAutoWidth(true);
        grid.addColumn(RequestView::requestedBy).setHeader("Requested by").setAutoWidth(true);
        grid.addColumn(r -> r.status().name()).setHeader("Status").setAutoWidth(true);
        grid.addColumn(r -> r.approvals().stream().map(ProjectRequestsView::approval)
                .collect(Collectors.joining(", "))).setHeader("Approvals").setFlexGrow(1);
        grid.addColumn(r -> r.rejectionReason() == null ? "" : r.rejectionReason()).setHeader("Reason").setFlexGrow(1);
        grid.setItems(requests.list(null, 0, 200).items());
        Button create = new Button("Request a project", e -> getUI().ifPresent(ui -> ui.navigate(ProjectRequestView.class)));
        create.setId("new-project-request");
        add(new HorizontalLayout(new H3("Project requests"), create), new ExportMenu<>(grid, "project-requests")
                .column("Number", RequestView::number).column("Code", RequestView::code).column("Name", RequestView::name)
                .column("Department", RequestView::departmentCode).column("Manager", RequestView::manager)
                .column("Requested by", RequestView::requestedBy).column("Status", RequestView::status)
                .column("Start", RequestView::startDate).column("End", RequestView::endDate)
                .column("Budget", RequestView::budget).column("Reason", RequestView::rejectionReason), grid);
        setSizeFull();
    }

    private static String approval(ApprovalView a) {
        return a.departmentCode() + " " + a.headUsername() + ": " + a.decision();
    }
}
