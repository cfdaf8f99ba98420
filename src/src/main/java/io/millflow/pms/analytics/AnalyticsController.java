package io.millflow.pms.analytics;

import io.millflow.pms.analytics.AnalyticsViews.BudgetRow;
import io.millflow.pms.analytics.AnalyticsViews.Burndown;
import io.millflow.pms.analytics.AnalyticsViews.CycleTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.MaterialRow;
import io.millflow.pms.analytics.AnalyticsViews.OnTimeRow;
import io.millflow.pms.analytics.AnalyticsViews.UtilisationRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Project analytics over REST: JSON, or CSV with {@code Accept: text/csv}. Roles: MANAGER, DEPARTMENT_HEAD, ADMIN
 * (scope as in {@link ProjectAnalytics}).
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Project analytics")
class AnalyticsController {

    static final String CSV = "text/csv";

    private final ProjectAnalytics analytics;

    AnalyticsController(ProjectAnalytics analytics) {
        this.analytics = analytics;
    }

    @GetMapping(value = "/projects/{id}/burndown", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Burn-down and burn-up of a project by day (estimate hours and task counts)")
    Burndown burndown(@PathVariable UUID id) {
        return analytics.burndown(id);
    }

    @GetMapping(value = "/projects/{id}/burndown", produces = CSV)
    ResponseEntity<String> burndownCsv(@PathVariable UUID id) {
        Burndown b = analytics.burndown(id);
        return csv("burndown-" + b.projectCode(), AnalyticsCsv.burndown(b));
    }

    @GetMapping(value = "/on-time", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "On-time delivery per project: done tasks completed by their due date")
    List<OnTimeRow> onTime() {
        return analytics.onTime();
    }

    @GetMapping(value = "/on-time", produces = CSV)
    ResponseEntity<String> onTimeCsv() {
        return csv("on-time", AnalyticsCsv.onTime(analytics.onTime()));
    }

    @GetMapping(value = "/cycle-time", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cycle time (created to done) per project, in days")
    List<CycleTimeRow> cycleTime() {
        return analytics.cycleTime();
    }

    @GetMapping(value = "/cycle-time", produces = CSV)
    ResponseEntity<String> cycleTimeCsv() {
        return csv("cycle-time", AnalyticsCsv.cycleTime(analytics.cycleTime()));
    }

    @GetMapping(value = "/budget", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Budget against actual cost (labour + materials) per project")
    List<BudgetRow> budget(@RequestParam(required = false) UUID projectId) {
        return analytics.budget(projectId);
    }

    @GetMapping(value = "/budget", produces = CSV)
    ResponseEntity<String> budgetCsv(@RequestParam(required = false) UUID projectId) {
        return csv("budget", AnalyticsCsv.budget(analytics.budget(projectId)));
    }

    @GetMapping(value = "/materials", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Materials issued per project and item, at ledger value")
    List<MaterialRow> materials(@RequestParam(required = false) UUID projectId) {
        return analytics.materials(projectId);
    }

    @GetMapping(value = "/materials", produces = CSV)
    ResponseEntity<String> materialsCsv(@RequestParam(required = false) UUID projectId) {
        return csv("materials", AnalyticsCsv.materials(analytics.materials(projectId)));
    }

    @GetMapping(value = "/utilisation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Booked hours against capacity per team and ISO week")
    List<UtilisationRow> utilisation(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return analytics.utilisation(from, to);
    }

    @GetMapping(value = "/utilisation", produces = CSV)
    ResponseEntity<String> utilisationCsv(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return csv("utilisation", AnalyticsCsv.utilisation(analytics.utilisation(from, to)));
    }

    private static ResponseEntity<String> csv(String name, String body) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                .body(body);
    }
}
