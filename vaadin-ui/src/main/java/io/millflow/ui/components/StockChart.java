package io.millflow.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.millflow.ims.StockViews.StockPoint;
import java.util.List;

/**
 * A step chart of an item's stock over time (Apache ECharts). The client sets {@code data-rendered="true"} and
 * {@code data-points} (the number of points drawn) once a series is shown.
 */
@Tag("millflow-stock-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./components/millflow-stock-chart.ts")
public class StockChart extends Component implements HasSize {

    /** Shows the on-hand quantity at the end of each day, in {@code unit}. */
    public void show(List<StockPoint> points, String unit) {
        JsonArray array = Json.createArray();
        for (StockPoint p : points) {
            JsonObject point = Json.createObject();
            point.put("day", p.day().toString());
            point.put("onHand", p.onHand().doubleValue());
            array.set(array.length(), point);
        }
        getElement().setPropertyJson("points", array);
        getElement().setProperty("unit", unit == null ? "" : unit);
    }
}
