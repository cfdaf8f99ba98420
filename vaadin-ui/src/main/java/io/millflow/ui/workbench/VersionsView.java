package io.millflow.ui.workbench;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.workbench.AttributeChange;
import io.millflow.workbench.DeployedVersion;
import io.millflow.workbench.ElementChange;
import io.millflow.workbench.ModelDiff;
import io.millflow.workbench.ModelDraftView;
import io.millflow.workbench.ModelKind;
import io.millflow.workbench.ModelSummary;
import io.millflow.workbench.ProcessModels;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The deployed versions of a model: who deployed each, when, from where (installed from {@code bpmn/} or the
 * workbench) and why; the difference between two picked versions; export of a version as a file; a version opened
 * as a new draft; the installed model restored as a new version.
 */
@Route(value = "processes/:key/versions", layout = MainLayout.class)
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class VersionsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** One row of the difference: added, removed or changed element, with its attribute changes. */
    public record DiffRow(String change, String elementId, String type, String name, String details) {
    }

    private final ProcessModels models;
    private final Grid<DeployedVersion> versions = new Grid<>(DeployedVersion.class, false);
    private final Grid<DiffRow> diff = new Grid<>(DiffRow.class, false);
    private final Span diffTitle = new Span();
    private String key;
    private ModelKind kind;

    public VersionsView(ProcessModels models) {
        this.models = models;
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return "Versions " + (key == null ? "" : key);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        key = event.getRouteParameters().get("key").orElseThrow();
        List<String> kindParam = event.getLocation().getQueryParameters().getParameters().get("kind");
        List<ModelSummary> summaries = models.list().stream().filter(s -> s.key().equals(key)).toList();
        kind = kindParam != null && !kindParam.isEmpty() ? ModelKind.valueOf(kindParam.get(0).toUpperCase())
                : summaries.stream().map(ModelSummary::kind).findFirst().orElse(ModelKind.BPMN);
        String name = summaries.stream().filter(s -> s.kind() == kind).map(ModelSummary::name).findFirst().orElse(null);
        removeAll();
        add(new ProcessNav(key, name, ProcessNav.Page.VERSIONS));
        build();
    }

    private void build() {
        versions.setId("versions");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        versions.setSelectionMode(Grid.SelectionMode.MULTI);
        if (versions.getColumns().isEmpty()) {
            versions.addColumn(DeployedVersion::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
            versions.addColumn(DeployedVersion::deployedBy).setHeader("Deployed by").setAutoWidth(true);
            versions.addColumn(v -> ProcessesView.when(v.deployedAt())).setHeader("Deployed at").setAutoWidth(true);
            versions.addColumn(DeployedVersion::source).setHeader("Source").setAutoWidth(true);
            versions.addColumn(DeployedVersion::comment).setHeader("Comment").setFlexGrow(1);
            versions.addComponentColumn(v -> {
                String fileName = key + "." + kind.name().toLowerCase();
                Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
                    byte[] content = models.content(kind, key, v.version()).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(new ByteArrayInputStream(content), fileName,
                            kind == ModelKind.FORM ? "application/json" : "application/xml", content.length);
                }), AttachmentType.DOWNLOAD, "Export");
                export.setId("export-" + v.version());
                Button open = new Button("Open as draft", e -> openAsDraft(v));
                open.setId("open-draft-" + v.version());
                return new HorizontalLayout(export, open);
            }).setHeader("").setAutoWidth(true);
        }
        versions.setItems(models.versions(kind, key));
        versions.setAllRowsVisible(true);

        Button compare = new Button("Compare the two selected", e -> compare());
        compare.setId("compare");
        Button restore = new Button("Restore installed model", e -> restore());
        restore.setId("restore-installed");

        diff.setId("diff");
        diff.addThemeVariants(GridVariant.LUMO_COMPACT);
        diff.setAllRowsVisible(true);
        if (diff.getColumns().isEmpty()) {
            diff.addColumn(DiffRow::change).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
            diff.addColumn(DiffRow::elementId).setHeader("Element").setAutoWidth(true);
            diff.addColumn(DiffRow::type).setHeader("Type").setAutoWidth(true);
            diff.addColumn(DiffRow::name).setHeader("Name").setAutoWidth(true);
            diff.addColumn(DiffRow::details).setHeader("Attributes").setFlexGrow(1);
        }
        diff.setVisible(false);
        diffTitle.setId("diff-title");
        add(versions, new HorizontalLayout(compare, restore), new H3("Difference"), diffTitle, diff);
    }

    private void compare() {
        Set<DeployedVersion> picked = versions.getSelectedItems();
        if (picked.size() != 2) {
            diffTitle.setText("Pick two versions to compare.");
            diff.setVisible(false);
            return;
        }
        List<Integer> numbers = picked.stream().map(DeployedVersion::version).sorted().toList();
        try {
            ModelDiff d = models.diff(kind, key, numbers.get(0), numbers.get(1));
            List<DiffRow> rows = new ArrayList<>();
            d.added().forEach(c -> rows.add(row("added", c)));
            d.removed().forEach(c -> rows.add(row("removed", c)));
            d.changed().forEach(c -> rows.add(row("changed", c)));
            rows.sort(Comparator.comparing(DiffRow::change).thenComparing(DiffRow::elementId));
            diffTitle.setText("Version " + d.fromVersion() + " → " + d.toVersion() + ": " + d.added().size()
                    + " added, " + d.removed().size() + " removed, " + d.changed().size() + " changed");
            diff.setItems(rows);
            diff.setVisible(true);
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private static DiffRow row(String change, ElementChange c) {
        String details = c.changes() == null ? "" : c.changes().stream().map(VersionsView::describe)
                .collect(Collectors.joining("; "));
        return new DiffRow(change, c.elementId(), c.type(), c.name(), details);
    }

    private static String describe(AttributeChange a) {
        return a.attribute() + ": " + (a.before() == null ? "—" : a.before()) + " → "
                + (a.after() == null ? "—" : a.after());
    }

    private void openAsDraft(DeployedVersion v) {
        try {
            ModelDraftView draft = models.openVersion(kind, key, v.version());
            UI.getCurrent().navigate(ProcessNav.Page.MODEL.route(key),
                    QueryParameters.simple(Map.of("draft", draft.id().toString(), "kind", kind.name())));
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void restore() {
        try {
            DeployedVersion restored = models.restoreInstalled(kind, key);
            diffTitle.setText("Restored the installed model as version " + restored.version());
            versions.setItems(models.versions(kind, key));
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }
}
