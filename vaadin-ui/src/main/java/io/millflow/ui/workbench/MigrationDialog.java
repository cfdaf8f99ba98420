package io.millflow.ui.workbench;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.millflow.ui.Problems;
import io.millflow.workbench.runtime.MigrationInstruction;
import io.millflow.workbench.runtime.MigrationPreview;
import io.millflow.workbench.runtime.MigrationReport;
import io.millflow.workbench.runtime.ProcessRuntime;
import java.util.List;
import java.util.Map;

/**
 * Migration of all running instances of one version to another: choose the versions, preview the plan (the
 * engine's mapping of equal activity ids, activities left unmapped, instances per activity, validation problems),
 * then migrate (refused while the plan has problems) and read the report of what moved.
 */
class MigrationDialog extends Dialog {

    private final ProcessRuntime runtime;
    private final String key;
    private final Runnable afterMigration;
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final Button preview = new Button("Preview");
    private final Button migrate = new Button("Migrate");
    private final Div planArea = new Div();
    private final Div reportArea = new Div();
    private MigrationPreview plan;

    MigrationDialog(ProcessRuntime runtime, String key, List<Integer> versionsNewestFirst, Runnable afterMigration) {
        this.runtime = runtime;
        this.key = key;
        this.afterMigration = afterMigration;
        setId("migration-dialog");
        setHeaderTitle("Migrate running instances of " + key);
        setWidth("min(900px, 95vw)");
        from.setLabel("From version");
        from.setId("migrate-from");
        from.setItems(versionsNewestFirst);
        from.setItemLabelGenerator(v -> "Version " + v);
        to.setLabel("To version");
        to.setId("migrate-to");
        to.setItems(versionsNewestFirst);
        to.setItemLabelGenerator(v -> "Version " + v);
        to.setValue(versionsNewestFirst.get(0));
        if (versionsNewestFirst.size() > 1) {
            from.setValue(versionsNewestFirst.get(1));
        }
        from.addValueChangeListener(e -> resetPlan());
        to.addValueChangeListener(e -> resetPlan());
        preview.setId("migrate-preview");
        preview.addClickListener(e -> preview());
        migrate.setId("migrate-run");
        migrate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        migrate.setEnabled(false);
        migrate.addClickListener(e -> migrate());
        planArea.setId("migration-plan");
        planArea.setWidthFull();
        reportArea.setId("migration-report");
        reportArea.setWidthFull();
        HorizontalLayout choose = new HorizontalLayout(from, to, preview);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        VerticalLayout body = new VerticalLayout(choose, planArea, reportArea);
        body.setPadding(false);
        add(body);
        Button close = new Button("Close", e -> close());
        close.setId("migrate-close");
        getFooter().add(close, migrate);
    }

    private void resetPlan() {
        plan = null;
        migrate.setEnabled(false);
        planArea.removeAll();
    }

    private void preview() {
        resetPlan();
        reportArea.removeAll();
        if (from.getValue() == null || to.getValue() == null) {
            planArea.add(new Paragraph("Choose both versions."));
            return;
        }
        try {
            plan = runtime.previewMigration(key, from.getValue(), to.getValue());
        } catch (RuntimeException e) {
            Paragraph error = new Paragraph(Problems.message(e));
            error.setId("migration-error");
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            planArea.add(error);
            return;
        }
        Paragraph count = new Paragraph(plan.instances() + " running instance" + (plan.instances() == 1 ? "" : "s")
                + " of version " + plan.sourceVersion() + " would move to version " + plan.targetVersion() + ".");
        count.setId("migration-instances");
        count.getElement().setAttribute("data-count", String.valueOf(plan.instances()));

        Grid<MigrationInstruction> instructions = new Grid<>(MigrationInstruction.class, false);
        instructions.setId("migration-instructions");
        instructions.addThemeVariants(GridVariant.LUMO_COMPACT);
        instructions.setAllRowsVisible(true);
        instructions.addColumn(MigrationInstruction::sourceActivityId).setHeader("Activity in version " + plan.sourceVersion());
        instructions.addColumn(MigrationInstruction::targetActivityId).setHeader("Activity in version " + plan.targetVersion());
        instructions.addColumn(i -> count(plan.instancesByActivity(), i.sourceActivityId())).setHeader("Instances there");
        instructions.setItems(plan.instructions());

        planArea.add(count, new H4("Mapping"), instructions);
        planArea.add(list("migration-by-activity", "Instances per activity", plan.instancesByActivity().entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).toList(), false));
        planArea.add(list("migration-unmapped", "Activities without a counterpart", plan.unmappedActivities(), false));
        planArea.add(list("migration-problems", "Problems (migration refused)", plan.problems(), true));
        migrate.setEnabled(plan.problems().isEmpty() && plan.instances() > 0);
    }

    private static long count(Map<String, Long> byActivity, String activityId) {
        Long n = byActivity.get(activityId);
        return n == null ? 0 : n;
    }

    private static Div list(String id, String title, List<String> items, boolean error) {
        Div d = new Div();
        d.setId(id);
        d.getElement().setAttribute("data-count", String.valueOf(items.size()));
        if (items.isEmpty()) {
            return d;
        }
        H4 h = new H4(title);
        UnorderedList ul = new UnorderedList();
        items.forEach(s -> ul.add(new ListItem(s)));
        if (error) {
            d.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        d.add(h, ul);
        return d;
    }

    private void migrate() {
        if (plan == null) {
            return;
        }
        migrate.setEnabled(false);
        MigrationReport report;
        try {
            report = runtime.migrate(key, plan.sourceVersion(), plan.targetVersion());
        } catch (RuntimeException e) {
            Problems.show(e);
            preview();
            return;
        }
        planArea.removeAll();
        plan = null;
        reportArea.removeAll();
        Paragraph moved = new Paragraph("Moved " + report.moved() + " instance" + (report.moved() == 1 ? "" : "s")
                + " from version " + report.sourceVersion() + " to version " + report.targetVersion()
                + (report.failed() > 0 ? "; " + report.failed() + " failed" : "") + ".");
        moved.setId("migration-moved");
        moved.getElement().setAttribute("data-moved", String.valueOf(report.moved()));
        moved.getElement().setAttribute("data-failed", String.valueOf(report.failed()));
        reportArea.add(new H4("Report"), moved);
        reportArea.add(list("migration-moved-by-activity", "Moved per activity", report.movedByActivity().entrySet()
                .stream().map(e -> e.getKey() + ": " + e.getValue()).toList(), false));
        reportArea.add(list("migration-failures", "Failures", report.failures(), true));
        afterMigration.run();
    }
}
