package io.millflow.pms.analytics;

import io.millflow.pms.analytics.AnalyticsViews.BudgetRow;
import io.millflow.pms.analytics.AnalyticsViews.Burndown;
import io.millflow.pms.analytics.AnalyticsViews.CycleTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.MaterialRow;
import io.millflow.pms.analytics.AnalyticsViews.OnTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.UtilisationRow;
import java.math.BigDecimal;
import java.util.List;

/** The analytics as CSV (RFC 4180: comma, CRLF, quotes doubled); the REST API and the view's downloads share it. */
public final class AnalyticsCsv {

    private AnalyticsCsv() {
    }

    public static String burndown(Burndown b) {
        StringBuilder out = line(new StringBuilder(), "day", "scope_hours", "done_hours", "remaining_hours",
                "ideal_remaining_hours", "scope_tasks", "done_tasks");
        b.points().forEach(p -> line(out, p.day(), p.scopeHours(), p.doneHours(), p.remainingHours(),
                p.idealRemainingHours(), p.scopeTasks(), p.doneTasks()));
        return out.toString();
    }

    public static String onTime(List<OnTimeRow> rows) {
        StringBuilder out = line(new StringBuilder(), "project", "name", "done", "with_due_date", "on_time", "rate");
        rows.forEach(r -> line(out, r.projectCode(), r.projectName(), r.done(), r.withDueDate(), r.onTime(), r.rate()));
        return out.toString();
    }

    public static String cycleTime(List<CycleTimeRow> rows) {
        StringBuilder out = line(new StringBuilder(), "project", "name", "done", "average_days", "median_days",
                "p85_days");
        rows.forEach(r -> line(out, r.projectCode(), r.projectName(), r.done(), r.averageDays(), r.medianDays(),
                r.p85Days()));
        return out.toString();
    }

    public static String budget(List<BudgetRow> rows) {
        StringBuilder out = line(new StringBuilder(), "project", "name", "currency", "budget", "labour", "materials",
                "actual", "remaining", "used_rate");
        rows.forEach(r -> line(out, r.projectCode(), r.projectName(), r.currency(), r.budget(), r.labour(),
                r.materials(), r.actual(), r.remaining(), r.usedRate()));
        return out.toString();
    }

    public static String materials(List<MaterialRow> rows) {
        StringBuilder out = line(new StringBuilder(), "project", "sku", "item", "quantity", "unit", "value");
        rows.forEach(r -> line(out, r.projectCode(), r.sku(), r.itemName(), r.quantity(), r.unit(), r.value()));
        return out.toString();
    }

    public static String utilisation(List<UtilisationRow> rows) {
        StringBuilder out = line(new StringBuilder(), "team", "week", "capacity_hours", "allocated_hours", "booked_hours",
                "utilisation");
        rows.forEach(r -> line(out, r.team(), r.week(), r.capacityHours(), r.allocatedHours(), r.bookedHours(),
                r.utilisation()));
        return out.toString();
    }

    private static StringBuilder line(StringBuilder out, Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        return out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        // a leading =, +, - or @ would be a formula in a spreadsheet: quote it with a leading apostrophe
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
