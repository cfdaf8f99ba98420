package io.millflow.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import elemental.json.Json;
import elemental.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Read-only BPMN diagram viewer (bpmn-js) that highlights the given active activities, and optionally draws
 * {@linkplain #setBadges badges} (running instances, open incidents) and a {@linkplain #setHeat heat colouring}
 * on activities. The client sets {@code data-rendered="true"}, {@code data-active-ids}, {@code data-badges} and
 * {@code data-heat} once a diagram is shown; badges are {@code #badge-running-<id>} and
 * {@code #badge-incidents-<id>} with {@code data-count}, heat labels {@code #heat-<id>} with {@code data-intensity}.
 */
@Tag("millflow-bpmn-viewer")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@JsModule("./components/millflow-bpmn-viewer.ts")
public class BpmnViewer extends Component implements HasSize {

    /** Shows the diagram and highlights the given activity ids; a {@code null} or blank XML clears the viewer. */
    public void show(String bpmnXml, Collection<String> activeActivityIds) {
        List<String> ids = activeActivityIds == null
                ? List.of()
                : activeActivityIds.stream().filter(Objects::nonNull).distinct().toList();
        getElement().setProperty("xml", bpmnXml == null ? "" : bpmnXml);
        getElement().setPropertyList("activeIds", ids);
    }

    /** Removes the diagram. */
    public void clear() {
        show(null, null);
    }

    /** Counts drawn on one activity: running instances (blue, bottom left) and open incidents (red, bottom right). */
    public record Badge(long running, long incidents) {
    }

    /**
     * Draws a badge per activity id (zero counts are not drawn); {@code null} or an empty map removes them. Ids the
     * diagram does not hold are ignored; {@code <id>#multiInstanceBody} counts towards {@code <id>}.
     */
    public void setBadges(Map<String, Badge> badges) {
        JsonObject json = Json.createObject();
        if (badges != null) {
            badges.forEach((id, badge) -> {
                if (id != null && badge != null) {
                    JsonObject b = Json.createObject();
                    b.put("running", badge.running());
                    b.put("incidents", badge.incidents());
                    json.put(id, b);
                }
            });
        }
        getElement().setPropertyJson("badges", json);
    }

    /**
     * Colours activities from green (intensity 0) to red (1) and writes a label above each (e.g. the average time
     * spent there); {@code null} or empty maps remove the colouring. Intensities are clamped to 0..1.
     */
    public void setHeat(Map<String, Double> intensity, Map<String, String> labels) {
        JsonObject heat = Json.createObject();
        if (intensity != null) {
            intensity.forEach((id, value) -> {
                if (id != null && value != null && !value.isNaN()) {
                    heat.put(id, Math.max(0, Math.min(1, value)));
                }
            });
        }
        JsonObject text = Json.createObject();
        if (labels != null) {
            labels.forEach((id, label) -> {
                if (id != null && label != null) {
                    text.put(id, label);
                }
            });
        }
        getElement().setPropertyJson("heatLabels", text);
        getElement().setPropertyJson("heat", heat);
    }
}
