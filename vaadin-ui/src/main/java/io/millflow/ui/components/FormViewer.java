package io.millflow.ui.components;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form-js form (npm {@code @bpmn-io/form-js} 1.x Viewer) for a user task. The server gives the schema and the
 * current values; {@link #submit()} lets the browser check the form's own rules and then reports the values
 * ({@link SubmitEvent}) — the server must check them again (it is the one that decides) and can show its messages
 * under the fields with {@link #showErrors}. Values that the browser refuses come back as an {@link InvalidEvent}.
 *
 * <p>For tests the element carries {@code data-rendered="true"} once the form is shown; form-js renders fields as
 * {@code .fjs-form-field} with inputs named after their ids and errors in {@code .fjs-form-field-error}.
 */
@Tag("millflow-form-viewer")
@NpmPackage(value = "@bpmn-io/form-js", version = FormViewer.FORM_JS_VERSION)
@NpmPackage(value = "@bpmn-io/form-js-viewer", version = FormViewer.FORM_JS_VERSION)
@JsModule("./components/millflow-form-viewer.ts")
public class FormViewer extends Component implements HasSize {

    /** The form-js version of the viewer and the editor. */
    public static final String FORM_JS_VERSION = "1.23.0";

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Shows this form-js schema (JSON text); null or blank clears the form. */
    public void setSchema(String schemaJson) {
        getElement().setProperty("schema", schemaJson == null ? "" : schemaJson);
    }

    /** The values the form opens with, by field key. */
    public void setData(Map<String, ?> data) {
        getElement().setProperty("data", write(data == null ? Map.of() : data));
    }

    /** Messages by field key, shown under the fields (e.g. from the server's check); empty clears them. */
    public void showErrors(Map<String, String> errors) {
        getElement().setProperty("errors", write(errors == null ? Map.of() : errors));
    }

    /** Disables the inputs. */
    public void setReadOnly(boolean readOnly) {
        getElement().setProperty("readonly", readOnly);
    }

    /** Checks the form in the browser and reports the values ({@link SubmitEvent}) or the errors ({@link InvalidEvent}). */
    public void submit() {
        getElement().callJsFunction("submit");
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    public Registration addInvalidListener(ComponentEventListener<InvalidEvent> listener) {
        return addListener(InvalidEvent.class, listener);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, TypeReference<T> type, T fallback) {
        if (json == null || json.isBlank()) {
            return fallback;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }

    /** The form's values, checked by the browser; the server checks them again. */
    @DomEvent("millflow-form-submit")
    public static class SubmitEvent extends ComponentEvent<FormViewer> {

        private final String json;

        public SubmitEvent(FormViewer source, boolean fromClient, @EventData("event.detail.data") String json) {
            super(source, fromClient);
            this.json = json;
        }

        /** The values by field key: text, numbers, booleans and lists as JSON reads them. */
        public Map<String, Object> data() {
            return read(json, new TypeReference<LinkedHashMap<String, Object>>() { }, new LinkedHashMap<>());
        }

        /** The values as the browser sent them (JSON object text). */
        public String json() {
            return json;
        }
    }

    /** The browser's own check of the form failed; the messages are shown under the fields. */
    @DomEvent("millflow-form-invalid")
    public static class InvalidEvent extends ComponentEvent<FormViewer> {

        private final String json;

        public InvalidEvent(FormViewer source, boolean fromClient, @EventData("event.detail.errors") String json) {
            super(source, fromClient);
            this.json = json;
        }

        /** The first message of each field in error, by field key. */
        public Map<String, String> errors() {
            return read(json, new TypeReference<LinkedHashMap<String, String>>() { }, new LinkedHashMap<>());
        }
    }
}
