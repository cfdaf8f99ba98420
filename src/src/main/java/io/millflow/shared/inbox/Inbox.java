package io.millflow.shared.inbox;

import io.millflow.audit.AuditService;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.VariableInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place people find their work: open user tasks of their roles (candidate groups) or assigned
 * to them. The person who started a request ({@code requester}) never sees nor decides its tasks.
 * Roles: any signed-in user; each task is further limited to its candidate groups.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class Inbox {

    private static final int MAX_TASKS = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final HistoryService history;
    private final AuditService audit;
    private final Clock clock;
    private final Map<String, TaskDecisionHandler> handlers;

    Inbox(TaskService tasks, RuntimeService runtime, RepositoryService repository, HistoryService history,
            AuditService audit, Clock clock, List<TaskDecisionHandler> handlers) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.repository = repository;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(TaskDecisionHandler::processKey, Function.identity()));
    }

    /** The caller's open tasks: assigned to them, or unassigned in one of their roles; oldest first. */
    @Transactional(readOnly = true)
    public List<InboxTask> myTasks() {
        CurrentUser user = CurrentUser.get();
        Map<String, Task> found = new LinkedHashMap<>();
        if (!user.roles().isEmpty()) {
            tasks.createTaskQuery().taskCandidateGroupIn(new ArrayList<>(user.roles())).includeAssignedTasks().active()
                    .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS)
                    .forEach(t -> found.put(t.getId(), t));
        }
        tasks.createTaskQuery().taskAssignee(user.username()).active().orderByTaskCreateTime().asc()
                .listPage(0, MAX_TASKS).forEach(t -> found.put(t.getId(), t));
        List<Task> visible = found.values().stream()
                .filter(t -> t.getAssignee() == null || t.getAssignee().equals(user.username()))
                .toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        Set<String> instanceIds = visible.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, Object> requesters = variablesByInstance(Variables.REQUESTER, instanceIds);
        Map<String, String> businessKeys = runtime.createProcessInstanceQuery()
                .processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId,
                        pi -> pi.getBusinessKey() == null ? "" : pi.getBusinessKey()));
        Set<String> escalated = tasks.createTaskQuery()
                .taskIdIn(visible.stream().map(Task::getId).toArray(String[]::new))
                .taskVariableValueEquals(Variables.OVERDUE, true).list().stream()
                .map(Task::getId).collect(Collectors.toSet());
        return visible.stream()
                .filter(t -> !user.username().equals(requesters.get(t.getProcessInstanceId())))
                .map(t -> toInboxTask(t, businessKeys.get(t.getProcessInstanceId()), escalated.contains(t.getId()),
                        null))
                .sorted(Comparator.comparing(InboxTask::created))
                .toList();
    }

    /** One open task the caller may work on. */
    @Transactional(readOnly = true)
    public InboxTask get(String taskId) {
        CurrentUser user = CurrentUser.get();
        Task task = openTask(taskId);
        List<String> groups = candidateGroups(taskId);
        authorize(task, groups, user);
        return describe(task, groups);
    }

    /**
     * Checks that the caller may work on this open task now, with the rules of the inbox: 404 when there is no such
     * task, 409 when it is completed, suspended or claimed by someone else, 403 when it is not for one of the caller's
     * roles or belongs to the caller's own request. Returns the task as the inbox shows it. For capabilities that
     * complete tasks in their own way (e.g. a task's form).
     */
    @Transactional
    public InboxTask authorizeWork(String taskId) {
        CurrentUser user = CurrentUser.get();
        Task task = openTask(taskId);
        List<String> groups = candidateGroups(taskId);
        authorize(task, groups, user);
        return describe(task, groups);
    }

    /**
     * Whether a task links a form-js form ({@code camunda:formRef}, or a {@code camunda-forms:} /
     * {@code operaton-forms:} form key). The task must come from a query with {@code initializeFormKeys()}.
     */
    public static boolean hasLinkedForm(Task task) {
        if (task == null) {
            return false;
        }
        if (task.getOperatonFormRef() != null && task.getOperatonFormRef().getKey() != null) {
            return true;
        }
        String formKey = task.getFormKey();
        return formKey != null && (formKey.startsWith("camunda-forms:") || formKey.startsWith("operaton-forms:"));
    }

    /** The diagram of the task's process with the activities that are active now. */
    @Transactional(readOnly = true)
    public ProcessDiagram diagram(String taskId) {
        CurrentUser user = CurrentUser.get();
        Task task = openTask(taskId);
        authorize(task, candidateGroups(taskId), user);
        String xml;
        try (java.io.InputStream in = repository.getProcessModel(task.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ProcessDiagram(xml, runtime.getActiveActivityIds(task.getProcessInstanceId()));
    }

    /** Takes a task so that colleagues of the same role see it is being worked on. */
    @Transactional
    public InboxTask claim(String taskId) {
        CurrentUser user = CurrentUser.get();
        Task task = openTask(taskId);
        List<String> groups = candidateGroups(taskId);
        authorize(task, groups, user);
        if (task.getAssignee() == null) {
            tasks.claim(taskId, user.username());
            audit.record(user.username(), "TASK_CLAIMED", "Task", taskId, Map.of("assignee", ""),
                    Map.of("assignee", user.username()));
        }
        return describe(openTask(taskId), groups);
    }

    /** Gives a claimed task back to its group. */
    @Transactional
    public InboxTask unclaim(String taskId) {
        CurrentUser user = CurrentUser.get();
        Task task = openTask(taskId);
        List<String> groups = candidateGroups(taskId);
        authorize(task, groups, user);
        if (task.getAssignee() != null) {
            tasks.setAssignee(taskId, null);
            audit.record(user.username(), "TASK_UNCLAIMED", "Task", taskId, Map.of("assignee", task.getAssignee()),
                    Map.of("assignee", ""));
        }
        return describe(openTask(taskId), groups);
    }

    /**
     * Decides a task. The capability's handler records the decision; task completion, the decision and
     * the audit record commit together. A task with a form-js form is refused (400 {@code form-required}): it is
     * completed by submitting its form, which the server checks ({@code io.millflow.shared.forms.TaskForms}).
     */
    @Transactional
    public void complete(String taskId, TaskDecision decision) {
        CurrentUser user = CurrentUser.get();
        if (decision == null || decision.approved() == null) {
            throw new ProblemException.InvalidInput("approved", "must be true or false");
        }
        Task task = openTask(taskId);
        List<String> groups = candidateGroups(taskId);
        authorize(task, groups, user);
        if (hasLinkedForm(tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult())) {
            throw new FormRequired(taskId);
        }
        InboxTask described = describe(task, groups);
        TaskDecisionHandler handler = handlers.get(described.processKey());
        Map<String, Object> vars = new HashMap<>();
        if (handler != null) {
            vars.putAll(handler.decide(described, user, decision, described.overdue()));
        } else {
            vars.put(Variables.APPROVED, decision.approved());
        }
        if (task.getAssignee() == null) {
            tasks.setAssignee(taskId, user.username());
        }
        tasks.complete(taskId, vars);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("approved", decision.approved());
        after.put("comment", decision.comment() == null ? "" : decision.comment());
        after.put("completedBy", user.username());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", task.getName());
        before.put("businessKey", described.businessKey());
        before.put("state", "OPEN");
        audit.record(user.username(), "TASK_COMPLETED", "Task", taskId, before, after);
    }

    /** Approve/reject on a task with a form: the form's data and its checks would be skipped. */
    static final class FormRequired extends ProblemException {
        FormRequired(String taskId) {
            super(org.springframework.http.HttpStatus.BAD_REQUEST, "form-required", "Task " + taskId
                    + " has a form: fill in and submit the form (POST /api/v1/tasks/" + taskId + "/form)", null);
        }
    }

    private Task openTask(String taskId) {
        if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
            throw new ProblemException.NotFound("No task " + taskId);
        }
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            boolean finished = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
            if (finished) {
                throw new ProblemException.Conflict("Task " + taskId + " is already completed");
            }
            throw new ProblemException.NotFound("No task " + taskId);
        }
        if (task.isSuspended()) {
            throw new ProblemException.Conflict("Task " + taskId + " is suspended");
        }
        return task;
    }

    private void authorize(Task task, Collection<String> groups, CurrentUser user) {
        boolean mine = user.username().equals(task.getAssignee());
        boolean ofMyRole = groups.stream().anyMatch(user.roles()::contains);
        if (!mine && !ofMyRole) {
            throw new ProblemException.Forbidden("This task is for " + String.join(", ", groups)
                    + "; your roles do not include it");
        }
        Object requester = runtime.getVariable(task.getExecutionId(), Variables.REQUESTER);
        if (user.username().equals(requester)) {
            throw new ProblemException.Forbidden("You cannot work on tasks of your own request");
        }
        if (task.getAssignee() != null && !mine) {
            throw new ProblemException.Conflict("Task is claimed by " + task.getAssignee());
        }
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    private InboxTask describe(Task task, List<String> groups) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult();
        boolean escalated = Boolean.TRUE.equals(tasks.getVariableLocal(task.getId(), Variables.OVERDUE));
        String businessKey = pi == null || pi.getBusinessKey() == null ? "" : pi.getBusinessKey();
        return toInboxTask(task, businessKey, escalated, groups);
    }

    private InboxTask toInboxTask(Task t, String businessKey, boolean escalated, List<String> groups) {
        Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
        boolean overdue = escalated || (due != null && due.isBefore(clock.instant()));
        String processKey = repository.getProcessDefinition(t.getProcessDefinitionId()).getKey();
        return new InboxTask(t.getId(), t.getName(), processKey, businessKey, t.getProcessInstanceId(),
                t.getTaskDefinitionKey(), t.getCreateTime().toInstant(), due, overdue, t.getAssignee(),
                groups == null ? List.of() : groups);
    }

    private Map<String, Object> variablesByInstance(String name, Set<String> instanceIds) {
        Map<String, Object> values = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().variableName(name)
                .processInstanceIdIn(instanceIds.toArray(String[]::new)).list()) {
            if (v.getProcessInstanceId().equals(v.getExecutionId())) {
                values.put(v.getProcessInstanceId(), v.getValue());
            }
        }
        return values;
    }
}
