package io.millflow.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import io.millflow.ims.ReplenishmentViews.DemandPoint;
import io.millflow.ims.ReplenishmentViews.ForecastView;
import io.millflow.ims.StockViews.StockPoint;
import java.util.List;

/**
 * Daily demand, forecast, stock on hand, reorder point and safety stock of an item in a warehouse (Apache
 * ECharts). The client sets {@code data-rendered="true"} and {@code data-history} (demand days drawn).
 */
@Tag("millflow-demand-chart")
@NpmPackage(value = "echarts", version = "6.0.0")
@JsModule("./components/millflow-demand-chart.ts")
public class DemandChart extends Component implements HasSize {

    public void show(ForecastView f, String unit) {
        getElement().setPropertyJson("history", demand(f.history()));
        getElement().setPropertyJson("forecast", demand(f.forecast()));
        JsonArray stock = Json.createArray();
        for (StockPoint p : f.stock()) {
            JsonObject point = Json.createObject();
            point.put("day", p.day().toString());
            point.put("onHand", p.onHand().doubleValue());
            stock.set(stock.length(), point);
        }
        getElement().setPropertyJson("stock", stock);
        getElement().setProperty("reorderPoint", f.reorderPoint());
        getElement().setProperty("safetyStock", f.safetyStock());
        getElement().setProperty("unit", unit == null ? "" : unit);
    }

    private static JsonArray demand(List<DemandPoint> points) {
        JsonArray array = Json.createArray();
        for (DemandPoint p : points) {
            JsonObject point = Json.createObject();
            point.put("day", p.day().toString());
            point.put("quantity", p.quantity());
            array.set(array.length(), point);
        }
        return array;
    }
}
