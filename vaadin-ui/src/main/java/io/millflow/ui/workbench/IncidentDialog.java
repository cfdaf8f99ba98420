package io.millflow.ui.workbench;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.millflow.workbench.runtime.IncidentView;

/** The whole error of one incident: what, where, when, and the details (stack trace or worker's details). */
class IncidentDialog extends Dialog {

    IncidentDialog(IncidentView i) {
        setHeaderTitle("Incident in " + (i.activityName() == null || i.activityName().isBlank() ? i.activityId() : i.activityName()));
        setId("incident-dialog");
        setWidth("min(900px, 95vw)");
        Div facts = new Div(
                line("Process", i.processKey() + " version " + i.version()),
                line("Instance", i.processInstanceId() + (i.businessKey() == null ? "" : " · business key " + i.businessKey())),
                line("Activity", i.activityId()),
                line("Type", i.type()),
                line("Created", i.created() == null ? "" : ProcessInstancesView.TIME.format(i.created())),
                line("Job / external task", i.configuration()),
                line("Error", i.message()));
        Pre details = new Pre(i.details() == null || i.details().isBlank() ? "(no details)" : i.details());
        details.setId("incident-details-text");
        details.getStyle().set("max-height", "50vh").set("overflow", "auto").set("font-size", "var(--lumo-font-size-xs)")
                .set("white-space", "pre-wrap");
        add(facts, details);
        Button close = new Button("Close", e -> close());
        close.setId("incident-dialog-close");
        getFooter().add(close);
    }

    private static Div line(String label, String value) {
        Span l = new Span(label + ": ");
        l.getStyle().set("font-weight", "600");
        return new Div(l, new Span(value == null ? "" : value));
    }
}
