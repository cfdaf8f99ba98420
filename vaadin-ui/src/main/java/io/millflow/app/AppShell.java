package io.millflow.app;

import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import io.millflow.ui.components.BpmnModeler;
import io.millflow.ui.components.BpmnViewer;
import io.millflow.ui.components.DmnModeler;
import io.millflow.ui.components.EChart;
import io.millflow.ui.components.FormEditor;
import io.millflow.ui.components.FormViewer;
import io.millflow.ui.components.GanttChart;
import io.millflow.ui.components.KanbanBoard;

/**
 * The page shell: installable as a PWA (manifest, icons, service worker), Lumo theme (the default), server push
 * (websocket, falling back to long polling) so open views show changes made elsewhere, e.g. stock moves.
 * The production bundle holds only the web components reachable from routes and this shell: the {@code @Uses}
 * components are named here so that they are in it whichever views use them (and for the test routes
 * {@code test/components} and {@code test/bpmn-overlays}, which live in test sources the bundle build does not scan).
 */
@Push
@PWA(name = "Millflow", shortName = "Millflow", description = "Projects, inventory and approvals for manufacturers",
        iconPath = "icons/icon.png", backgroundColor = "#ffffff", themeColor = "#1676f3")
@Uses(GanttChart.class)
@Uses(KanbanBoard.class)
@Uses(EChart.class)
@Uses(BpmnViewer.class)
@Uses(BpmnModeler.class)
@Uses(DmnModeler.class)
@Uses(FormViewer.class)
@Uses(FormEditor.class)
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppShell implements AppShellConfigurator {
}
