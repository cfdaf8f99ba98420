package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

/** The purchase-requisition model and its approval decisions, on an in-memory engine. */
class PurchaseRequisitionProcessTest {

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ExternalTaskService externalTasks;
    private static ManagementService management;
    private static HistoryService history;

    @BeforeAll
    static void startEngine() {
        engine = ProcessTestEngine.start();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        externalTasks = engine.getExternalTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private ProcessInstance submit(double amountEur) {
        String id = UUID.randomUUID().toString();
        return runtime.startProcessInstanceByKey(ProcessKeys.PURCHASE_REQUISITION, id,
                Map.of(Variables.REQUISITION_ID, id, Variables.REQUESTER, "employee",
                        Variables.TOTAL_AMOUNT_EUR, amountEur));
    }

    private Task openTask(ProcessInstance pi) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private List<String> groups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
    }

    /** Walks the approval chain approving each level; returns the roles of the tasks met in order. */
    private List<String> approveAll(ProcessInstance pi) {
        List<String> met = new java.util.ArrayList<>();
        while (true) {
            List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
            if (open.isEmpty()) {
                return met;
            }
            Task task = open.get(0);
            met.add(String.join(",", groups(task)));
            tasks.complete(task.getId(), Map.of(Variables.APPROVED, true));
        }
    }

    private LockedExternalTask fetch(String topic, ProcessInstance pi) {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, "test").topic(topic, 60_000)
                .businessKey(pi.getBusinessKey()).execute();
        assertThat(locked).hasSize(1);
        return locked.get(0);
    }

    @ParameterizedTest(name = "{0} EUR needs {1}")
    @CsvSource(delimiter = ';', value = {
            "500; MANAGER",
            "999.99; MANAGER",
            "1000; MANAGER,DEPARTMENT_HEAD",
            "5000; MANAGER,DEPARTMENT_HEAD",
            "9999.99; MANAGER,DEPARTMENT_HEAD",
            "10000; MANAGER,DEPARTMENT_HEAD,FINANCE",
            "20000; MANAGER,DEPARTMENT_HEAD,FINANCE"})
    void amountDecidesTheApprovalChain(double amount, String expectedLevels) {
        ProcessInstance pi = submit(amount);

        assertThat(runtime.getVariable(pi.getId(), Variables.APPROVAL_LEVELS)).isEqualTo(expectedLevels);
        assertThat(approveAll(pi)).containsExactly(expectedLevels.split(","));

        LockedExternalTask createPo = fetch(Topics.PROCUREMENT_CREATE_PURCHASE_ORDER, pi);
        assertThat(createPo.getBusinessKey()).isEqualTo(pi.getBusinessKey());
        externalTasks.complete(createPo.getId(), "test", Map.of(Variables.PURCHASE_ORDER_NUMBER, "PO-2026-000001"));

        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("RequisitionOrdered").count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void fiveHundredEurosNeedOneLevelAndFiveThousandTwo() {
        ProcessInstance small = submit(500);
        assertThat(approveAll(small)).containsExactly(Roles.MANAGER);
        ProcessInstance medium = submit(5000);
        assertThat(approveAll(medium)).containsExactly(Roles.MANAGER, Roles.DEPARTMENT_HEAD);
        for (ProcessInstance pi : List.of(small, medium)) {
            assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId())
                    .topicName(Topics.PROCUREMENT_CREATE_PURCHASE_ORDER).count()).isEqualTo(1);
        }
    }

    @Test
    void anyRejectionEndsItRejectedWithoutAnOrder() {
        ProcessInstance pi = submit(20000);
        tasks.complete(openTask(pi).getId(), Map.of(Variables.APPROVED, true));
        Task head = openTask(pi);
        assertThat(head.getTaskDefinitionKey()).isEqualTo("ApproveAsDepartmentHead");
        tasks.complete(head.getId(), Map.of(Variables.APPROVED, false));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("RequisitionRejected").count()).isEqualTo(1);
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void approvalTasksAreDueInTwoWorkingDaysAndEscalateWhenLate() {
        ProcessInstance pi = submit(500);
        Task task = openTask(pi);
        Date expectedDue = new ProcessTestEngine.WeekdayCalendar().addWorkingDays(task.getCreateTime(), 2);
        assertThat(Math.abs(task.getDueDate().getTime() - expectedDue.getTime()))
                .isLessThan(Duration.ofMinutes(1).toMillis());

        Job timer = management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isCloseTo(task.getDueDate(), Duration.ofMinutes(1).toMillis());
        management.executeJob(timer.getId());

        LockedExternalTask escalation = fetch(Topics.PROCUREMENT_ESCALATE_APPROVAL, pi);
        assertThat(escalation.getVariables().get(Variables.APPROVAL_ROLE)).isEqualTo(Roles.MANAGER);
        assertThat(escalation.getVariables().get(Variables.REQUISITION_ID)).isEqualTo(pi.getBusinessKey());
        externalTasks.complete(escalation.getId(), "test");

        // the approval task stays open (non-interrupting) and can still be decided
        Task stillOpen = openTask(pi);
        assertThat(stillOpen.getId()).isEqualTo(task.getId());
        tasks.complete(stillOpen.getId(), Map.of(Variables.APPROVED, true));
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId())
                .topicName(Topics.PROCUREMENT_CREATE_PURCHASE_ORDER).count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "late {0} approval escalates to {1}")
    @CsvSource({"MANAGER, DEPARTMENT_HEAD", "DEPARTMENT_HEAD, FINANCE", "FINANCE, ADMIN"})
    void escalationDecisionNamesTheNextLevel(String role, String next) {
        String escalateTo = engine.getDecisionService()
                .evaluateDecisionTableByKey(ProcessKeys.DECISION_APPROVAL_ESCALATION, Map.of(Variables.APPROVAL_ROLE, role))
                .getSingleEntry();
        assertThat(escalateTo).isEqualTo(next);
    }
}
