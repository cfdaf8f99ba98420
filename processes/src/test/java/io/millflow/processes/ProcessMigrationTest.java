package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.operaton.bpm.engine.migration.MigrationPlan;
import org.operaton.bpm.engine.repository.ProcessDefinition;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.Task;

/**
 * Acceptance 3 of the workbench: instances waiting in version 1 move to version 2 with the plan the workbench
 * uses ({@link MigrationPlans}) and finish there, passing the activity that only version 2 has.
 */
class ProcessMigrationTest {

    private static final String KEY = "migration-test";

    private static ProcessEngine engine;
    private static RepositoryService repository;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static HistoryService history;

    @BeforeAll
    static void startEngine() {
        engine = ProcessTestEngine.start();
        repository = engine.getRepositoryService();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        history = engine.getHistoryService();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** start → Review (MANAGER) → [FinanceCheck (FINANCE) when withFinance] → end. */
    static String model(String key, String reviewId, boolean withFinance) {
        String finance = withFinance
                ? """
                    <bpmn:userTask id="FinanceCheck" name="Finance check" camunda:candidateGroups="FINANCE"/>
                    <bpmn:sequenceFlow id="f2" sourceRef="%1$s" targetRef="FinanceCheck"/>
                    <bpmn:sequenceFlow id="f3" sourceRef="FinanceCheck" targetRef="End"/>
                  """.formatted(reviewId)
                : """
                    <bpmn:sequenceFlow id="f2" sourceRef="%1$s" targetRef="End"/>
                  """.formatted(reviewId);
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://millflow.io/test">
                  <bpmn:process id="%1$s" name="Migration test" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="Start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="%2$s"/>
                    <bpmn:userTask id="%2$s" name="Review" camunda:candidateGroups="MANAGER"/>
                    %3$s
                    <bpmn:endEvent id="End"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, reviewId, finance);
    }

    private static ProcessDefinition deploy(String key, String xml) {
        String deploymentId = repository.createDeployment().name("migration-test")
                .addString(key + ".bpmn", xml).deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
    }

    @Test
    void instancesWaitingInVersionOneFinishInVersionTwo() {
        ProcessDefinition v1 = deploy(KEY, model(KEY, "Review", false));
        List<ProcessInstance> started = List.of(
                runtime.startProcessInstanceById(v1.getId(), "m-1"),
                runtime.startProcessInstanceById(v1.getId(), "m-2"),
                runtime.startProcessInstanceById(v1.getId(), "m-3"));
        ProcessDefinition v2 = deploy(KEY, model(KEY, "Review", true));
        assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

        MigrationPlan plan = MigrationPlans.equalActivities(runtime, v1.getId(), v2.getId());
        assertThat(plan.getInstructions()).anySatisfy(i -> {
            assertThat(i.getSourceActivityId()).isEqualTo("Review");
            assertThat(i.getTargetActivityId()).isEqualTo("Review");
        });
        runtime.newMigration(plan).processInstanceQuery(runtime.createProcessInstanceQuery()
                .processDefinitionId(v1.getId())).execute();

        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v1.getId()).count()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(3);
        for (ProcessInstance pi : started) {
            Task review = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
            assertThat(review.getTaskDefinitionKey()).isEqualTo("Review");
            assertThat(review.getProcessDefinitionId()).isEqualTo(v2.getId());
            tasks.complete(review.getId());
            Task finance = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
            assertThat(finance.getTaskDefinitionKey()).isEqualTo("FinanceCheck");
            tasks.complete(finance.getId());
        }

        for (ProcessInstance pi : started) {
            HistoricProcessInstance done = history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId())
                    .singleResult();
            assertThat(done.getEndTime()).isNotNull();
            assertThat(done.getProcessDefinitionId()).isEqualTo(v2.getId());
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                    .activityId("FinanceCheck").finished().count()).isEqualTo(1);
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                    .activityId("End").finished().count()).isEqualTo(1);
        }
    }

    @Test
    void anInstanceWhoseActivityIsGoneInTheTargetDoesNotMove() {
        String key = KEY + "-gone";
        ProcessDefinition v1 = deploy(key, model(key, "Review", false));
        ProcessInstance pi = runtime.startProcessInstanceById(v1.getId(), "g-1");
        ProcessDefinition v2 = deploy(key, model(key, "Approve", true));

        MigrationPlan plan = MigrationPlans.equalActivities(runtime, v1.getId(), v2.getId());
        assertThat(plan.getInstructions()).noneMatch(i -> "Review".equals(i.getSourceActivityId()));
        assertThatThrownBy(() -> runtime.newMigration(plan).processInstanceIds(pi.getId()).execute())
                .isInstanceOf(MigratingProcessInstanceValidationException.class)
                .satisfies(e -> assertThat(((MigratingProcessInstanceValidationException) e).getValidationReport()
                        .getProcessInstanceId()).isEqualTo(pi.getId()));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getProcessDefinitionId()).isEqualTo(v1.getId());
    }
}
