package io.millflow.ui.projects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.pms.analytics.AnalyticsViews.BudgetRow;
import io.millflow.pms.analytics.AnalyticsViews.BurnPoint;
import io.millflow.pms.analytics.AnalyticsViews.Burndown;
import io.millflow.pms.analytics.AnalyticsViews.CycleTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.MaterialRow;
import io.millflow.pms.analytics.AnalyticsViews.OnTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.UtilisationRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** ECharts options (JSON) for the project analytics; one method per chart. */
final class Charts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Charts() {
    }

    private static ObjectNode base(String title) {
        ObjectNode o = JSON.createObjectNode();
        o.putObject("title").put("text", title).put("left", "center").putObject("textStyle").put("fontSize", 14);
        o.putObject("tooltip").put("trigger", "axis");
        o.putObject("legend").put("bottom", 0);
        o.putObject("grid").put("left", 50).put("right", 20).put("top", 40).put("bottom", 50);
        return o;
    }

    private static ArrayNode categories(ObjectNode o, List<String> names) {
        ObjectNode x = o.putObject("xAxis").put("type", "category");
        ArrayNode data = x.putArray("data");
        names.forEach(data::add);
        o.putObject("yAxis").put("type", "value");
        return o.putArray("series");
    }

    private static void series(ArrayNode series, String name, String type, List<?> values, String stack) {
        ObjectNode s = series.addObject().put("name", name).put("type", type);
        if (stack != null) {
            s.put("stack", stack);
        }
        if ("line".equals(type)) {
            s.put("showSymbol", false);
        }
        ArrayNode data = s.putArray("data");
        for (Object v : values) {
            if (v == null) {
                data.addNull();
            } else if (v instanceof BigDecimal d) {
                data.add(d);
            } else if (v instanceof Number n) {
                data.add(n.doubleValue());
            } else {
                data.add(v.toString());
            }
        }
    }

    private static String text(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String burndown(Burndown b) {
        ObjectNode o = base("Burn-down / burn-up · " + b.projectCode() + " (hours)");
        ArrayNode s = categories(o, b.points().stream().map(p -> p.day().toString()).toList());
        series(s, "remaining", "line", b.points().stream().map(BurnPoint::remainingHours).toList(), null);
        series(s, "ideal", "line", b.points().stream().map(BurnPoint::idealRemainingHours).toList(), null);
        series(s, "done (burn-up)", "line", b.points().stream().map(BurnPoint::doneHours).toList(), null);
        series(s, "scope", "line", b.points().stream().map(BurnPoint::scopeHours).toList(), null);
        return text(o);
    }

    static String onTime(List<OnTimeRow> rows) {
        ObjectNode o = base("On-time delivery (% of done tasks with a due date)");
        ArrayNode s = categories(o, rows.stream().map(OnTimeRow::projectCode).toList());
        ((ObjectNode) o.get("yAxis")).put("max", 100);
        series(s, "on time %", "bar", rows.stream().map(r -> r.rate() == null ? null
                : r.rate().multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP)).toList(), null);
        return text(o);
    }

    static String cycleTime(List<CycleTimeRow> rows) {
        ObjectNode o = base("Cycle time, created → done (days)");
        ArrayNode s = categories(o, rows.stream().map(CycleTimeRow::projectCode).toList());
        series(s, "average", "bar", rows.stream().map(CycleTimeRow::averageDays).toList(), null);
        series(s, "median", "bar", rows.stream().map(CycleTimeRow::medianDays).toList(), null);
        series(s, "85th percentile", "bar", rows.stream().map(CycleTimeRow::p85Days).toList(), null);
        return text(o);
    }

    static String budget(List<BudgetRow> rows) {
        ObjectNode o = base("Budget vs actual");
        ArrayNode s = categories(o, rows.stream().map(BudgetRow::projectCode).toList());
        series(s, "budget", "bar", rows.stream().map(BudgetRow::budget).toList(), null);
        series(s, "labour", "bar", rows.stream().map(BudgetRow::labour).toList(), "actual");
        series(s, "materials", "bar", rows.stream().map(BudgetRow::materials).toList(), "actual");
        return text(o);
    }

    static String materials(List<MaterialRow> rows) {
        ObjectNode o = base("Materials issued per project (value)");
        Map<String, BigDecimal> byProject = new TreeMap<>();
        rows.forEach(r -> byProject.merge(r.projectCode(), r.value(), BigDecimal::add));
        ArrayNode s = categories(o, List.copyOf(byProject.keySet()));
        series(s, "value", "bar", List.copyOf(byProject.values()), null);
        return text(o);
    }

    static String utilisation(List<UtilisationRow> rows) {
        ObjectNode o = base("Utilisation per team (% of capacity)");
        TreeSet<LocalDate> weeks = new TreeSet<>();
        Map<String, Map<LocalDate, BigDecimal>> byTeam = new TreeMap<>();
        for (UtilisationRow r : rows) {
            weeks.add(r.week());
            byTeam.computeIfAbsent(r.team(), k -> new TreeMap<>()).put(r.week(), r.utilisation() == null ? null
                    : r.utilisation().multiply(BigDecimal.valueOf(100)).setScale(1, java.math.RoundingMode.HALF_UP));
        }
        ArrayNode s = categories(o, weeks.stream().map(LocalDate::toString).toList());
        Function<Map<LocalDate, BigDecimal>, List<BigDecimal>> line = m -> weeks.stream().map(m::get).toList();
        byTeam.forEach((team, values) -> series(s, team, "line", line.apply(values), null));
        return text(o);
    }
}
