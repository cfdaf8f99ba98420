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
import elemental.json.Json;
import elemental.json.JsonException;
import elemental.json.JsonObject;
import elemental.json.JsonType;
import elemental.json.JsonValue;

/**
 * Any Apache ECharts chart, configured with an option object as JSON (see
 * <a href="https://echarts.apache.org/en/option.html">the option reference</a>). Options are data only: formatter
 * functions cannot be sent, use string templates such as {@code "{b}: {c} h"}. Each call replaces the previous
 * option; the chart follows the component's size (give it a height, default minimum 240 px).
 *
 * <p>Registered series types: line, bar, pie, scatter, heatmap, gauge, funnel, boxplot, radar, sankey, treemap,
 * custom (others are not in the bundle). The element carries {@code data-rendered="true"} and {@code data-series}
 * once drawn, {@code data-rendered="false"} and {@code data-error} when ECharts refuses the option.
 */
@Tag("millflow-echart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./components/millflow-echart.ts")
public class EChart extends Component implements HasSize {

    private int revision;

    public EChart() {
    }

    public EChart(JsonObject option) {
        setOption(option);
    }

    /** Shows this option (replacing the previous one). */
    public void setOption(JsonObject option) {
        getElement().setPropertyJson("option", option == null ? Json.createObject() : option);
        getElement().setProperty("revision", ++revision);
    }

    /** Shows the option given as JSON text; {@link IllegalArgumentException} unless it is a JSON object. */
    public void setOptionJson(String json) {
        JsonValue value;
        try {
            value = Json.parse(json == null || json.isBlank() ? "{}" : json);
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("Not a JSON object: " + e.getMessage(), e);
        }
        if (value == null || value.getType() != JsonType.OBJECT) {
            throw new IllegalArgumentException("An ECharts option must be a JSON object");
        }
        setOption((JsonObject) value);
    }

    /** Called when a data item (bar, point, slice...) is clicked. */
    public Registration addChartClickListener(ComponentEventListener<ChartClickEvent> listener) {
        return addListener(ChartClickEvent.class, listener);
    }

    @DomEvent("millflow-echart-click")
    public static class ChartClickEvent extends ComponentEvent<EChart> {

        private final String seriesName;
        private final String name;
        private final int dataIndex;
        private final String valueJson;

        public ChartClickEvent(EChart source, boolean fromClient,
                @EventData("event.detail.seriesName") String seriesName,
                @EventData("event.detail.name") String name,
                @EventData("event.detail.dataIndex") int dataIndex,
                @EventData("event.detail.value") String valueJson) {
            super(source, fromClient);
            this.seriesName = seriesName;
            this.name = name;
            this.dataIndex = dataIndex;
            this.valueJson = valueJson;
        }

        public String seriesName() {
            return seriesName;
        }

        /** The item's name (e.g. the category). */
        public String name() {
            return name;
        }

        public int dataIndex() {
            return dataIndex;
        }

        /** The item's value as JSON text (a number, an array, ...). */
        public String valueJson() {
            return valueJson;
        }
    }
}
