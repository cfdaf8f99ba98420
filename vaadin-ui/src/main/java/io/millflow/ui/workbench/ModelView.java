package io.millflow.ui.workbench;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.millflow.shared.ProblemException;
import io.millflow.ui.MainLayout;
import io.millflow.ui.Problems;
import io.millflow.ui.components.BpmnModeler;
import io.millflow.ui.components.DmnModeler;
import io.millflow.ui.components.FormEditor;
import io.millflow.workbench.CheckReport;
import io.millflow.workbench.DeployedVersion;
import io.millflow.workbench.LintContext;
import io.millflow.workbench.ModelDraftView;
import io.millflow.workbench.ModelKind;
import io.millflow.workbench.ModelProblem;
import io.millflow.workbench.ModelSummary;
import io.millflow.workbench.ProcessModels;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The model editor of the workbench: the latest deployed version of a process (bpmn-js), decision (dmn-js) or form,
 * or a draft ({@code ?draft=<id>}). Save draft, Check (the server's checks, drawn on the diagram), Deploy (refused
 * while the browser or the server sees an error; the server checks again and may refuse with the problems listed).
 */
@Route(value = "processes/:key/model", layout = MainLayout.class)
@RolesAllowed({"PROCESS_OWNER", "ADMIN"})
public class ModelView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** One row of the problems grid: from the browser's linter or the server's check. */
    public record Row(String source, String severity, String ruleId, String elementId, String message) {
    }

    private final ProcessModels models;
    private final Grid<Row> problems = new Grid<>(Row.class, false);
    private final Span status = new Span();
    private final Button save = new Button("Save draft");
    private final Button check = new Button("Check");
    private final Button deploy = new Button("Deploy…");
    private final Span deployed = new Span();
    private final Div editorHolder = new Div();

    private String key;
    private ModelKind kind;
    private UUID draftId;
    private Long draftVersion;
    private Integer baseVersion;
    private String xml;
    private boolean dirty;
    private List<BpmnModeler.LintIssue> browserIssues = List.of();
    private List<ModelProblem> serverProblems = List.of();
    private BpmnModeler bpmn;
    private DmnModeler dmn;
    private FormEditor form;

    public ModelView(ProcessModels models) {
        this.models = models;
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return "Model " + (key == null ? "" : key);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        key = event.getRouteParameters().get("key").orElseThrow();
        Location location = event.getLocation();
        Map<String, List<String>> query = location.getQueryParameters().getParameters();
        String draftParam = first(query, "draft");
        String kindParam = first(query, "kind");
        removeAll();
        try {
            load(draftParam, kindParam);
        } catch (IllegalArgumentException | ProblemException e) {
            add(new ProcessNav(key, null, ProcessNav.Page.MODEL), new Span("Cannot open this model: " + e.getMessage()));
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private void load(String draftParam, String kindParam) {
        String name = null;
        bpmn = null;
        dmn = null;
        form = null;
        browserIssues = List.of();
        serverProblems = List.of();
        deployed.setText("");
        status.setText("");
        if (draftParam != null) {
            ModelDraftView draft = models.draft(UUID.fromString(draftParam));
            kind = draft.kind();
            draftId = draft.id();
            draftVersion = draft.version();
            baseVersion = draft.baseVersion();
            xml = draft.xml();
            name = draft.name();
        } else {
            Optional<ModelSummary> summary = models.list().stream().filter(s -> s.key().equals(key))
                    .filter(s -> kindParam == null || s.kind().name().equalsIgnoreCase(kindParam)).findFirst();
            kind = kindParam != null ? ModelKind.valueOf(kindParam.toUpperCase())
                    : summary.map(ModelSummary::kind).orElse(ModelKind.BPMN);
            name = summary.map(ModelSummary::name).orElse(null);
            baseVersion = summary.map(ModelSummary::latestVersion).orElse(null);
            if (baseVersion == null) {
                throw new IllegalArgumentException("no deployed version of " + key + "; open one of its drafts");
            }
            xml = models.content(kind, key, baseVersion);
            draftId = null;
            draftVersion = null;
        }
        dirty = false;
        add(new ProcessNav(key, name, ProcessNav.Page.MODEL));
        add(toolbar());
        editorHolder.setWidthFull();
        editorHolder.removeAll();
        editorHolder.add(editor());
        add(editorHolder);
        problems.setId("problems");
        problems.addThemeVariants(GridVariant.LUMO_COMPACT);
        problems.setAllRowsVisible(true);
        if (problems.getColumns().isEmpty()) {
            problems.addColumn(Row::source).setHeader("Found by").setAutoWidth(true).setFlexGrow(0);
            problems.addColumn(Row::severity).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
            problems.addColumn(Row::ruleId).setHeader("Rule").setAutoWidth(true);
            problems.addColumn(Row::elementId).setHeader("Element").setAutoWidth(true);
            problems.addColumn(Row::message).setHeader("Message").setFlexGrow(1);
        }
        add(problems);
        refresh();
    }

    private Component toolbar() {
        save.setId("save-draft");
        check.setId("check");
        deploy.setId("deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        status.setId("model-status");
        deployed.setId("deployed-version");
        save.addClickListener(e -> withXml(x -> saveDraft()));
        check.addClickListener(e -> withXml(x -> runCheck()));
        deploy.addClickListener(e -> withXml(x -> openDeployDialog()));
        HorizontalLayout bar = new HorizontalLayout(save, check, deploy, status, deployed);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        return bar;
    }

    private Component editor() {
        switch (kind) {
            case BPMN -> {
                bpmn = new BpmnModeler();
                bpmn.setId("modeler");
                bpmn.setHeight("600px");
                LintContext ctx = models.lintContext();
                bpmn.setLintContext(ctx.topics(), ctx.roles(), ctx.decisions(), ctx.forms());
                bpmn.setXml(xml);
                bpmn.addModelChangedListener(e -> {
                    // a late event of a model already saved or deployed carries the same XML: not a change
                    boolean changed = e.dirty() && !e.xml().equals(xml);
                    xml = e.xml();
                    browserIssues = e.issues();
                    if (changed) {
                        dirty = true;
                        serverProblems = List.of(); // stale: the model changed since the check
                        bpmn.setServerProblems(List.of());
                        deployed.setText("");
                    }
                    refresh();
                });
                return bpmn;
            }
            case DMN -> {
                dmn = new DmnModeler();
                dmn.setId("dmn-modeler");
                dmn.setHeight("600px");
                dmn.setXml(xml);
                dmn.addModelChangedListener(e -> {
                    boolean changed = e.dirty() && !e.xml().equals(xml);
                    xml = e.xml();
                    if (changed) {
                        dirty = true;
                        serverProblems = List.of();
                        deployed.setText("");
                    }
                    refresh();
                });
                return dmn;
            }
            default -> {
                form = new FormEditor();
                form.setId("form-editor");
                form.setWidthFull();
                form.setHeight("600px");
                form.setSchema(xml);
                form.addChangeListener(e -> {
                    xml = e.schema();
                    dirty = true;
                    serverProblems = List.of();
                    deployed.setText("");
                    refresh();
                });
                return form;
            }
        }
    }

    /** Runs the action with the newest model text (the browser debounces its change events). */
    private void withXml(java.util.function.Consumer<String> action) {
        if (bpmn != null) {
            bpmn.requestXml(x -> {
                xml = x;
                action.accept(x);
            });
        } else if (dmn != null) {
            dmn.requestXml(x -> {
                xml = x;
                action.accept(x);
            });
        } else if (form != null) {
            form.getSchema(x -> {
                xml = x;
                action.accept(x);
            });
        } else {
            action.accept(xml);
        }
    }

    private boolean saveDraft() {
        try {
            ModelDraftView saved = models.saveDraft(draftId, kind, xml, draftVersion);
            draftId = saved.id();
            draftVersion = saved.version();
            dirty = false;
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(
                    ProcessNav.Page.MODEL.route(key),
                    QueryParameters.simple(Map.of("draft", draftId.toString(), "kind", kind.name())))));
            status.setText("Draft saved");
            refresh();
            return true;
        } catch (RuntimeException e) {
            Problems.show(e);
            return false;
        }
    }

    private void runCheck() {
        try {
            CheckReport report = models.check(kind, xml);
            serverProblems = report.problems();
            status.setText(report.hasErrors() ? "The server found errors" : "The server found no errors");
            if (bpmn != null) {
                bpmn.setServerProblems(serverProblems.stream().map(p -> new BpmnModeler.Problem(p.ruleId(),
                        p.elementId(), p.severity().name(), p.message())).toList());
            }
            refresh();
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private void openDeployDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Deploy " + key);
        TextField comment = new TextField("Comment");
        comment.setId("deploy-comment");
        comment.setWidth("30em");
        Button confirm = new Button("Deploy", e -> {
            dialog.close();
            runDeploy(comment.getValue());
        });
        confirm.setId("deploy-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(comment);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
        comment.focus();
    }

    private void runDeploy(String comment) {
        if (draftId == null || dirty) {
            if (!saveDraft()) {
                return;
            }
        }
        try {
            DeployedVersion version = models.deploy(draftId, comment);
            deployed.setText("Deployed version " + version.version());
            status.setText("");
            serverProblems = List.of();
            baseVersion = version.version();
            draftId = null;
            draftVersion = null;
            Notification n = Notification.show("Deployed version " + version.version() + " of " + key, 4000,
                    Notification.Position.BOTTOM_START);
            n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location(
                    ProcessNav.Page.MODEL.route(key), QueryParameters.simple(Map.of("kind", kind.name())))));
            refresh();
        } catch (ProblemException e) {
            List<ModelProblem> refused = problemsOf(e);
            if (!refused.isEmpty()) {
                serverProblems = refused;
                if (bpmn != null) {
                    bpmn.setServerProblems(refused.stream().map(p -> new BpmnModeler.Problem(p.ruleId(),
                            p.elementId(), p.severity().name(), p.message())).toList());
                }
                status.setText("The server refused the model: " + e.getMessage());
                refresh();
            } else {
                Problems.show(e);
            }
        } catch (RuntimeException e) {
            Problems.show(e);
        }
    }

    private static List<ModelProblem> problemsOf(ProblemException e) {
        Object value = e.properties().get("problems");
        List<ModelProblem> list = new ArrayList<>();
        if (value instanceof List<?> items) {
            items.stream().filter(ModelProblem.class::isInstance).map(ModelProblem.class::cast).forEach(list::add);
        }
        return list;
    }

    private void refresh() {
        List<Row> rows = new ArrayList<>();
        browserIssues.forEach(i -> rows.add(new Row("browser", i.severity(), i.ruleId(), i.elementId(), i.message())));
        serverProblems.forEach(p -> rows.add(new Row("server", p.severity().name(), p.ruleId(), p.elementId(),
                p.message())));
        problems.setItems(rows);
        long errors = rows.stream().filter(r -> "ERROR".equals(r.severity())).count();
        deploy.setEnabled(errors == 0 && xml != null && !xml.isBlank());
        deploy.getElement().setAttribute("data-errors", String.valueOf(errors));
        if (errors > 0) {
            deploy.setTooltipText("Fix the " + errors + " error(s) first");
        } else {
            deploy.setTooltipText(null);
        }
    }
}
