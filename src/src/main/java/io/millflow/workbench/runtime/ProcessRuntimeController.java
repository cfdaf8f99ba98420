package io.millflow.workbench.runtime;

import io.millflow.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Running processes: counts per activity, incidents and their retry, migration between versions, heatmap, history
 * retention. Roles: PROCESS_OWNER and ADMIN (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1/process-runtime")
@Tag(name = "Process runtime")
class ProcessRuntimeController {

    /** Body of a migration. */
    record MigrationRequest(Integer fromVersion, Integer toVersion) {
    }

    /** History retention of a process, in days. */
    record Retention(String processKey, Integer days) {
    }

    private final ProcessRuntime runtime;

    ProcessRuntimeController(ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/{key}/activity-counts")
    @Operation(summary = "Running instances and open incidents per activity (all versions unless version is set)")
    List<ActivityCount> activityCounts(@PathVariable String key, @RequestParam(required = false) Integer version) {
        return runtime.activityCounts(key, version);
    }

    @GetMapping("/incidents")
    @Operation(summary = "Open incidents, newest first; of one process when key is set")
    List<IncidentView> incidents(@RequestParam(required = false) String key) {
        return runtime.incidents(key);
    }

    @PostMapping("/incidents/{id}/retry")
    @Operation(summary = "Retry the failed job or external task of an incident (retries = 1); audited")
    ResponseEntity<Void> retry(@PathVariable String id) {
        runtime.retry(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{key}/migrations/preview")
    @Operation(summary = "The migration plan from one version to another, without changing anything")
    MigrationPreview preview(@PathVariable String key, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to) {
        return runtime.previewMigration(key, from, to);
    }

    @PostMapping("/{key}/migrations")
    @Operation(summary = "Move all running instances of fromVersion to toVersion; returns what moved; audited")
    MigrationReport migrate(@PathVariable String key, @RequestBody MigrationRequest body) {
        return runtime.migrate(key, body.fromVersion(), body.toVersion());
    }

    @GetMapping("/{key}/heatmap")
    @Operation(summary = "Time spent per activity from history; from/to (ISO instant or date) on instance start")
    Heatmap heatmap(@PathVariable String key, @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String businessKey) {
        return runtime.heatmap(key, version, instant("from", from, false), instant("to", to, true), businessKey);
    }

    @GetMapping("/{key}/retention")
    @Operation(summary = "History retention of the process in days (newest version)")
    Retention retention(@PathVariable String key) {
        return new Retention(key, runtime.historyRetentionDays(key));
    }

    @PutMapping("/{key}/retention")
    @Operation(summary = "Set the history retention of all versions (1..3650 days); audited")
    Retention setRetention(@PathVariable String key, @RequestBody Retention body) {
        // a missing value is out of range: the service answers 403 before 400
        runtime.setHistoryRetention(key, body.days() == null ? 0 : body.days());
        return new Retention(key, runtime.historyRetentionDays(key));
    }

    /** An ISO instant, or an ISO date (start of that day in UTC; for {@code to} the start of the next day). */
    static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new ProblemException.InvalidInput(field, "is not an ISO date or instant: " + value);
            }
        }
    }
}
