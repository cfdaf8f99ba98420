package io.millflow.pms;

import io.millflow.audit.AuditService;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.inbox.TaskDecisionHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code task-approval}: started from {@link TaskCompletionRequested} in the transaction that moved the task (so the
 * task is IN_REVIEW exactly when its approval runs), with the project's manager as the approver; the inbox decision
 * goes to {@link Tasks#decideApproval} in the transaction that completes the user task.
 */
@Component
class TaskApprovals implements TaskDecisionHandler {

    private static final Logger log = LoggerFactory.getLogger(TaskApprovals.class);

    private final RuntimeService runtime;
    private final Tasks tasks;
    private final JdbcTemplate jdbc;
    private final AuditService audit;

    TaskApprovals(RuntimeService runtime, Tasks tasks, JdbcTemplate jdbc, AuditService audit) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onCompletionRequested(TaskCompletionRequested event) {
        String key = event.taskId().toString();
        if (runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.TASK_APPROVAL)
                .processInstanceBusinessKey(key).active().count() > 0) {
            return;
        }
        Map<String, Object> facts = jdbc.queryForMap("select p.id, p.manager from task t join project p "
                + "on p.id = t.project_id where t.id = ?", event.taskId());
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(Variables.TASK_ID, key);
        vars.put(Variables.PROJECT_ID, facts.get("id").toString());
        vars.put(Variables.PROJECT_MANAGER, facts.get("manager"));
        vars.put(Variables.REQUESTED_BY, event.requestedBy() == null ? "" : event.requestedBy());
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.TASK_APPROVAL, key, vars);
        String actor = event.requestedBy() == null ? "system" : event.requestedBy();
        audit.record(actor, "APPROVAL_REQUESTED", "TaskApproval", key, null,
                Map.of("processInstanceId", pi.getId(), "approver", facts.get("manager")));
        log.info("Approval of task {} asked of {}", key, facts.get("manager"));
    }

    @Override
    public String processKey() {
        return ProcessKeys.TASK_APPROVAL;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        if (!"ApproveTaskCompletion".equals(task.activityId())) {
            throw new ProblemException.Conflict("Task " + task.name() + " cannot be decided here");
        }
        if (!decision.approved() && (decision.comment() == null || decision.comment().isBlank())) {
            throw new ProblemException.InvalidInput("comment", "must say what is missing");
        }
        tasks.decideApproval(UUID.fromString(task.businessKey()), decision.approved(), decision.comment(),
                user.username());
        return Map.of(Variables.APPROVED, decision.approved());
    }
}
