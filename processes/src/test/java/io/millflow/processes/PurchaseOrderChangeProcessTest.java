package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;

/** The purchase-order-change model: the requisition's approval levels on the new total, then apply. */
class PurchaseOrderChangeProcessTest {

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

    private ProcessInstance request(double newTotalEur) {
        String id = UUID.randomUUID().toString();
        return runtime.startProcessInstanceByKey(ProcessKeys.PURCHASE_ORDER_CHANGE, id,
                Map.of(Variables.PURCHASE_ORDER_CHANGE_ID, id, Variables.PURCHASE_ORDER_ID, UUID.randomUUID().toString(),
                        Variables.REQUESTER, "buyer", Variables.TOTAL_AMOUNT_EUR, newTotalEur));
    }

    @ParameterizedTest(name = "{0} EUR needs {1}")
    @CsvSource(delimiter = ';', value = {
            "999.99; MANAGER",
            "1000; MANAGER,DEPARTMENT_HEAD",
            "25000; MANAGER,DEPARTMENT_HEAD,FINANCE"})
    void theLevelsOfTheNewTotalApproveInTurnThenTheChangeIsApplied(double total, String levels) {
        ProcessInstance pi = request(total);
        assertThat(runtime.getVariable(pi.getId(), Variables.APPROVAL_LEVELS)).isEqualTo(levels);
        List<String> met = new ArrayList<>();
        for (Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult(); task != null;
                task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult()) {
            met.add(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                    .reduce((a, b) -> a + "," + b).orElse(""));
            assertThat(tasks.getVariable(task.getId(), Variables.APPROVAL_ROLE)).isEqualTo(met.get(met.size() - 1));
            tasks.complete(task.getId(), Map.of(Variables.APPROVED, true));
        }
        assertThat(String.join(",", met)).isEqualTo(levels);
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, "test")
                .topic(Topics.PROCUREMENT_APPLY_PURCHASE_ORDER_CHANGE, 60_000).execute();
        assertThat(locked).hasSize(1);
        assertThat(locked.get(0).getVariables().get(Variables.PURCHASE_ORDER_CHANGE_ID))
                .isEqualTo(pi.getBusinessKey());
        externalTasks.complete(locked.get(0).getId(), "test");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("ChangeApplied").count()).isEqualTo(1);
    }

    @Test
    void aRejectionEndsTheChangeWithoutApplyingIt() {
        ProcessInstance pi = request(5000);
        Task manager = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        tasks.complete(manager.getId(), Map.of(Variables.APPROVED, true));
        Task head = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        tasks.complete(head.getId(), Map.of(Variables.APPROVED, false));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("ChangeRejected").count()).isEqualTo(1);
    }

    @Test
    void approvalTasksHaveNoEscalationTimers() {
        ProcessInstance pi = request(500);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }
}
