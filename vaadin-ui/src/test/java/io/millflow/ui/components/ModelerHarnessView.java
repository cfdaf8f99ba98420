package io.millflow.ui.components;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Test sources only: one BPMN and one DMN modeler for {@code ModelerBrowserTest} and the lint parity test. Tests set
 * the models and the lint context on the elements and read the browser's lint issues; the spans show what the Java
 * listeners received.
 */
@Route("test/modeler")
@PageTitle("Modeler harness")
@PermitAll
public class ModelerHarnessView extends VerticalLayout {

    public ModelerHarnessView() {
        setWidthFull();
        Span bpmnEvent = new Span();
        bpmnEvent.setId("bpmn-event");
        Span dmnEvent = new Span();
        dmnEvent.setId("dmn-event");
        BpmnModeler bpmn = new BpmnModeler();
        bpmn.setId("bpmn");
        bpmn.addModelChangedListener(e -> bpmnEvent.setText(e.errorCount() + " errors, dirty=" + e.dirty()
                + ", xml " + (e.xml().contains("bpmn:definitions") || e.xml().contains("<definitions") ? "ok" : "missing")));
        DmnModeler dmn = new DmnModeler();
        dmn.setId("dmn");
        dmn.addModelChangedListener(e -> dmnEvent.setText("dirty=" + e.dirty() + ", xml "
                + (e.xml().contains("decisionTable") ? "ok" : "missing")));
        add(bpmnEvent, bpmn, dmnEvent, dmn);
    }
}
