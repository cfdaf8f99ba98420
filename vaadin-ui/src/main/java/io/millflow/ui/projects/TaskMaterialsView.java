package io.millflow.ui.projects;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.pms.material.MaterialRequests;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import jakarta.annotation.security.RolesAllowed;
import java.util.UUID;

/**
 * The materials of one task on a page of its own ({@code task-materials/<taskId>}): the {@link MaterialRequestPanel} the
 * task dialog embeds, for links from the inbox or elsewhere. Roles: every internal role; the panel's service decides
 * what each may see and do (404 for tasks of projects one may not read).
 */
@Route(value = "task-materials", layout = MainLayout.class)
@PageTitle("Task materials · Millflow")
@RolesAllowed({"EMPLOYEE", "MANAGER", "DEPARTMENT_HEAD", "FINANCE", "BUYER", "WAREHOUSE", "PROCESS_OWNER", "ADMIN"})
public class TaskMaterialsView extends VerticalLayout implements HasUrlParameter<String> {

    private final MaterialRequests requests;
    private final MasterData masterData;

    public TaskMaterialsView(MaterialRequests requests, MasterData masterData) {
        this.requests = requests;
        this.masterData = masterData;
        setMaxWidth("1100px");
    }

    @Override
    public void setParameter(BeforeEvent event, String taskId) {
        removeAll();
        try {
            add(new MaterialRequestPanel(UUID.fromString(taskId), requests, masterData));
        } catch (IllegalArgumentException e) {
            add(new com.vaadin.flow.component.html.Paragraph("No task " + taskId));
        } catch (RuntimeException e) {
            add(new com.vaadin.flow.component.html.Paragraph(Problems.message(e)));
        }
    }
}
