package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
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

/** The stock-replenishment model and the auto-approval decision, on an in-memory engine. */
class StockReplenishmentProcessTest {

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

    private ProcessInstance started() {
        String id = UUID.randomUUID().toString();
        return runtime.startProcessInstanceByKey(ProcessKeys.STOCK_REPLENISHMENT, id,
                Map.of(Variables.REPLENISHMENT_RUN_ID, id, Variables.RUN_TRIGGER, "MANUAL"));
    }

    /** Completes the one open external task of the instance on {@code topic} with {@code variables}. */
    private void work(ProcessInstance pi, String topic, Map<String, Object> variables) {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, "test").topic(topic, 60_000)
                .businessKey(pi.getBusinessKey()).execute();
        assertThat(locked).as("open task on %s", topic).hasSize(1);
        assertThat(locked.get(0).getVariables().get(Variables.REPLENISHMENT_RUN_ID)).isEqualTo(pi.getBusinessKey());
        externalTasks.complete(locked.get(0).getId(), "test", variables);
    }

    private static Map<String, Object> counts(int auto, int review) {
        Map<String, Object> v = new HashMap<>();
        v.put(Variables.PAIRS, 10);
        v.put(Variables.PROPOSALS, auto + review);
        v.put(Variables.AUTO_PROPOSALS, auto);
        v.put(Variables.REVIEW_PROPOSALS, review);
        return v;
    }

    private boolean passed(ProcessInstance pi, String activityId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(activityId)
                .finished().count() == 1;
    }

    @Test
    void autoApprovedProposalsAreOrderedAndTheRestGoToABuyer() {
        ProcessInstance pi = started();
        work(pi, Topics.IMS_COMPUTE_REPLENISHMENT_PROPOSALS, counts(3, 2));
        work(pi, Topics.IMS_ORDER_REPLENISHMENT_PROPOSALS, Map.of(Variables.ORDERED_PROPOSALS, 3));
        assertThat(passed(pi, "OrderAutoApproved")).isTrue();

        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        assertThat(open).hasSize(1);
        Task review = open.get(0);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("ReviewProposals");
        assertThat(review.getName()).isEqualTo("Review replenishment proposals");
        assertThat(review.getDueDate()).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(review.getId()).stream().map(IdentityLink::getGroupId))
                .containsExactly(Roles.BUYER);
        tasks.complete(review.getId(), Map.of(Variables.APPROVED, true));

        work(pi, Topics.IMS_ORDER_REPLENISHMENT_PROPOSALS, Map.of(Variables.ORDERED_PROPOSALS, 2));
        assertThat(passed(pi, "ProposalsOrdered")).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void onlyAutoApprovedProposalsEndWithoutATask() {
        ProcessInstance pi = started();
        work(pi, Topics.IMS_COMPUTE_REPLENISHMENT_PROPOSALS, counts(4, 0));
        work(pi, Topics.IMS_ORDER_REPLENISHMENT_PROPOSALS, Map.of(Variables.ORDERED_PROPOSALS, 4));
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(passed(pi, "NothingToReview")).isTrue();
    }

    @Test
    void onlyLargeProposalsGoStraightToTheBuyer() {
        ProcessInstance pi = started();
        work(pi, Topics.IMS_COMPUTE_REPLENISHMENT_PROPOSALS, counts(0, 1));
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ReviewProposals").count())
                .isEqualTo(1);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("OrderAutoApproved").count()).isZero();
    }

    @Test
    void aRunWithoutProposalsEndsAtOnce() {
        ProcessInstance pi = started();
        work(pi, Topics.IMS_COMPUTE_REPLENISHMENT_PROPOSALS, counts(0, 0));
        assertThat(passed(pi, "NothingToReview")).isTrue();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
        "true, A, 499.99, AUTO", "true, A, 500, REVIEW", "true, B, 1999.99, AUTO", "true, B, 2000, REVIEW",
        "true, C, 10, AUTO", "true, C, 25000, REVIEW"})
    void smallProposalsAreApprovedAutomatically(boolean priced, String abcClass, double valueEur, String expected) {
        assertThat(decide(priced, abcClass, valueEur)).isEqualTo(expected);
    }

    @Test
    void aProposalWithoutPriceIsReviewed() {
        assertThat(decide(false, "C", null)).isEqualTo("REVIEW");
    }

    private static String decide(boolean priced, String abcClass, Double valueEur) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("priced", priced);
        vars.put("abcClass", abcClass);
        vars.put("valueEur", valueEur);
        return (String) decisions.evaluateDecisionTableByKey(ProcessKeys.DECISION_REPLENISHMENT_AUTO_APPROVAL, vars)
                .getSingleResult().get("decision");
    }
}
