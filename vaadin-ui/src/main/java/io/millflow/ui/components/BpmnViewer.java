package io.millflow.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Read-only BPMN diagram viewer (bpmn-js) that highlights the given active activities.
 * The client sets {@code data-rendered="true"} and {@code data-active-ids} once a diagram is shown.
 */
@Tag("millflow-bpmn-viewer")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@JsModule("./components/millflow-bpmn-viewer.ts")
public class BpmnViewer extends Component implements HasSize {

    /** Shows the diagram and highlights the given activity ids; a {@code null} or blank XML clears the viewer. */
    public void show(String bpmnXml, Collection<String> activeActivityIds) {
        List<String> ids = activeActivityIds == null
                ? List.of()
                : activeActivityIds.stream().filter(Objects::nonNull).distinct().toList();
        getElement().setProperty("xml", bpmnXml == null ? "" : bpmnXml);
        getElement().setPropertyList("activeIds", ids);
    }

    /** Removes the diagram. */
    public void clear() {
        show(null, null);
    }
}
