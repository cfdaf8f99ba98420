package io.millflow.ui.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * BPMN editor (bpmn-js Modeler) with the properties panel for Operaton's (Camunda 7) extension attributes and
 * bpmnlint (recommended + {@code millflow/*} rules) drawn on the diagram. The browser lints as the owner edits and
 * reports {@link ModelChangedEvent}s (XML + lint issues, debounced); the server checks again before it deploys.
 */
@Tag("millflow-bpmn-modeler")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@NpmPackage(value = "bpmn-js-properties-panel", version = "5.65.3")
@NpmPackage(value = "@bpmn-io/properties-panel", version = "3.55.0")
@NpmPackage(value = "camunda-bpmn-moddle", version = "7.0.1")
@NpmPackage(value = "camunda-bpmn-js-behaviors", version = "1.18.0")
@NpmPackage(value = "zeebe-bpmn-moddle", version = "2.0.0")
@NpmPackage(value = "bpmn-js-bpmnlint", version = "0.24.0")
@NpmPackage(value = "bpmnlint", version = "11.15.0")
@JsModule("./components/millflow-bpmn-modeler.ts")
public class BpmnModeler extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One lint issue of the browser (bpmnlint rule id, element id, ERROR or WARNING, message). */
    public record LintIssue(String ruleId, String elementId, String severity, String message) {
        public boolean isError() {
            return "ERROR".equals(severity);
        }
    }

    /** A problem found by the server, drawn on its element. */
    public record Problem(String ruleId, String elementId, String severity, String message) {
    }

    public BpmnModeler() {
        setWidthFull();
        setHeight("560px");
    }

    /** Opens a model; a blank XML clears the editor. */
    public void setXml(String xml) {
        getElement().setProperty("xml", xml == null ? "" : xml);
    }

    /** What the {@code millflow/*} rules check against: served topics, known roles, deployed decisions and forms. */
    public void setLintContext(List<String> topics, List<String> roles, List<String> decisions, List<String> forms) {
        getElement().setProperty("lintContextJson", write(Map.of("topics", topics, "roles", roles,
                "decisions", decisions, "forms", forms)));
    }

    /** Draws the server's problems on their elements (replaces the previous ones). */
    public void setServerProblems(List<Problem> problems) {
        getElement().setProperty("serverProblemsJson", write(problems == null ? List.of() : problems));
    }

    /** Asks the browser for the current XML. */
    public void requestXml(Consumer<String> callback) {
        getElement().callJsFunction("getXml").then(String.class, callback::accept);
    }

    public Registration addModelChangedListener(ComponentEventListener<ModelChangedEvent> listener) {
        return addListener(ModelChangedEvent.class, listener);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model after an import or an edit, with the browser's lint issues. */
    @DomEvent("model-changed")
    public static class ModelChangedEvent extends ComponentEvent<BpmnModeler> {
        private final String xml;
        private final List<LintIssue> issues;
        private final boolean dirty;

        public ModelChangedEvent(BpmnModeler source, boolean fromClient, @EventData("event.detail.xml") String xml,
                @EventData("event.detail.issues") String issues, @EventData("event.detail.dirty") boolean dirty) {
            super(source, fromClient);
            this.xml = xml;
            this.dirty = dirty;
            try {
                this.issues = issues == null ? List.of() : JSON.readValue(issues, new TypeReference<List<LintIssue>>() { });
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String xml() {
            return xml;
        }

        public List<LintIssue> issues() {
            return issues;
        }

        /** Whether the owner changed the model since it was opened. */
        public boolean dirty() {
            return dirty;
        }

        public long errorCount() {
            return issues.stream().filter(LintIssue::isError).count();
        }
    }
}
