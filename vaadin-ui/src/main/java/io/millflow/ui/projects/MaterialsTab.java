package io.millflow.ui.projects;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import io.millflow.pms.Projects;
import io.millflow.pms.TaskView;
import java.util.List;

/** The Materials tab of a project: what was requested and issued for its tasks. */
@org.springframework.stereotype.Component
public class MaterialsTab {

    void fill(Div target, io.millflow.pms.ProjectView project, List<TaskView> tasks) {
        target.removeAll();
        target.setId("project-materials");
        target.add(new Paragraph("Material requests are made from a task (open the task, tab Materials)."));
    }
}
