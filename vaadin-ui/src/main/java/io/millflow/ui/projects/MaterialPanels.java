package io.millflow.ui.projects;

import com.vaadin.flow.component.Component;
import io.millflow.ims.MasterData;
import io.millflow.pms.material.MaterialRequests;
import java.util.UUID;

/** The material requests of a task inside the task dialog (C's {@link MaterialRequestPanel}). */
@org.springframework.stereotype.Component
public class MaterialPanels {

    private final MaterialRequests requests;
    private final MasterData masterData;

    MaterialPanels(MaterialRequests requests, MasterData masterData) {
        this.requests = requests;
        this.masterData = masterData;
    }

    Component panel(UUID taskId) {
        return new MaterialRequestPanel(taskId, requests, masterData);
    }
}
