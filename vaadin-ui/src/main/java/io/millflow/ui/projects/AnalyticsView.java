package io.millflow.ui.projects;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.StreamResource;
import io.millflow.pms.analytics.AnalyticsCsv;
import io.millflow.pms.analytics.AnalyticsViews.BudgetRow;
import io.millflow.pms.analytics.AnalyticsViews.CycleTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.OnTimeRow;
import io.millflow.pms.analytics.ProjectAnalytics;
import io.millflow.pms.analytics.ProjectAnalytics.ProjectRef;
import io.millflow.ui.MainLayout;
import io.millflow.ui.components.EChart;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Project analytics with charts (ECharts) and a CSV download per chart: burn-down/burn-up of one project, on-time
 * delivery, cycle time, budget vs actual, materials per project, utilisation per team. {@code ?project=CODE}
 * picks the burn-down's project. Roles: MANAGER, DEPARTMENT_HEAD, ADMIN.
 */
@Route(value = "projects/analytics", layout = MainLayout.class)
@PageTitle("Project analytics · Millflow")
@RolesAllowed({"MANAGER", "DEPARTMENT_HEAD", "ADMIN"})
public class AnalyticsView extends VerticalLayout implements BeforeEnterObserver {

    private final ProjectAnalytics analytics;
    private final ComboBox<ProjectRef> project = new ComboBox<>("Project (burn-down)");
    private final DatePicker from = new DatePicker("Utilisation from");
    private final DatePicker to = new DatePicker("to");
    private final EChart burndown = chart("chart-burndown");
    private final EChart onTime = chart("chart-on-time");
    private final EChart cycleTime = chart("chart-cycle-time");
    private final EChart budget = chart("chart-budget");
    private final EChart materials = chart("chart-materials");
    private final EChart utilisation = chart("chart-utilisation");
    private final Div onTimeNumbers = numbers("on-time-numbers");
    private final Div cycleNumbers = numbers("cycle-time-numbers");
    private final Div budgetNumbers = numbers("budget-numbers");
    private final Paragraph materialsNote = new Paragraph();
    private final Paragraph utilisationNote = new Paragraph();

    public AnalyticsView(ProjectAnalytics analytics) {
        this.analytics = analytics;
        List<ProjectRef> refs = analytics.projectsInScope();
        project.setId("analytics-project");
        project.setItems(refs);
        project.setItemLabelGenerator(p -> p.code() + " · " + p.name());
        project.addValueChangeListener(e -> showBurndown());
        from.setId("analytics-from");
        to.setId("analytics-to");
        from.setValue(LocalDate.now().minusWeeks(8));
        to.setValue(LocalDate.now());
        from.addValueChangeListener(e -> showUtilisation());
        to.addValueChangeListener(e -> showUtilisation());
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> showAll());
        refresh.setId("analytics-refresh");
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout filters = new HorizontalLayout(project, from, to, refresh);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        FlexLayout cards = new FlexLayout(
                card("Burn-down / burn-up", burndown, null, csv("csv-burndown", "burndown.csv", () -> project.getValue() == null
                        ? "" : AnalyticsCsv.burndown(analytics.burndown(project.getValue().id())))),
                card("On-time delivery", onTime, onTimeNumbers, csv("csv-on-time", "on-time.csv",
                        () -> AnalyticsCsv.onTime(analytics.onTime()))),
                card("Cycle time", cycleTime, cycleNumbers, csv("csv-cycle-time", "cycle-time.csv",
                        () -> AnalyticsCsv.cycleTime(analytics.cycleTime()))),
                card("Budget vs actual", budget, budgetNumbers, csv("csv-budget", "budget.csv",
                        () -> AnalyticsCsv.budget(analytics.budget(null)))),
                card("Materials per project", materials, materialsNote, csv("csv-materials", "materials.csv",
                        () -> AnalyticsCsv.materials(analytics.materials(null)))),
                card("Utilisation per team", utilisation, utilisationNote, csv("csv-utilisation", "utilisation.csv",
                        () -> AnalyticsCsv.utilisation(analytics.utilisation(from.getValue(), to.getValue())))));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        add(new H3("Project analytics"), filters, cards);
        if (!refs.isEmpty()) {
            project.setValue(refs.get(0));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("project").ifPresent(code -> project.getListDataView()
                .getItems().filter(p -> p.code().equals(code)).findFirst().ifPresent(project::setValue));
        showAll();
    }

    private static EChart chart(String id) {
        EChart c = new EChart();
        c.setId(id);
        c.setWidth("100%");
        c.setHeight("300px");
        return c;
    }

    private static Div numbers(String id) {
        Div d = new Div();
        d.setId(id);
        d.getStyle().set("font-size", "var(--lumo-font-size-s)");
        return d;
    }

    private static Component card(String title, EChart chart, Component below, Anchor csv) {
        H4 h = new H4(title);
        h.getStyle().set("margin", "0");
        HorizontalLayout top = new HorizontalLayout(h, csv);
        top.setWidthFull();
        top.expand(h);
        top.setAlignItems(Alignment.CENTER);
        VerticalLayout card = new VerticalLayout(top, chart);
        if (below != null) {
            card.add(below);
        }
        card.setSpacing(false);
        card.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("flex", "1 1 520px").set("min-width", "0");
        return card;
    }

    @SuppressWarnings("deprecation")
    private static Anchor csv(String id, String fileName, Supplier<String> body) {
        StreamResource resource = new StreamResource(fileName,
                () -> new ByteArrayInputStream(body.get().getBytes(StandardCharsets.UTF_8)));
        resource.setContentType("text/csv; charset=utf-8");
        Anchor a = new Anchor(resource, "CSV");
        a.setId(id);
        a.getElement().setAttribute("download", true);
        return a;
    }

    private void showAll() {
        showBurndown();
        List<OnTimeRow> rows = analytics.onTime();
        onTime.setOptionJson(Charts.onTime(rows));
        onTimeNumbers.removeAll();
        for (OnTimeRow r : rows) {
            onTimeNumbers.add(line("on-time", r.projectCode(), r.projectCode() + ": " + r.onTime() + " of "
                    + r.withDueDate() + " on time (" + percent(r.rate()) + "), " + r.done() + " done", percent(r.rate())));
        }
        List<CycleTimeRow> cycles = analytics.cycleTime();
        cycleTime.setOptionJson(Charts.cycleTime(cycles));
        cycleNumbers.removeAll();
        for (CycleTimeRow r : cycles) {
            cycleNumbers.add(line("cycle-time", r.projectCode(), r.projectCode() + ": " + r.done() + " done, average "
                    + days(r.averageDays()) + ", median " + days(r.medianDays()) + ", 85 % within "
                    + days(r.p85Days()), r.averageDays() == null ? "" : r.averageDays().toPlainString()));
        }
        List<BudgetRow> budgets = analytics.budget(null);
        budget.setOptionJson(Charts.budget(budgets));
        budgetNumbers.removeAll();
        for (BudgetRow r : budgets) {
            budgetNumbers.add(line("budget", r.projectCode(), r.projectCode() + ": actual " + r.actual().toPlainString()
                    + " of " + r.budget().toPlainString() + " " + r.currency(), r.actual().toPlainString()));
        }
        materials.setOptionJson(Charts.materials(analytics.materials(null)));
        materialsNote.setText(analytics.materialsKnown() ? "" : "Material issues are not recorded in this build.");
        showUtilisation();
    }

    private void showBurndown() {
        ProjectRef p = project.getValue();
        if (p != null) {
            burndown.setOptionJson(Charts.burndown(analytics.burndown(p.id())));
        }
    }

    private void showUtilisation() {
        try {
            utilisation.setOptionJson(Charts.utilisation(analytics.utilisation(from.getValue(), to.getValue())));
            utilisationNote.setText(analytics.utilisationKnown() ? "" : "Timesheets and capacity are not recorded in this build.");
        } catch (RuntimeException e) {
            utilisationNote.setText(io.millflow.ui.Problems.message(e));
        }
    }

    private static Div line(String kind, String project, String text, String value) {
        Div d = new Div(new Span(text));
        d.addClassName(kind + "-row");
        d.getElement().setAttribute("data-project", project);
        d.getElement().setAttribute("data-value", value);
        return d;
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "–" : rate.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    private static String days(BigDecimal d) {
        return d == null ? "–" : d.toPlainString() + " d";
    }

    UUID selectedProject() {
        return project.getValue() == null ? null : project.getValue().id();
    }
}
