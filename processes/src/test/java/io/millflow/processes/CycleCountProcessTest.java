package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.ExternalTaskService;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;

/** The cycle-count model and the tolerance decision, on an in-memory engine. */
class CycleCountProcessTest {

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ExternalTaskService externalTasks;
    private static HistoryService history;
    private static DecisionService decisions;

    @BeforeAll
    static void startEngine() {
        engine = ProcessTestEngine.start();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        externalTasks = engine.getExternalTaskService();
        history = engine.getHistoryService();
        decisions = engine.getDecisionService();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private ProcessInstance submitted() {
        String id = UUID.randomUUID().toString();
        return runtime.startProcessInstanceByKey(ProcessKeys.CYCLE_COUNT, id, Map.of(Variables.CYCLE_COUNT_ID, id,
                Variables.COUNTER, "warehouse", Variables.REQUESTER, "warehouse", Variables.LINES_OVER_TOLERANCE, 1));
    }

    private Task approvalTask(ProcessInstance pi) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(open).hasSize(1);
        Task task = open.get(0);
        assertThat(task.getTaskDefinitionKey()).isEqualTo("ApproveCountDifferences");
        assertThat(tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId))
                .containsExactly(Roles.WAREHOUSE);
        assertThat(task.getDueDate()).isNotNull();
        return task;
    }

    @Test
    void approvedDifferencesGoToThePostingWorker() {
        ProcessInstance pi = submitted();
        tasks.complete(approvalTask(pi).getId(), Map.of(Variables.APPROVED, true));
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, "test")
                .topic(Topics.IMS_POST_COUNT_DIFFERENCES, 60_000).execute();
        assertThat(locked).hasSize(1);
        assertThat(locked.get(0).getVariables().get(Variables.CYCLE_COUNT_ID)).isEqualTo(pi.getBusinessKey());
        externalTasks.complete(locked.get(0).getId(), "test", Map.of(Variables.STOCK_DOCUMENT_NUMBER, "SD-2026-0000001"));
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("DifferencesPosted").finished().count()).isEqualTo(1);
    }

    @Test
    void rejectedDifferencesEndWithoutPosting() {
        ProcessInstance pi = submitted();
        tasks.complete(approvalTask(pi).getId(), Map.of(Variables.APPROVED, false));
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("DifferencesRejected").finished().count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"A, 1, 0", "B, 3, 1", "C, 5, 2"})
    void toleranceByAbcClass(String abcClass, double percent, double units) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(ProcessKeys.DECISION_COUNT_TOLERANCE,
                Map.of("abcClass", abcClass)).getSingleResult();
        assertThat(((Number) result.get("tolerancePercent")).doubleValue()).isEqualTo(percent);
        assertThat(((Number) result.get("toleranceQuantity")).doubleValue()).isEqualTo(units);
    }

    @Test
    void anUnknownClassHasNoTolerance() {
        assertThat(decisions.evaluateDecisionTableByKey(ProcessKeys.DECISION_COUNT_TOLERANCE, Map.of("abcClass", "D"))
                .getSingleResult()).isNull();
    }
}
