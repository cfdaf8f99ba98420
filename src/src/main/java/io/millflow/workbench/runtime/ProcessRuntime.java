package io.millflow.workbench.runtime;

import io.millflow.audit.AuditService;
import io.millflow.processes.MigrationPlans;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngineException;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.management.ActivityStatistics;
import org.operaton.bpm.engine.management.IncidentStatistics;
import org.operaton.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.operaton.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.operaton.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.operaton.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.operaton.bpm.engine.migration.MigrationInstructionValidationReport;
import org.operaton.bpm.engine.migration.MigrationPlan;
import org.operaton.bpm.engine.migration.MigrationPlanValidationException;
import org.operaton.bpm.engine.migration.MigrationPlanValidationReport;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.Incident;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Running processes as a process owner sees them: counts and incidents per activity, retry of incidents, migration
 * of running instances between versions, where instances spend their time (from history) and history retention.
 * Roles: PROCESS_OWNER and ADMIN. Every retry, migration and retention change writes an audit record.
 *
 * <p>Read methods run without a surrounding transaction on purpose: each engine query is its own command, and an
 * engine exception inside a shared transaction would mark it rollback-only.
 */
@Service
@PreAuthorize("hasAnyRole('PROCESS_OWNER','ADMIN')")
public class ProcessRuntime {

    static final int MIN_RETENTION_DAYS = 1;
    static final int MAX_RETENTION_DAYS = 3650;
    /** More incidents than this are not listed at once (newest first). */
    static final int MAX_INCIDENTS = 500;
    /** A synchronous migration moves at most this many instances; more is refused with 409. */
    static final int MAX_SYNC_MIGRATION = 5000;
    private static final int MAX_DETAILS = 8000;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ExternalTaskService externalTasks;
    private final HistoryService history;
    private final ProcessHeat heat;
    private final AuditService audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ProcessRuntime(RepositoryService repository, RuntimeService runtime, ManagementService management,
            ExternalTaskService externalTasks, HistoryService history, ProcessHeat heat, AuditService audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.externalTasks = externalTasks;
        this.history = history;
        this.heat = heat;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Running instances and open incidents per activity; summed over all versions when {@code version} is null. */
    public List<ActivityCount> activityCounts(String key, Integer version) {
        List<ProcessDefinition> definitions = version == null ? definitions(key)
                : List.of(definition(key, version, "version"));
        Map<String, long[]> counts = new TreeMap<>();
        for (ProcessDefinition d : definitions) {
            for (ActivityStatistics s : management.createActivityStatisticsQuery(d.getId()).includeIncidents()
                    .list()) {
                long[] c = counts.computeIfAbsent(s.getId(), k -> new long[2]);
                c[0] += s.getInstances();
                for (IncidentStatistics i : s.getIncidentStatistics()) {
                    c[1] += i.getIncidentCount();
                }
            }
        }
        return counts.entrySet().stream().map(e -> new ActivityCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    /** Open incidents, newest first (at most {@value #MAX_INCIDENTS}); of one process when {@code key} is set. */
    public List<IncidentView> incidents(String key) {
        var query = runtime.createIncidentQuery();
        if (key != null && !key.isBlank()) {
            definitions(key);
            query.processDefinitionKeyIn(key);
        }
        List<Incident> found = query.orderByIncidentTimestamp().desc().listPage(0, MAX_INCIDENTS);
        if (found.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = found.stream().map(Incident::getProcessInstanceId)
                .filter(id -> id != null).collect(Collectors.toSet());
        Map<String, String> businessKeys = new HashMap<>();
        if (!instanceIds.isEmpty()) {
            for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list()) {
                businessKeys.put(pi.getId(), pi.getBusinessKey());
            }
        }
        Map<String, ProcessDefinition> definitions = new HashMap<>();
        return found.stream().map(i -> view(i, definitions, businessKeys)).toList();
    }

    /**
     * Gives the failed job or external task of an incident one more try (retries = 1), which resolves the incident.
     * 404 for an unknown incident, 409 for an incident type that has no retries.
     */
    @Transactional
    public void retry(String incidentId) {
        CurrentUser user = CurrentUser.get();
        Incident incident = incidentId == null || incidentId.isBlank() || incidentId.length() > 64 ? null
                : runtime.createIncidentQuery().incidentId(incidentId).singleResult();
        if (incident == null) {
            throw new ProblemException.NotFound("No open incident " + incidentId);
        }
        String target = incident.getConfiguration();
        switch (incident.getIncidentType()) {
            case Incident.EXTERNAL_TASK_HANDLER_TYPE -> {
                if (externalTasks.createExternalTaskQuery().externalTaskId(target).count() == 0) {
                    throw new ProblemException.Conflict("The external task of incident " + incidentId + " is gone");
                }
                externalTasks.setRetries(target, 1);
            }
            case Incident.FAILED_JOB_HANDLER_TYPE -> {
                if (management.createJobQuery().jobId(target).count() == 0) {
                    throw new ProblemException.Conflict("The job of incident " + incidentId + " is gone");
                }
                management.setJobRetries(target, 1);
            }
            default -> throw new ProblemException.Conflict(
                    "Incidents of type " + incident.getIncidentType() + " cannot be retried");
        }
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("type", incident.getIncidentType());
        before.put("processInstanceId", incident.getProcessInstanceId());
        before.put("activityId", incident.getActivityId());
        before.put("message", incident.getIncidentMessage());
        before.put("retries", 0);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("configuration", target);
        after.put("retries", 1);
        audit.record(user.username(), "INCIDENT_RETRIED", "Incident", incident.getId(), before, after);
    }

    /** What a migration of all instances of {@code fromVersion} to {@code toVersion} would do; changes nothing. */
    public MigrationPreview previewMigration(String key, Integer fromVersion, Integer toVersion) {
        ProcessDefinition source = definition(key, required("from", fromVersion), "from");
        ProcessDefinition target = definition(key, required("to", toVersion), "to");
        if (source.getId().equals(target.getId())) {
            throw new ProblemException.InvalidInput("to", "must be another version than from");
        }
        Map<String, Long> byActivity = instancesByActivity(source.getId());
        long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        List<String> problems = new ArrayList<>();
        MigrationPlan plan;
        try {
            plan = MigrationPlans.equalActivities(runtime, source.getId(), target.getId());
        } catch (MigrationPlanValidationException e) {
            plan = e.getValidationReport().getMigrationPlan();
            problems.addAll(failures(e.getValidationReport()));
        }
        List<MigrationInstruction> instructions = plan == null ? List.of() : plan.getInstructions().stream()
                .map(i -> new MigrationInstruction(i.getSourceActivityId(), i.getTargetActivityId()))
                .sorted(Comparator.comparing(MigrationInstruction::sourceActivityId))
                .toList();
        Set<String> mapped = instructions.stream().map(MigrationInstruction::sourceActivityId)
                .collect(Collectors.toSet());
        List<String> unmapped = byActivity.keySet().stream().filter(a -> !mapped.contains(a)).sorted().toList();
        for (String a : unmapped) {
            problems.add("Activity " + a + " holds " + byActivity.get(a) + " instance(s) and has no counterpart in"
                    + " version " + target.getVersion() + "; those instances cannot move");
        }
        return new MigrationPreview(source.getId(), source.getVersion(), target.getId(), target.getVersion(),
                instructions, unmapped, byActivity, instances, problems);
    }

    /**
     * Moves every running instance of {@code fromVersion} to {@code toVersion} with the plan of
     * {@link #previewMigration}. Instances that cannot move stay where they are and are reported; the moved ones
     * and the audit record commit together. 409 when the plan itself is invalid or there are too many instances
     * for a synchronous migration.
     */
    @SuppressWarnings("removal") // synchronous execute(): see ADR 0022
    public MigrationReport migrate(String key, Integer fromVersion, Integer toVersion) {
        CurrentUser user = CurrentUser.get();
        ProcessDefinition source = definition(key, required("fromVersion", fromVersion), "fromVersion");
        ProcessDefinition target = definition(key, required("toVersion", toVersion), "toVersion");
        if (source.getId().equals(target.getId())) {
            throw new ProblemException.InvalidInput("toVersion", "must be another version than fromVersion");
        }
        MigrationPlan plan;
        try {
            plan = MigrationPlans.equalActivities(runtime, source.getId(), target.getId());
        } catch (MigrationPlanValidationException e) {
            throw new RuntimeProblem(HttpStatus.CONFLICT, "migration-invalid",
                    "Version " + source.getVersion() + " cannot be migrated to version " + target.getVersion())
                    .with("problems", failures(e.getValidationReport()));
        }
        long count = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
        if (count > MAX_SYNC_MIGRATION) {
            throw new ProblemException.Conflict(count + " instances are more than one migration moves at once ("
                    + MAX_SYNC_MIGRATION + ")");
        }
        Set<String> remaining = new LinkedHashSet<>();
        runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list()
                .forEach(pi -> remaining.add(pi.getId()));
        Map<String, Set<String>> activitiesByInstance = new HashMap<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processDefinitionId(source.getId()).unfinished().list()) {
            activitiesByInstance.computeIfAbsent(a.getProcessInstanceId(), k -> new LinkedHashSet<>())
                    .add(a.getActivityId());
        }
        List<String> failures = new ArrayList<>();
        long failed = 0;
        while (true) {
            MigrationReport report = report(remaining, activitiesByInstance, failed, failures, source, target);
            try {
                transaction.executeWithoutResult(status -> {
                    if (!remaining.isEmpty()) {
                        runtime.newMigration(plan).processInstanceIds(new ArrayList<>(remaining)).execute();
                    }
                    Map<String, Object> before = new LinkedHashMap<>();
                    before.put("definitionId", source.getId());
                    before.put("version", source.getVersion());
                    before.put("instances", count);
                    audit.record(user.username(), "PROCESS_MIGRATED", "ProcessDefinition", target.getId(), before,
                            report);
                });
                return report;
            } catch (MigratingProcessInstanceValidationException e) {
                MigratingProcessInstanceValidationReport r = e.getValidationReport();
                if (!remaining.remove(r.getProcessInstanceId())) {
                    throw e;
                }
                failed++;
                failures.add(r.getProcessInstanceId() + ": " + String.join("; ", failures(r)));
            }
        }
    }

    /**
     * Where instances spend their time, from history. {@code from}/{@code to} limit the instances by their start
     * time ([from, to)); 400 with field {@code from} when from is not before to.
     */
    public Heatmap heatmap(String key, Integer version, Instant from, Instant to, String businessKey) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ProblemException.InvalidInput("from", "must be before to");
        }
        List<ProcessDefinition> definitions = version == null ? definitions(key)
                : List.of(definition(key, version, "version"));
        String bk = businessKey == null || businessKey.isBlank() ? null : businessKey.strip();
        ProcessHeat.Filter filter = new ProcessHeat.Filter(key, version == null ? null : definitions.get(0).getId(),
                from, to, bk);
        Map<String, String> attachedTo = new HashMap<>();
        for (ProcessDefinition d : definitions) {
            attachedTo.putAll(heat.timerBoundaries(d.getId()));
        }
        return new Heatmap(key, version, from, to, bk, heat.instances(filter),
                heat.activities(filter, attachedTo, clock.instant()));
    }

    /** The history retention of the newest version, in days; 0 when none is set. */
    public int historyRetentionDays(String key) {
        List<ProcessDefinition> definitions = definitions(key);
        Integer ttl = definitions.get(definitions.size() - 1).getHistoryTimeToLive();
        return ttl == null ? 0 : ttl;
    }

    /** Sets the history retention of every version of a process; 1 to 3650 days. */
    @Transactional
    public void setHistoryRetention(String key, int days) {
        CurrentUser user = CurrentUser.get();
        if (days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            throw new ProblemException.InvalidInput("days",
                    "must be between " + MIN_RETENTION_DAYS + " and " + MAX_RETENTION_DAYS);
        }
        List<ProcessDefinition> definitions = definitions(key);
        Map<Integer, Integer> before = new TreeMap<>();
        for (ProcessDefinition d : definitions) {
            before.put(d.getVersion(), d.getHistoryTimeToLive());
            repository.updateProcessDefinitionHistoryTimeToLive(d.getId(), days);
        }
        audit.record(user.username(), "HISTORY_RETENTION_CHANGED", "Process", key, Map.of("daysByVersion", before),
                Map.of("days", days, "versions", definitions.size()));
    }

    private MigrationReport report(Set<String> moving, Map<String, Set<String>> activitiesByInstance, long failed,
            List<String> failures, ProcessDefinition source, ProcessDefinition target) {
        Map<String, Long> byActivity = new TreeMap<>();
        for (String id : moving) {
            for (String activity : activitiesByInstance.getOrDefault(id, Set.of())) {
                byActivity.merge(activity, 1L, Long::sum);
            }
        }
        return new MigrationReport(moving.size(), failed, byActivity, List.copyOf(failures), source.getVersion(),
                target.getVersion());
    }

    private Map<String, Long> instancesByActivity(String definitionId) {
        Map<String, Long> counts = new TreeMap<>();
        for (ActivityStatistics s : management.createActivityStatisticsQuery(definitionId).list()) {
            counts.merge(s.getId(), (long) s.getInstances(), Long::sum);
        }
        return counts;
    }

    private static List<String> failures(MigrationPlanValidationReport report) {
        List<String> problems = new ArrayList<>();
        for (MigrationInstructionValidationReport r : report.getInstructionReports()) {
            String where = r.getMigrationInstruction() == null ? ""
                    : r.getMigrationInstruction().getSourceActivityId() + " → "
                            + r.getMigrationInstruction().getTargetActivityId() + ": ";
            r.getFailures().forEach(f -> problems.add(where + f));
        }
        report.getVariableReports().forEach((name, r) -> r.getFailures()
                .forEach(f -> problems.add("variable " + name + ": " + f)));
        return problems;
    }

    private static List<String> failures(MigratingProcessInstanceValidationReport report) {
        List<String> problems = new ArrayList<>(report.getFailures());
        for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
            a.getFailures().forEach(f -> problems.add(a.getSourceScopeId() + ": " + f));
        }
        for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
            t.getFailures().forEach(f -> problems.add(t.getSourceScopeId() + ": " + f));
        }
        return problems;
    }

    private IncidentView view(Incident i, Map<String, ProcessDefinition> definitions,
            Map<String, String> businessKeys) {
        ProcessDefinition d = i.getProcessDefinitionId() == null ? null
                : definitions.computeIfAbsent(i.getProcessDefinitionId(), repository::getProcessDefinition);
        String activityName = null;
        if (d != null && i.getActivityId() != null) {
            FlowElement element = heat.model(d.getId()).getModelElementById(i.getActivityId());
            activityName = element == null ? null : element.getName();
        }
        return new IncidentView(i.getId(), d == null ? null : d.getKey(), d == null ? 0 : d.getVersion(),
                i.getProcessInstanceId(), businessKeys.get(i.getProcessInstanceId()), i.getActivityId(),
                activityName, i.getIncidentType(), i.getIncidentMessage(), details(i),
                i.getIncidentTimestamp() == null ? null : i.getIncidentTimestamp().toInstant(), i.getConfiguration());
    }

    private String details(Incident i) {
        String cfg = i.getConfiguration();
        if (cfg == null) {
            return null;
        }
        try {
            String details = switch (i.getIncidentType()) {
                case Incident.EXTERNAL_TASK_HANDLER_TYPE ->
                        externalTasks.createExternalTaskQuery().externalTaskId(cfg).count() == 0 ? null
                                : externalTasks.getExternalTaskErrorDetails(cfg);
                case Incident.FAILED_JOB_HANDLER_TYPE -> management.createJobQuery().jobId(cfg).count() == 0 ? null
                        : management.getJobExceptionStacktrace(cfg);
                default -> null;
            };
            return details == null || details.length() <= MAX_DETAILS ? details
                    : details.substring(0, MAX_DETAILS) + "\n…";
        } catch (ProcessEngineException e) {
            return null;
        }
    }

    private List<ProcessDefinition> definitions(String key) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new ProblemException.NotFound("No process " + key);
        }
        List<ProcessDefinition> found = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .orderByProcessDefinitionVersion().asc().list();
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No process " + key);
        }
        return found;
    }

    private ProcessDefinition definition(String key, int version, String field) {
        definitions(key);
        ProcessDefinition d = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .processDefinitionVersion(version).singleResult();
        if (d == null) {
            throw new ProblemException.NotFound("Process " + key + " has no version " + version);
        }
        return d;
    }

    private static int required(String field, Integer value) {
        if (value == null) {
            throw new ProblemException.InvalidInput(field, "is required");
        }
        return value;
    }

    /** A problem with its own type (e.g. {@code migration-invalid}). */
    static final class RuntimeProblem extends ProblemException {
        RuntimeProblem(HttpStatus status, String type, String message) {
            super(status, type, message, null);
        }
    }
}
