package io.millflow.ui.workbench;

import io.millflow.ui.exchange.ExportMenu;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.millflow.ui.MainLayout;
import io.millflow.workbench.ModelDraftView;
import io.millflow.workbench.ModelSummary;
import io.millflow.workbench.ProcessModels;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.Map;

/**
 * The process owners' workbench: every deployed model (processes, decisions, forms) with its latest version and who
 * deployed it, and the drafts of the selected one. Opening a model leads to its editor.
 */
@Route(value = "processes", layout = MainLayout.class)
@PageTitle("Processes")
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class ProcessesView extends VerticalLayout {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ProcessModels models;
    private final Grid<ModelDraftView> drafts = new Grid<>(ModelDraftView.class, false);
    private final H3 draftsTitle = new H3("Drafts");

    public ProcessesView(ProcessModels models) {
        this.models = models;
        setSizeFull();
        Grid<ModelSummary> grid = new Grid<>(ModelSummary.class, false);
        grid.setId("models");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(s -> s.kind().name()).setHeader("Kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModelSummary::key).setHeader("Key").setAutoWidth(true);
        grid.addColumn(ModelSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(s -> s.latestVersion() == null ? "—" : String.valueOf(s.latestVersion()))
                .setHeader("Latest version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ModelSummary::deployedBy).setHeader("Deployed by").setAutoWidth(true);
        grid.addColumn(s -> s.deployedAt() == null ? "" : WHEN.format(s.deployedAt())).setHeader("Deployed at")
                .setAutoWidth(true);
        grid.addColumn(ModelSummary::drafts).setHeader("Drafts").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(s -> {
            Button open = new Button("Open", e -> openModel(s));
            open.setId("open-" + s.key());
            return open;
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(models.list());
        grid.asSingleSelect().addValueChangeListener(e -> showDrafts(e.getValue()));

        drafts.setId("drafts");
        drafts.addThemeVariants(GridVariant.LUMO_COMPACT);
        drafts.setAllRowsVisible(true);
        drafts.addColumn(d -> d.baseVersion() == null ? "new" : "from v" + d.baseVersion()).setHeader("Based on");
        drafts.addColumn(ModelDraftView::updatedBy).setHeader("Saved by");
        drafts.addColumn(d -> d.updatedAt() == null ? "" : WHEN.format(d.updatedAt())).setHeader("Saved at");
        drafts.addComponentColumn(d -> new Button("Open draft", e -> UI.getCurrent().navigate(
                ProcessNav.Page.MODEL.route(d.key()),
                QueryParameters.simple(Map.of("draft", d.id().toString(), "kind", d.kind().name())))));
        drafts.setVisible(false);
        draftsTitle.setVisible(false);

        add(new H2("Processes, decisions and forms"),
                new Paragraph("Select a model to see its drafts; open it to edit, check and deploy a new version."),
                new ExportMenu<>(grid, "process-models").column("Kind", ModelSummary::kind)
                        .column("Key", ModelSummary::key).column("Name", ModelSummary::name)
                        .column("Latest version", ModelSummary::latestVersion)
                        .column("Deployed by", ModelSummary::deployedBy).column("Deployed at", ModelSummary::deployedAt)
                        .column("Drafts", ModelSummary::drafts),
                grid, draftsTitle, drafts);
        grid.setHeight("60%");
    }

    private void openModel(ModelSummary s) {
        UI.getCurrent().navigate(ProcessNav.Page.MODEL.route(s.key()),
                QueryParameters.simple(Map.of("kind", s.kind().name())));
    }

    private void showDrafts(ModelSummary s) {
        boolean show = s != null && s.drafts() > 0;
        drafts.setVisible(show);
        draftsTitle.setVisible(show);
        if (show) {
            draftsTitle.setText("Drafts of " + s.key());
            drafts.setItems(models.drafts(s.key()));
        }
    }

    static String when(Temporal t) {
        return t == null ? "" : WHEN.format(t);
    }
}
