package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;

/** The timesheet-approval model on an in-memory engine: who gets the task, and both ends. */
class TimesheetApprovalProcessTest {

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static HistoryService history;

    @BeforeAll
    static void startEngine() {
        engine = ProcessTestEngine.start();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        history = engine.getHistoryService();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private ProcessInstance submitted(String approver) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> vars = new HashMap<>();
        vars.put(Variables.TIMESHEET_ID, id);
        vars.put(Variables.REQUESTER, "employee");
        vars.put(Variables.APPROVER, approver);
        vars.put(Variables.WEEK_START, "2026-12-07");
        vars.put(Variables.TOTAL_HOURS, 38.5);
        return runtime.startProcessInstanceByKey(ProcessKeys.TIMESHEET_APPROVAL, id, vars);
    }

    private Task approvalTask(ProcessInstance pi) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(open).hasSize(1);
        Task task = open.get(0);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("ApproveTimesheet");
        assertThat(task.getName()).isEqualTo("Approve timesheet");
        assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null)).containsExactly(Roles.MANAGER);
        assertThat(task.getDueDate()).isNotNull();
        return task;
    }

    @Test
    void theProjectManagerIsTheAssignee() {
        ProcessInstance pi = submitted("manager");
        Task task = approvalTask(pi);
        assertThat(task.getAssignee()).isEqualTo("manager");
        tasks.complete(task.getId(), Map.of(Variables.APPROVED, true));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("TimesheetAccepted").finished().count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void withoutOneProjectManagerAnyManagerDecides() {
        ProcessInstance pi = submitted(null);
        Task task = approvalTask(pi);
        assertThat(task.getAssignee()).isNull();
        tasks.complete(task.getId(), Map.of(Variables.APPROVED, false));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("TimesheetReturned").finished().count()).isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("TimesheetAccepted").count()).isZero();
    }
}
