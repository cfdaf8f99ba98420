package io.millflow.ui.components;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;
import elemental.json.Json;
import elemental.json.JsonArray;
import elemental.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Gantt chart (npm {@code frappe-gantt} 1.x): one bar per task, dependency arrows, critical bars in red,
 * milestones as diamonds. Bars can be dragged (moved) and resized unless {@linkplain #setReadonly read-only}; the
 * chart only reports the change ({@link DateChangeEvent}) — the server decides and calls {@link #setTasks} again
 * (e.g. with successors moved, or with the old dates to snap a refused move back). Moving a bar does not move its
 * successors on the client.
 *
 * <p><b>Dates are calendar days, end inclusive</b>, both ways: a bar from {@code 2026-03-02} to {@code 2026-03-04}
 * covers three days; a milestone has {@code start == end} (drawn in its one day). frappe-gantt itself works with an
 * exclusive end instant (midnight after the last day, reported minus one second); the client converts it.
 *
 * <p>For tests the element carries {@code data-rendered="true"} and {@code data-bars} once drawn; each bar is a
 * {@code g.bar-wrapper[data-id=<Bar.id>]} in its shadow root, with class {@code mf-task}, {@code mf-task-critical},
 * {@code mf-milestone} or {@code mf-milestone-critical}.
 */
@Tag("millflow-gantt")
@NpmPackage(value = "frappe-gantt", version = "1.2.2")
@JsModule("./components/millflow-gantt.ts")
public class GanttChart extends Component implements HasSize {

    /** View modes the chart offers. */
    public static final Set<String> VIEW_MODES = Set.of("Day", "Week", "Month");

    /**
     * One bar. {@code start} is required (a task without dates is not a bar); {@code end} is inclusive and not before
     * {@code start} ({@code null} = one day; for a milestone {@code end} is ignored and the bar is drawn on
     * {@code start}); {@code progress} 0–100 (clamped); {@code dependencies} are ids of predecessor bars (ids not in
     * the chart are ignored; arrows are drawn finish-to-start whatever the dependency kind).
     */
    public record Bar(String id, String name, LocalDate start, LocalDate end, int progress, List<String> dependencies,
            boolean milestone, boolean critical) {

        public Bar {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(start, "start");
            if (end == null || milestone) {
                end = start;
            }
            if (end.isBefore(start)) {
                throw new IllegalArgumentException("Bar " + id + " ends (" + end + ") before it starts (" + start + ")");
            }
            dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
            progress = Math.max(0, Math.min(100, progress));
        }
    }

    private int revision;
    /** The number of the last date change the browser reported; sent with the bars (see {@link #setTasks}). */
    private int lastSeq;

    public GanttChart() {
        getElement().setProperty("viewMode", "Day");
        // registered first, so it runs before the listeners that answer a change with setTasks
        addListener(DateChangeEvent.class, e -> lastSeq = e.seq);
    }

    /**
     * Shows these bars (top to bottom in this order), replacing the previous ones, including changes the browser made
     * by dragging — except changes this server had not received yet when it called this (the browser keeps those),
     * so that a late answer to one drag does not undo the next. The scroll position is kept; while a bar is being
     * dragged the redraw waits for the mouse to be released.
     */
    public void setTasks(List<Bar> bars) {
        JsonArray array = Json.createArray();
        for (Bar bar : bars == null ? List.<Bar>of() : bars) {
            JsonObject json = Json.createObject();
            json.put("id", bar.id());
            json.put("name", bar.name() == null ? "" : bar.name());
            json.put("start", bar.start().toString());
            json.put("end", bar.end().toString());
            json.put("progress", bar.progress());
            JsonArray deps = Json.createArray();
            bar.dependencies().forEach(d -> deps.set(deps.length(), d));
            json.put("dependencies", deps);
            json.put("milestone", bar.milestone());
            json.put("critical", bar.critical());
            array.set(array.length(), json);
        }
        getElement().setPropertyJson("tasks", array);
        getElement().setProperty("ackSeq", lastSeq);
        // a new revision makes the client redraw even when the list equals what it shows (snap back)
        getElement().setProperty("revision", ++revision);
    }

    /** {@code "Day"} (default), {@code "Week"} or {@code "Month"}. Dragging moves by whole days in Day and Week. */
    public void setViewMode(String viewMode) {
        if (!VIEW_MODES.contains(viewMode)) {
            throw new IllegalArgumentException("View mode must be one of " + VIEW_MODES + ", not " + viewMode);
        }
        getElement().setProperty("viewMode", viewMode);
    }

    public String getViewMode() {
        return getElement().getProperty("viewMode", "Day");
    }

    /** Read-only: bars cannot be dragged or resized (clicks still work). */
    public void setReadonly(boolean readonly) {
        getElement().setProperty("readonly", readonly);
    }

    public boolean isReadonly() {
        return getElement().getProperty("readonly", false);
    }

    /** Called once per changed bar when a drag or resize ends. */
    public Registration addDateChangeListener(ComponentEventListener<DateChangeEvent> listener) {
        return addListener(DateChangeEvent.class, listener);
    }

    /** Called when a bar is clicked (not at the end of a drag). */
    public Registration addBarClickListener(ComponentEventListener<BarClickEvent> listener) {
        return addListener(BarClickEvent.class, listener);
    }

    /** A bar was moved or resized in the browser: its new first and last day (inclusive). */
    @DomEvent("millflow-gantt-date-change")
    public static class DateChangeEvent extends ComponentEvent<GanttChart> {

        private final String taskId;
        private final LocalDate start;
        private final LocalDate end;
        private final int seq;

        public DateChangeEvent(GanttChart source, boolean fromClient,
                @EventData("event.detail.taskId") String taskId,
                @EventData("event.detail.start") String start,
                @EventData("event.detail.end") String end,
                @EventData("event.detail.seq") int seq) {
            super(source, fromClient);
            this.taskId = taskId;
            this.seq = seq;
            this.start = LocalDate.parse(start);
            this.end = LocalDate.parse(end);
        }

        /** The {@link Bar#id()} of the moved bar. */
        public String taskId() {
            return taskId;
        }

        /** The new first day. */
        public LocalDate start() {
            return start;
        }

        /** The new last day (inclusive; equals {@link #start()} for a one-day bar). */
        public LocalDate end() {
            return end;
        }
    }

    /** A bar was clicked. */
    @DomEvent("millflow-gantt-bar-click")
    public static class BarClickEvent extends ComponentEvent<GanttChart> {

        private final String taskId;

        public BarClickEvent(GanttChart source, boolean fromClient, @EventData("event.detail.taskId") String taskId) {
            super(source, fromClient);
            this.taskId = taskId;
        }

        public String taskId() {
            return taskId;
        }
    }
}
