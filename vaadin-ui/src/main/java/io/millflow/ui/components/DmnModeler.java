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

/** DMN editor (dmn-js Modeler): decision tables, literal expressions and the DRD; checks run on the server. */
@Tag("millflow-dmn-modeler")
@NpmPackage(value = "dmn-js", version = "17.10.2")
@JsModule("./components/millflow-dmn-modeler.ts")
public class DmnModeler extends Component implements HasSize {

    public DmnModeler() {
        setWidthFull();
    }

    public void setXml(String xml) {
        getElement().setProperty("xml", xml == null ? "" : xml);
    }

    public void requestXml(Consumer<String> callback) {
        getElement().callJsFunction("getXml").then(String.class, callback::accept);
    }

    public Registration addModelChangedListener(ComponentEventListener<ModelChangedEvent> listener) {
        return addListener(ModelChangedEvent.class, listener);
    }

    /** The decision model after an import or an edit. */
    @DomEvent("model-changed")
    public static class ModelChangedEvent extends ComponentEvent<DmnModeler> {
        private final String xml;
        private final boolean dirty;

        public ModelChangedEvent(DmnModeler source, boolean fromClient, @EventData("event.detail.xml") String xml,
                @EventData("event.detail.dirty") boolean dirty) {
            super(source, fromClient);
            this.xml = xml;
            this.dirty = dirty;
        }

        public String xml() {
            return xml;
        }

        public boolean dirty() {
            return dirty;
        }
    }
}
