package io.millflow.ui.workbench;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.ui.components.BpmnViewer;
import io.millflow.ui.components.BpmnViewer.Badge;
import io.millflow.workbench.runtime.ActivityCount;
import io.millflow.workbench.runtime.IncidentView;
import io.millflow.workbench.runtime.ProcessRuntime;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Running instances of one process: the diagram with a badge per activity (running instances, open incidents) for
 * the latest or a chosen version or all versions, the open incidents with their error and a retry, and the
 * migration of running instances between versions ({@link MigrationDialog}). Roles: PROCESS_OWNER, ADMIN.
 */
@Route(value = "processes/:key/instances", layout = MainLayout.class)
@PageTitle("Running instances · Millflow")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class ProcessInstancesView extends VerticalLayout implements BeforeEnterObserver {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** A choice of the version selector; {@code version == null} means all versions. */
    record VersionChoice(Integer version, String label) {
    }

    private final ProcessRuntime runtime;
    private final ProcessDiagrams diagrams;
    private final ComboBox<VersionChoice> version = new ComboBox<>("Version");
    private final BpmnViewer diagram = new BpmnViewer();
    private final Span summary = new Span();
    private final Grid<IncidentView> incidents = new Grid<>(IncidentView.class, false);
    private final Span incidentCount = new Span();
    private String key;
    private List<ProcessDiagrams.Version> versions = List.of();
    private boolean entering;

    public ProcessInstancesView(ProcessRuntime runtime, ProcessDiagrams diagrams) {
        this.runtime = runtime;
        this.diagrams = diagrams;
        setWidthFull();
        version.setId("instances-version");
        version.setItemLabelGenerator(VersionChoice::label);
        version.setAllowCustomValue(false);
        version.addValueChangeListener(e -> {
            if (e.getValue() != null && !entering) {
                refresh();
            }
        });
        configureIncidents();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        key = event.getRouteParameters().get("key").orElse("");
        removeAll();
        add(new ProcessNav(key, diagrams.name(key).orElse(null), ProcessNav.Page.INSTANCES));
        versions = diagrams.versions(key);
        if (versions.isEmpty()) {
            Paragraph none = new Paragraph("Process " + key + " is not deployed.");
            none.setId("instances-not-deployed");
            add(none);
            return;
        }
        List<VersionChoice> choices = new ArrayList<>();
        for (ProcessDiagrams.Version v : versions) {
            choices.add(new VersionChoice(v.version(), "Version " + v.version()
                    + (v == versions.get(0) ? " (latest)" : "")));
        }
        choices.add(new VersionChoice(null, "All versions"));
        entering = true;
        version.setItems(choices);
        version.setValue(choices.get(0));
        entering = false;
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("instances-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button migrate = new Button("Migrate instances", VaadinIcon.EXCHANGE.create(), e -> openMigration());
        migrate.setId("migrate-open");
        migrate.setEnabled(versions.size() > 1);
        HorizontalLayout bar = new HorizontalLayout(version, refresh, migrate);
        bar.setAlignItems(Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");

        summary.setId("instances-summary");
        Span legend = new Span("Blue: running instances waiting in the activity · red: open incidents");
        legend.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        diagram.setId("instances-diagram");
        diagram.setWidthFull();
        diagram.setHeight("420px");
        Div frame = new Div(diagram);
        frame.setWidthFull();
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");

        incidentCount.setId("incident-count");
        H3 incidentsTitle = new H3("Open incidents");
        incidentsTitle.getStyle().set("margin-bottom", "0");
        add(bar, summary, legend, frame, new HorizontalLayout(incidentsTitle, incidentCount,
                new ExportMenu<>(incidents, "incidents").column("Time", IncidentView::created)
                        .column("Process", IncidentView::processKey).column("Version", IncidentView::version)
                        .column("Activity", IncidentView::activityId).column("Business key", IncidentView::businessKey)
                        .column("Instance", IncidentView::processInstanceId).column("Type", IncidentView::type)
                        .column("Error", IncidentView::message)), incidents);
        refresh();
    }

    private void configureIncidents() {
        incidents.setId("incident-grid");
        incidents.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        incidents.setAllRowsVisible(true);
        incidents.addColumn(i -> i.created() == null ? "" : TIME.format(i.created())).setHeader("Time")
                .setAutoWidth(true).setFlexGrow(0);
        incidents.addColumn(new ComponentRenderer<>(i -> {
            Span s = new Span(i.activityName() == null || i.activityName().isBlank()
                    ? i.activityId() : i.activityName() + " (" + i.activityId() + ")");
            s.addClassName("incident-activity");
            s.getElement().setAttribute("data-activity-id", String.valueOf(i.activityId()));
            s.getElement().setAttribute("data-incident-id", i.id());
            return s;
        })).setHeader("Activity").setAutoWidth(true);
        incidents.addColumn(IncidentView::businessKey).setHeader("Business key").setAutoWidth(true);
        incidents.addColumn(IncidentView::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        incidents.addColumn(new ComponentRenderer<>(i -> {
            Span s = new Span(i.message() == null ? "" : i.message());
            s.addClassName("incident-message");
            return s;
        })).setHeader("Error").setFlexGrow(2);
        incidents.addColumn(new ComponentRenderer<>(i -> {
            Button details = new Button("Details", e -> showDetails(i));
            details.addClassName("incident-details");
            details.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            Button retry = new Button("Retry", e -> retry(i));
            retry.addClassName("incident-retry");
            retry.getElement().setAttribute("data-incident-id", i.id());
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            return new HorizontalLayout(details, retry);
        })).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    private Integer selectedVersion() {
        return version.getValue() == null ? versions.get(0).version() : version.getValue().version();
    }

    /** Reloads the diagram, the badges and the incidents from the engine. */
    void refresh() {
        Integer v = selectedVersion();
        try {
            int shown = v == null ? versions.get(0).version() : v;
            String xml = diagrams.xml(key, shown);
            List<ActivityCount> counts = runtime.activityCounts(key, v);
            Map<String, Badge> badges = new LinkedHashMap<>();
            long running = 0;
            long open = 0;
            for (ActivityCount c : counts) {
                badges.put(c.activityId(), new Badge(c.running(), c.incidents()));
                running += c.running();
                open += c.incidents();
            }
            diagram.show(xml, List.of());
            diagram.setBadges(badges);
            summary.setText((v == null ? "All versions" : "Version " + v) + ": " + running + " waiting in activities, "
                    + open + " open incident" + (open == 1 ? "" : "s")
                    + (v == null ? " (diagram of version " + shown + ")" : ""));
            List<IncidentView> list = new ArrayList<>(runtime.incidents(key).stream()
                    .filter(i -> v == null || i.version() == v).toList());
            list.sort(Comparator.comparing(IncidentView::created, Comparator.nullsLast(Comparator.reverseOrder())));
            incidents.setItems(list);
            incidentCount.setText(String.valueOf(list.size()));
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void showDetails(IncidentView i) {
        new IncidentDialog(i).open();
    }

    private void retry(IncidentView i) {
        try {
            runtime.retry(i.id());
            com.vaadin.flow.component.notification.Notification n = com.vaadin.flow.component.notification.Notification
                    .show("Retrying " + (i.activityName() == null ? i.activityId() : i.activityName())
                            + (i.businessKey() == null ? "" : " of " + i.businessKey()), 4000,
                            com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
            n.setId("retry-notification");
        } catch (RuntimeException e) {
            Problems.show(e);
        }
        refresh();
    }

    private void openMigration() {
        new MigrationDialog(runtime, key, versions.stream().map(ProcessDiagrams.Version::version).toList(), this::refresh)
                .open();
    }
}
