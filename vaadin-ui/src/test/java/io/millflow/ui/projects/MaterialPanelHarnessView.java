package io.millflow.ui.projects;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ims.MasterData;
import io.millflow.pms.material.MaterialRequests;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/**
 * Test sources only: {@link MaterialRequestPanel} of one task ({@code test/material-panel/<taskId>}), as the task
 * dialog embeds it, for {@code ProjectViewsBrowserTest}. Vaadin's route scan covers test classes of {@code io.millflow}.
 */
@Route("test/material-panel")
@PageTitle("Material panel harness")
@PermitAll
public class MaterialPanelHarnessView extends VerticalLayout implements HasUrlParameter<String> {

    private final MaterialRequests requests;
    private final MasterData masterData;

    public MaterialPanelHarnessView(MaterialRequests requests, MasterData masterData) {
        this.requests = requests;
        this.masterData = masterData;
    }

    @Override
    public void setParameter(BeforeEvent event, String taskId) {
        removeAll();
        add(new MaterialRequestPanel(UUID.fromString(taskId), requests, masterData));
    }
}
