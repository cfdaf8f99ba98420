package io.millflow.ui.workbench;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.ui.components.BpmnViewer;
import io.millflow.ui.workbench.ProcessInstancesView.VersionChoice;
import io.millflow.workbench.runtime.ActivityHeat;
import io.millflow.workbench.runtime.Heatmap;
import io.millflow.workbench.runtime.ProcessRuntime;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where instances of one process spend their time, from the engine's history: the diagram coloured by the average
 * time in each activity (green short, red long), the figures per activity (completed, open, average, median, 95th
 * percentile, longest, late against an SLA timer), filtered by date range, business key and version; and the
 * history retention of the process. Roles: PROCESS_OWNER, ADMIN.
 */
@Route(value = "processes/:key/insight", layout = MainLayout.class)
@PageTitle("Process insight · Millflow")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class ProcessInsightView extends VerticalLayout implements BeforeEnterObserver {

    private final ProcessRuntime runtime;
    private final ProcessDiagrams diagrams;
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final TextField businessKey = new TextField("Business key");
    private final ComboBox<VersionChoice> version = new ComboBox<>("Version");
    private final BpmnViewer diagram = new BpmnViewer();
    private final Span summary = new Span();
    private final Grid<ActivityHeat> grid = new Grid<>(ActivityHeat.class, false);
    private final IntegerField retention = new IntegerField("History retention (days)");
    private final Span retentionCurrent = new Span();
    private String key;
    private List<ProcessDiagrams.Version> versions = List.of();
    private boolean entering;

    public ProcessInsightView(ProcessRuntime runtime, ProcessDiagrams diagrams) {
        this.runtime = runtime;
        this.diagrams = diagrams;
        setWidthFull();
        version.setId("insight-version");
        version.setItemLabelGenerator(VersionChoice::label);
        from.setId("insight-from");
        to.setId("insight-to");
        businessKey.setId("insight-business-key");
        businessKey.setClearButtonVisible(true);
        version.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                refreshUnlessEntering();
            }
        });
        from.addValueChangeListener(e -> refreshUnlessEntering());
        to.addValueChangeListener(e -> refreshUnlessEntering());
        businessKey.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> refresh());
        configureGrid();
    }

    private void refreshUnlessEntering() {
        if (!entering) {
            refresh();
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        key = event.getRouteParameters().get("key").orElse("");
        removeAll();
        add(new ProcessNav(key, diagrams.name(key).orElse(null), ProcessNav.Page.INSIGHT));
        versions = diagrams.versions(key);
        if (versions.isEmpty()) {
            Paragraph none = new Paragraph("Process " + key + " is not deployed.");
            none.setId("insight-not-deployed");
            add(none);
            return;
        }
        List<VersionChoice> choices = new ArrayList<>();
        choices.add(new VersionChoice(null, "All versions"));
        for (ProcessDiagrams.Version v : versions) {
            choices.add(new VersionChoice(v.version(), "Version " + v.version() + (v == versions.get(0) ? " (latest)" : "")));
        }
        entering = true;
        version.setItems(choices);
        version.setValue(choices.get(0));
        from.setValue(LocalDate.now().minusDays(30));
        to.setValue(LocalDate.now());
        businessKey.clear();
        entering = false;
        Button apply = new Button("Apply", e -> refresh());
        apply.setId("insight-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(from, to, businessKey, version, apply);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        summary.setId("insight-summary");
        Span legend = new Span("Colour: average time in the activity, green shortest to red longest; label: average. "
                + "Late: SLA timer fired or overdue.");
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        diagram.setId("insight-diagram");
        diagram.setWidthFull();
        diagram.setHeight("420px");
        Div frame = new Div(diagram);
        frame.setWidthFull();
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
        add(filters, summary, legend, frame, grid, retentionSection());
        refresh();
        showRetention();
    }

    private void configureGrid() {
        grid.setId("heat-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(new ComponentRenderer<>(h -> {
            Span s = new Span(h.activityName() == null || h.activityName().isBlank()
                    ? h.activityId() : h.activityName() + " (" + h.activityId() + ")");
            s.addClassName("heat-activity");
            s.getElement().setAttribute("data-activity-id", h.activityId());
            s.getElement().setAttribute("data-completed", String.valueOf(h.completed()));
            s.getElement().setAttribute("data-open", String.valueOf(h.open()));
            s.getElement().setAttribute("data-late", String.valueOf(h.lateAgainstSla()));
            return s;
        })).setHeader("Activity").setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(ActivityHeat::completed).setHeader("Completed").setAutoWidth(true);
        grid.addColumn(ActivityHeat::open).setHeader("Open").setAutoWidth(true);
        grid.addColumn(h -> Durations.format(h.average())).setHeader("Average").setAutoWidth(true);
        grid.addColumn(h -> Durations.format(h.p50())).setHeader("Median").setAutoWidth(true);
        grid.addColumn(h -> Durations.format(h.p95())).setHeader("95 %").setAutoWidth(true);
        grid.addColumn(h -> Durations.format(h.max())).setHeader("Longest").setAutoWidth(true);
        grid.addColumn(new ComponentRenderer<>(h -> {
            Span s = new Span(String.valueOf(h.lateAgainstSla()));
            if (h.lateAgainstSla() > 0) {
                s.getElement().getThemeList().add("badge error");
            }
            return s;
        })).setHeader("Late (SLA)").setAutoWidth(true);
    }

    private VerticalLayout retentionSection() {
        retention.setId("retention-days");
        retention.setMin(1);
        retention.setMax(3650);
        retention.setStepButtonsVisible(false);
        retention.setHelperText("1 to 3650; applies to every version of the process");
        retentionCurrent.setId("retention-current");
        Button save = new Button("Save retention", e -> saveRetention());
        save.setId("retention-save");
        HorizontalLayout row = new HorizontalLayout(retention, save, retentionCurrent);
        row.setAlignItems(Alignment.BASELINE);
        H3 title = new H3("History retention");
        title.setId("retention-title");
        title.getStyle().set("margin-bottom", "0");
        VerticalLayout section = new VerticalLayout(title, row);
        section.setPadding(false);
        return section;
    }

    private void showRetention() {
        try {
            int days = runtime.historyRetentionDays(key);
            retention.setValue(days);
            retentionCurrent.setText("Current: " + days + " days");
            retentionCurrent.getElement().setAttribute("data-days", String.valueOf(days));
        } catch (RuntimeException e) {
            retentionCurrent.setText(Problems.message(e));
        }
    }

    private void saveRetention() {
        Integer days = retention.getValue();
        if (days == null || days < 1 || days > 3650) {
            retention.setInvalid(true);
            retention.setErrorMessage("Enter a number of days from 1 to 3650");
            return;
        }
        retention.setInvalid(false);
        try {
            runtime.setHistoryRetention(key, days);
            Notification n = Notification.show("History of " + key + " is kept " + days + " days", 4000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            n.setId("retention-saved");
        } catch (RuntimeException e) {
            Problems.show(e);
        }
        showRetention();
    }

    private Integer selectedVersion() {
        return version.getValue() == null ? null : version.getValue().version();
    }

    /** Reloads the heatmap for the filters. */
    void refresh() {
        Integer v = selectedVersion();
        ZoneId zone = ZoneId.systemDefault();
        Instant start = from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant();
        Instant end = to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        String bk = businessKey.getValue() == null || businessKey.getValue().isBlank() ? null : businessKey.getValue().trim();
        try {
            Heatmap map = runtime.heatmap(key, v, start, end, bk);
            int shown = v == null ? versions.get(0).version() : v;
            List<ActivityHeat> rows = map.activities();
            long longest = rows.stream().map(ActivityHeat::average).filter(d -> d != null)
                    .mapToLong(Duration::toMillis).max().orElse(0);
            Map<String, Double> heat = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            for (ActivityHeat h : rows) {
                if (h.average() == null) {
                    continue;
                }
                heat.put(h.activityId(), longest == 0 ? 0.0 : (double) h.average().toMillis() / longest);
                labels.put(h.activityId(), "⌀ " + Durations.format(h.average())
                        + (h.lateAgainstSla() > 0 ? " · " + h.lateAgainstSla() + " late" : ""));
            }
            diagram.show(diagrams.xml(key, shown), List.of());
            diagram.setHeat(heat, labels);
            grid.setItems(rows);
            summary.setText(map.instances() + " instance" + (map.instances() == 1 ? "" : "s") + " in the range"
                    + (bk == null ? "" : " with business key " + bk) + (v == null ? ", all versions (diagram of version "
                    + shown + ")" : ", version " + v));
            summary.getElement().setAttribute("data-instances", String.valueOf(map.instances()));
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }
}
