package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;

/** The pms models project-intake, task-approval and project-material-request on an in-memory engine. */
class ProjectProcessesTest {

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ExternalTaskService externalTasks;
    private static HistoryService history;
    private static ManagementService management;

    @BeforeAll
    static void startEngine() {
        engine = ProcessTestEngine.start();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        externalTasks = engine.getExternalTaskService();
        history = engine.getHistoryService();
        management = engine.getManagementService();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private List<Task> open(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).orderByTaskAssignee().asc().list();
    }

    private List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private LockedExternalTask fetch(String topic, ProcessInstance pi) {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, "test").topic(topic, 60_000)
                .businessKey(pi.getBusinessKey()).execute();
        assertThat(locked).as("external task on %s", topic).hasSize(1);
        return locked.get(0);
    }

    private boolean passed(ProcessInstance pi, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId)
                .finished().count() > 0;
    }

    private boolean ended(ProcessInstance pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0;
    }

    // ---- project-intake

    private ProcessInstance requestProject(String... deptAndHead) {
        String id = UUID.randomUUID().toString();
        StringBuilder depts = new StringBuilder();
        StringBuilder heads = new StringBuilder();
        for (int i = 0; i < deptAndHead.length; i += 2) {
            depts.append(i == 0 ? "" : ",").append(deptAndHead[i]);
            heads.append(i == 0 ? "" : ",").append(deptAndHead[i + 1]);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(Variables.PROJECT_REQUEST_ID, id);
        vars.put(Variables.REQUESTED_BY, "employee");
        vars.put(Variables.APPROVAL_DEPARTMENTS, depts.toString());
        vars.put(Variables.APPROVAL_HEADS, heads.toString());
        vars.put(Variables.APPROVAL_COUNT, deptAndHead.length / 2);
        vars.put(Variables.PROJECT_MANAGER, "manager");
        vars.put(Variables.APPROVED, true);
        return runtime.startProcessInstanceByKey(ProcessKeys.PROJECT_INTAKE, id, vars);
    }

    @Test
    void intakeAsksEachDepartmentHeadInParallelThenCreatesTheProjectAndTheManagerKicksItOff() {
        ProcessInstance pi = requestProject("d-eng", "head", "d-prod", "head2");

        List<Task> approvals = open(pi);
        assertThat(approvals).extracting(Task::getAssignee).containsExactly("head", "head2");
        assertThat(approvals).allSatisfy(t -> {
            assertThat(t.getName()).isEqualTo("Approve project request");
            assertThat(groups(t)).containsExactly(Roles.DEPARTMENT_HEAD);
        });
        assertThat(tasks.getVariable(approvals.get(0).getId(), Variables.LOOP_COUNTER)).isEqualTo(0);
        assertThat(tasks.getVariable(approvals.get(1).getId(), Variables.LOOP_COUNTER)).isEqualTo(1);

        tasks.complete(approvals.get(0).getId(), Map.of(Variables.APPROVED, true));
        assertThat(open(pi)).hasSize(1);
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        tasks.complete(approvals.get(1).getId(), Map.of(Variables.APPROVED, true));

        LockedExternalTask create = fetch(Topics.PMS_CREATE_PROJECT, pi);
        assertThat(create.getVariables().get(Variables.PROJECT_REQUEST_ID)).isEqualTo(pi.getBusinessKey());
        externalTasks.complete(create.getId(), "test", Map.of(Variables.PROJECT_ID, "p-1"));

        Task kickoff = open(pi).get(0);
        assertThat(kickoff.getName()).isEqualTo("Kick off project");
        assertThat(kickoff.getAssignee()).isEqualTo("manager");
        assertThat(groups(kickoff)).containsExactly(Roles.MANAGER);
        tasks.complete(kickoff.getId());
        assertThat(ended(pi)).isTrue();
        assertThat(passed(pi, "ProjectKickedOff")).isTrue();
    }

    @Test
    void oneRejectionEndsTheIntakeAndWithdrawsTheOtherApprovals() {
        ProcessInstance pi = requestProject("d-eng", "head", "d-prod", "head2", "d-qa", "head3");
        List<Task> approvals = open(pi);
        assertThat(approvals).hasSize(3);
        tasks.complete(approvals.get(0).getId(), Map.of(Variables.APPROVED, true));
        tasks.complete(approvals.get(1).getId(), Map.of(Variables.APPROVED, false));

        assertThat(ended(pi)).isTrue();
        assertThat(passed(pi, "RequestRejected")).isTrue();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("CreateProject").count()).isZero();
    }

    @Test
    void aSingleDepartmentNeedsOneApproval() {
        ProcessInstance pi = requestProject("d-eng", "head");
        Task only = open(pi).get(0);
        assertThat(only.getAssignee()).isEqualTo("head");
        tasks.complete(only.getId(), Map.of(Variables.APPROVED, true));
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId())
                .topicName(Topics.PMS_CREATE_PROJECT).count()).isEqualTo(1);
    }

    // ---- task-approval

    private ProcessInstance requestApproval() {
        String taskId = UUID.randomUUID().toString();
        return runtime.startProcessInstanceByKey(ProcessKeys.TASK_APPROVAL, taskId, Map.of(Variables.TASK_ID, taskId,
                Variables.PROJECT_MANAGER, "manager", Variables.REQUESTED_BY, "employee"));
    }

    @Test
    void theProjectManagerApprovesOrRejectsATaskCompletion() {
        ProcessInstance approved = requestApproval();
        Task task = open(approved).get(0);
        assertThat(task.getName()).isEqualTo("Approve task completion");
        assertThat(task.getAssignee()).isEqualTo("manager");
        assertThat(groups(task)).containsExactly(Roles.MANAGER);
        tasks.complete(task.getId(), Map.of(Variables.APPROVED, true));
        assertThat(passed(approved, "TaskApproved")).isTrue();

        ProcessInstance rejected = requestApproval();
        tasks.complete(open(rejected).get(0).getId(), Map.of(Variables.APPROVED, false));
        assertThat(passed(rejected, "TaskRejected")).isTrue();
        assertThat(ended(rejected)).isTrue();
    }

    // ---- project-material-request

    private ProcessInstance requestMaterials() {
        String id = UUID.randomUUID().toString();
        return runtime.startProcessInstanceByKey(ProcessKeys.PROJECT_MATERIAL_REQUEST, id,
                Map.of(Variables.MATERIAL_REQUEST_ID, id, Variables.REQUESTED_BY, "employee"));
    }

    private void reserve(ProcessInstance pi, boolean shortOfStock, boolean raised) {
        LockedExternalTask reserve = fetch(Topics.PMS_RESERVE_MATERIALS, pi);
        assertThat(reserve.getVariables().get(Variables.MATERIAL_REQUEST_ID)).isEqualTo(pi.getBusinessKey());
        externalTasks.complete(reserve.getId(), "test", Map.of(Variables.MATERIAL_SHORT, shortOfStock,
                Variables.REQUISITION_RAISED, raised));
    }

    private void pickAndIssue(ProcessInstance pi) {
        Task pick = open(pi).get(0);
        assertThat(pick.getName()).isEqualTo("Pick materials");
        assertThat(pick.getAssignee()).isNull();
        assertThat(groups(pick)).containsExactly(Roles.WAREHOUSE);
        tasks.complete(pick.getId(), Map.of(Variables.APPROVED, true));
        externalTasks.complete(fetch(Topics.PMS_ISSUE_MATERIALS, pi).getId(), "test");
        assertThat(passed(pi, "MaterialsIssued")).isTrue();
        assertThat(ended(pi)).isTrue();
    }

    @Test
    void materialsInStockAreReservedPickedAndIssued() {
        ProcessInstance pi = requestMaterials();
        reserve(pi, false, false);
        pickAndIssue(pi);
        assertThat(passed(pi, "RequisitionMaterials")).isFalse();
    }

    @Test
    void aShortfallIsRequisitionedOnceAndEachReceiptReservesAgainUntilNothingIsShort() {
        ProcessInstance pi = requestMaterials();
        reserve(pi, true, false);
        externalTasks.complete(fetch(Topics.PMS_REQUISITION_MATERIALS, pi).getId(), "test",
                Map.of(Variables.REQUISITION_RAISED, true));
        assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("WaitForMaterials");

        // a first partial delivery: still short, the requisition is not raised again
        runtime.createMessageCorrelation(Messages.MATERIALS_RECEIVED).processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
        reserve(pi, true, true);
        assertThat(runtime.getActiveActivityIds(pi.getId())).containsExactly("WaitForMaterials");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("RequisitionMaterials").count()).isEqualTo(1);

        // an hour without news: reserve again anyway (a receipt may have slipped past)
        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        management.executeJob(timer.getId());
        reserve(pi, true, true);

        runtime.createMessageCorrelation(Messages.MATERIALS_RECEIVED).processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
        reserve(pi, false, true);
        pickAndIssue(pi);
    }

    @Test
    void cancellingEndsTheRequestAtAnyStep() {
        ProcessInstance waiting = requestMaterials();
        reserve(waiting, true, true);
        runtime.createMessageCorrelation(Messages.MATERIAL_REQUEST_CANCELLED)
                .processInstanceBusinessKey(waiting.getBusinessKey()).correlate();
        assertThat(ended(waiting)).isTrue();
        assertThat(passed(waiting, "MaterialsCancelled")).isTrue();

        ProcessInstance picking = requestMaterials();
        reserve(picking, false, false);
        runtime.createMessageCorrelation(Messages.MATERIAL_REQUEST_CANCELLED)
                .processInstanceBusinessKey(picking.getBusinessKey()).correlate();
        assertThat(ended(picking)).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceId(picking.getId()).count()).isZero();
    }
}
