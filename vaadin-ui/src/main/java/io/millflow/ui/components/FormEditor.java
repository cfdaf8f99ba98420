package io.millflow.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;

/**
 * The form-js Editor (npm {@code @bpmn-io/form-js} 1.x: palette, canvas, properties panel) for user-task forms.
 * {@link #setSchema} opens a form (null or blank: an empty one); the edited schema comes back asynchronously:
 * {@link #getSchema(Consumer)} asks the browser for it, and every edit fires a {@link ChangeEvent} (debounced) with
 * the whole schema. The server must check a schema before deploying it.
 *
 * <p>For tests the element carries {@code data-rendered="true"} once a form is open.
 */
@Tag("millflow-form-editor")
@NpmPackage(value = "@bpmn-io/form-js", version = FormViewer.FORM_JS_VERSION)
@NpmPackage(value = "@bpmn-io/form-js-viewer", version = FormViewer.FORM_JS_VERSION)
@NpmPackage(value = "@bpmn-io/form-js-editor", version = FormViewer.FORM_JS_VERSION)
@JsModule("./components/millflow-form-editor.ts")
public class FormEditor extends Component implements HasSize {

    public FormEditor() {
        setHeight("600px");
    }

    /** Opens this form-js schema (JSON text) in the editor. */
    public void setSchema(String schemaJson) {
        getElement().setProperty("schema", schemaJson == null ? "" : schemaJson);
    }

    /** Asks the browser for the edited schema; {@code callback} gets the JSON text once, in the UI's thread. */
    public void getSchema(Consumer<String> callback) {
        Registration[] once = new Registration[1];
        once[0] = addListener(SchemaEvent.class, e -> {
            once[0].remove();
            callback.accept(e.schema());
        });
        getElement().callJsFunction("requestSchema");
    }

    /** Every edit (debounced by 300 ms) with the whole edited schema. */
    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** The form was edited. */
    @DomEvent("millflow-form-changed")
    public static class ChangeEvent extends ComponentEvent<FormEditor> {

        private final String schema;

        public ChangeEvent(FormEditor source, boolean fromClient, @EventData("event.detail.schema") String schema) {
            super(source, fromClient);
            this.schema = schema;
        }

        /** The whole edited form-js schema (JSON text). */
        public String schema() {
            return schema;
        }
    }

    /** The answer to {@link #getSchema(Consumer)}. */
    @DomEvent("millflow-form-schema")
    public static class SchemaEvent extends ComponentEvent<FormEditor> {

        private final String schema;

        public SchemaEvent(FormEditor source, boolean fromClient, @EventData("event.detail.schema") String schema) {
            super(source, fromClient);
            this.schema = schema;
        }

        public String schema() {
            return schema;
        }
    }
}
