package io.millflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.operaton.bpm.engine.ManagementService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.Task;

/** The purchase-order model (sending, confirmation with reminders, receiving loop, three-way match) and its decisions. */
class PurchaseOrderProcessTest {

    private static ProcessEngine engine;
    private static RuntimeService runtime;
    private static TaskService tasks;
    private static ExternalTaskService externalTasks;
    private static ManagementService management;
    private static HistoryService history;
    private static DecisionService decisions;

    @BeforeAll
    static void startEngine() {
        engine = ProcessTestEngine.start();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        externalTasks = engine.getExternalTaskService();
        management = engine.getManagementService();
        history = engine.getHistoryService();
        decisions = engine.getDecisionService();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    private ProcessInstance created(boolean supplierReady) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> vars = new HashMap<>();
        vars.put(Variables.PURCHASE_ORDER_ID, id);
        vars.put(Variables.SUPPLIER_READY, supplierReady);
        vars.put(Variables.ASN_PENDING, false);
        vars.put(Variables.QUANTITY_OPEN, true);
        vars.put(Variables.INVOICE_PENDING, false);
        return runtime.startProcessInstanceByKey(ProcessKeys.PURCHASE_ORDER, id, vars);
    }

    private void work(ProcessInstance pi, String topic, Map<String, Object> result) {
        List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, "test").topic(topic, 60_000)
                .businessKey(pi.getBusinessKey()).execute();
        assertThat(locked).as("open %s task", topic).hasSize(1);
        assertThat(locked.get(0).getVariables().get(Variables.PURCHASE_ORDER_ID)).isEqualTo(pi.getBusinessKey());
        externalTasks.complete(locked.get(0).getId(), "test", result);
    }

    private Task task(ProcessInstance pi, String activityId, String role) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
        assertThat(open).as("open task %s", activityId).hasSize(1);
        assertThat(tasks.getIdentityLinksForTask(open.get(0).getId()).stream().map(IdentityLink::getGroupId))
                .containsExactly(role);
        return open.get(0);
    }

    private void correlate(ProcessInstance pi, String message, Map<String, Object> vars) {
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(pi.getBusinessKey())
                .setVariables(vars).correlate();
    }

    private boolean waitsAt(ProcessInstance pi, String activityId) {
        return runtime.getActiveActivityIds(pi.getId()).contains(activityId);
    }

    private boolean endedAt(ProcessInstance pi, String endEvent) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() == 0
                && history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).activityId(endEvent)
                        .finished().count() == 1;
    }

    /** Sent and confirmed: waits for the first shipping notice. */
    private ProcessInstance confirmed() {
        ProcessInstance pi = created(true);
        work(pi, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        assertThat(waitsAt(pi, "WaitForConfirmation")).isTrue();
        correlate(pi, Messages.PURCHASE_ORDER_CONFIRMED, Map.of(Variables.ALL_DECLINED, false));
        assertThat(waitsAt(pi, "WaitForShippingNotice")).isTrue();
        return pi;
    }

    /** Confirmed, one shipping notice received and put away in full: waits for the invoice. */
    private ProcessInstance received() {
        ProcessInstance pi = confirmed();
        correlate(pi, Messages.ADVANCE_SHIPPING_NOTICE_SUBMITTED, Map.of(Variables.ASN_ID, "asn-1"));
        tasks.complete(task(pi, "ReceiveGoods", Roles.WAREHOUSE).getId(), Map.of());
        tasks.complete(task(pi, "PutAway", Roles.WAREHOUSE).getId(), Map.of(Variables.QUANTITY_OPEN, false,
                Variables.ASN_PENDING, false, Variables.INVOICE_PENDING, false));
        assertThat(waitsAt(pi, "WaitForInvoice")).isTrue();
        return pi;
    }

    @Test
    void happyPathWithTwoPartialDeliveriesEndsClosed() {
        ProcessInstance pi = confirmed();
        // first delivery: short, quantity stays open
        correlate(pi, Messages.ADVANCE_SHIPPING_NOTICE_SUBMITTED, Map.of(Variables.ASN_ID, "asn-1"));
        tasks.complete(task(pi, "ReceiveGoods", Roles.WAREHOUSE).getId(), Map.of());
        tasks.complete(task(pi, "PutAway", Roles.WAREHOUSE).getId(), Map.of(Variables.QUANTITY_OPEN, true,
                Variables.ASN_PENDING, false));
        assertThat(waitsAt(pi, "WaitForShippingNotice")).isTrue();
        // second delivery: the rest
        correlate(pi, Messages.ADVANCE_SHIPPING_NOTICE_SUBMITTED, Map.of(Variables.ASN_ID, "asn-2"));
        tasks.complete(task(pi, "ReceiveGoods", Roles.WAREHOUSE).getId(), Map.of());
        tasks.complete(task(pi, "PutAway", Roles.WAREHOUSE).getId(), Map.of(Variables.QUANTITY_OPEN, false,
                Variables.ASN_PENDING, false, Variables.INVOICE_PENDING, false));
        assertThat(waitsAt(pi, "WaitForInvoice")).isTrue();

        correlate(pi, Messages.SUPPLIER_INVOICE_RECEIVED, Map.of(Variables.INVOICE_ID, "inv-1"));
        work(pi, Topics.PROCUREMENT_MATCH_INVOICE, Map.of(Variables.INVOICE_MATCHED, true));
        work(pi, Topics.PROCUREMENT_CLOSE_PURCHASE_ORDER, Map.of());
        assertThat(endedAt(pi, "PurchaseOrderClosed")).isTrue();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("ReceiveGoods").count()).isEqualTo(2);
    }

    @Test
    void aSecondNoticeThatArrivedDuringReceivingIsReceivedWithoutWaiting() {
        ProcessInstance pi = confirmed();
        correlate(pi, Messages.ADVANCE_SHIPPING_NOTICE_SUBMITTED, Map.of(Variables.ASN_ID, "asn-1"));
        tasks.complete(task(pi, "ReceiveGoods", Roles.WAREHOUSE).getId(), Map.of());
        tasks.complete(task(pi, "PutAway", Roles.WAREHOUSE).getId(), Map.of(Variables.QUANTITY_OPEN, true,
                Variables.ASN_PENDING, true));
        task(pi, "ReceiveGoods", Roles.WAREHOUSE);
    }

    @Test
    void anInvoiceUploadedBeforeTheLastReceiptIsMatchedAtOnce() {
        ProcessInstance pi = confirmed();
        correlate(pi, Messages.ADVANCE_SHIPPING_NOTICE_SUBMITTED, Map.of(Variables.ASN_ID, "asn-1"));
        tasks.complete(task(pi, "ReceiveGoods", Roles.WAREHOUSE).getId(), Map.of());
        tasks.complete(task(pi, "PutAway", Roles.WAREHOUSE).getId(), Map.of(Variables.QUANTITY_OPEN, false,
                Variables.ASN_PENDING, false, Variables.INVOICE_PENDING, true));
        assertThat(waitsAt(pi, "WaitForInvoice")).isFalse();
        work(pi, Topics.PROCUREMENT_MATCH_INVOICE, Map.of(Variables.INVOICE_MATCHED, true));
        work(pi, Topics.PROCUREMENT_CLOSE_PURCHASE_ORDER, Map.of());
        assertThat(endedAt(pi, "PurchaseOrderClosed")).isTrue();
    }

    @Test
    void withoutASupplierABuyerAssignsOneFirst() {
        ProcessInstance pi = created(false);
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        Task assign = task(pi, "AssignSupplier", Roles.BUYER);
        tasks.complete(assign.getId(), Map.of(Variables.SUPPLIER_READY, false));
        // still not ready (e.g. the new supplier is blocked too): the task comes back
        assign = task(pi, "AssignSupplier", Roles.BUYER);
        tasks.complete(assign.getId(), Map.of(Variables.SUPPLIER_READY, true));
        work(pi, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        assertThat(waitsAt(pi, "WaitForConfirmation")).isTrue();
    }

    @Test
    void afterTwoDaysTheSupplierIsRemindedAndAfterFiveABuyerChases() {
        ProcessInstance pi = created(true);
        work(pi, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        List<Job> timers = management.createJobQuery().processInstanceId(pi.getId()).timers()
                .orderByJobDuedate().asc().list();
        assertThat(timers).hasSize(2);
        long now = System.currentTimeMillis();
        assertThat(timers.get(0).getDuedate().getTime() - now)
                .isCloseTo(Duration.ofDays(2).toMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(timers.get(1).getDuedate().getTime() - now)
                .isCloseTo(Duration.ofDays(5).toMillis(), org.assertj.core.data.Offset.offset(60_000L));

        management.executeJob(timers.get(0).getId());
        work(pi, Topics.PROCUREMENT_REMIND_SUPPLIER, Map.of());
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(waitsAt(pi, "WaitForConfirmation")).isTrue();

        management.executeJob(timers.get(1).getId());
        task(pi, "ChaseConfirmation", Roles.BUYER);
        assertThat(waitsAt(pi, "WaitForConfirmation")).isTrue();

        // the confirmation arrives while the buyer is chasing: the chase task goes away
        correlate(pi, Messages.PURCHASE_ORDER_CONFIRMED, Map.of(Variables.ALL_DECLINED, false));
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isZero();
        assertThat(waitsAt(pi, "WaitForShippingNotice")).isTrue();
    }

    @Test
    void aChangeWhileWaitingForTheConfirmationSendsTheOrderAgain() {
        ProcessInstance pi = created(true);
        work(pi, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        correlate(pi, Messages.PURCHASE_ORDER_CHANGED, Map.of());
        assertThat(waitsAt(pi, "WaitForConfirmation")).isFalse();
        work(pi, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        assertThat(waitsAt(pi, "WaitForConfirmation")).isTrue();
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count()).isEqualTo(2);
    }

    @Test
    void allLinesDeclinedGoToABuyerWhoSendsAgainOrDrops() {
        ProcessInstance again = created(true);
        work(again, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        correlate(again, Messages.PURCHASE_ORDER_CONFIRMED, Map.of(Variables.ALL_DECLINED, true));
        tasks.complete(task(again, "ReviewDeclinedOrder", Roles.BUYER).getId(), Map.of(Variables.APPROVED, true));
        work(again, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        assertThat(waitsAt(again, "WaitForConfirmation")).isTrue();

        ProcessInstance drop = created(true);
        work(drop, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        correlate(drop, Messages.PURCHASE_ORDER_CONFIRMED, Map.of(Variables.ALL_DECLINED, true));
        tasks.complete(task(drop, "ReviewDeclinedOrder", Roles.BUYER).getId(), Map.of(Variables.APPROVED, false));
        assertThat(endedAt(drop, "OrderDeclined")).isTrue();
    }

    @Test
    void aMismatchGoesToABuyerWhoRejectsThenAcceptsACorrectedInvoice() {
        ProcessInstance pi = received();
        correlate(pi, Messages.SUPPLIER_INVOICE_RECEIVED, Map.of(Variables.INVOICE_ID, "inv-1"));
        work(pi, Topics.PROCUREMENT_MATCH_INVOICE, Map.of(Variables.INVOICE_MATCHED, false));
        tasks.complete(task(pi, "ResolveInvoiceMismatch", Roles.BUYER).getId(), Map.of(Variables.APPROVED, false,
                Variables.INVOICE_PENDING, false));
        assertThat(waitsAt(pi, "WaitForInvoice")).isTrue();
        assertThat(externalTasks.createExternalTaskQuery().processInstanceId(pi.getId()).count()).isZero();

        correlate(pi, Messages.SUPPLIER_INVOICE_RECEIVED, Map.of(Variables.INVOICE_ID, "inv-2"));
        work(pi, Topics.PROCUREMENT_MATCH_INVOICE, Map.of(Variables.INVOICE_MATCHED, false));
        tasks.complete(task(pi, "ResolveInvoiceMismatch", Roles.BUYER).getId(), Map.of(Variables.APPROVED, true));
        work(pi, Topics.PROCUREMENT_CLOSE_PURCHASE_ORDER, Map.of());
        assertThat(endedAt(pi, "PurchaseOrderClosed")).isTrue();
    }

    @Test
    void aCancellationEndsTheProcessAtAnyStep() {
        ProcessInstance waiting = created(true);
        work(waiting, Topics.PROCUREMENT_SEND_PURCHASE_ORDER, Map.of());
        correlate(waiting, Messages.PURCHASE_ORDER_CANCELLED, Map.of());
        assertThat(endedAt(waiting, "OrderCancelled")).isTrue();
        assertThat(management.createJobQuery().processInstanceId(waiting.getId()).count()).isZero();

        ProcessInstance receiving = confirmed();
        correlate(receiving, Messages.ADVANCE_SHIPPING_NOTICE_SUBMITTED, Map.of(Variables.ASN_ID, "asn-1"));
        task(receiving, "ReceiveGoods", Roles.WAREHOUSE);
        correlate(receiving, Messages.PURCHASE_ORDER_CANCELLED, Map.of());
        assertThat(endedAt(receiving, "OrderCancelled")).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceId(receiving.getId()).count()).isZero();

        ProcessInstance unassigned = created(false);
        correlate(unassigned, Messages.PURCHASE_ORDER_CANCELLED, Map.of());
        assertThat(endedAt(unassigned, "OrderCancelled")).isTrue();
    }

    @ParameterizedTest(name = "a line of {0} has {1} % price and {2} % quantity tolerance")
    @CsvSource({"10, 5, 2", "999.99, 5, 2", "1000, 2, 1", "9999.99, 2, 1", "10000, 1, 0", "250000, 1, 0"})
    void matchToleranceByLineAmount(double amount, double price, double quantity) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(ProcessKeys.DECISION_INVOICE_MATCH_TOLERANCE,
                Map.of("orderLineAmount", amount)).getSingleResult();
        assertThat(((Number) result.get("priceTolerancePercent")).doubleValue()).isEqualTo(price);
        assertThat(((Number) result.get("quantityTolerancePercent")).doubleValue()).isEqualTo(quantity);
    }

    @ParameterizedTest(name = "class \"{0}\" may be over-delivered by {1} %")
    @CsvSource({"A, 0", "B, 5", "C, 10", "'', 5"})
    void overDeliveryToleranceByAbcClass(String abcClass, double percent) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(ProcessKeys.DECISION_OVER_DELIVERY_TOLERANCE,
                Map.of("abcClass", abcClass)).getSingleResult();
        assertThat(((Number) result.get("overDeliveryPercent")).doubleValue()).isEqualTo(percent);
    }
}
