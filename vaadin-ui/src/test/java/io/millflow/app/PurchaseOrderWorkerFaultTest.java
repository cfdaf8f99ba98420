package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Requisitions;
import io.millflow.app.support.Tokens;
import io.millflow.procurement.PurchaseOrders;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The purchase-order worker under faults: a crash after the order was written, and a step that always fails. */
@AppTest
class PurchaseOrderWorkerFaultTest {

    @LocalServerPort
    int port;
    /** A spy (see {@link AppTest}). */
    @Autowired
    PurchaseOrders orders;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcTemplate jdbc;

    private String approvedRequisition() {
        Api api = new Api(port);
        String id = Requisitions.submit(api, port, "employee", Requisitions.body("Drill bits", 10, "15.00", "EUR"));
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(id).singleResult().getId();
        assertThat(api.post("/api/v1/tasks/" + taskId + "/complete", Tokens.user(port, "manager"),
                Map.of("approved", true)).status()).isEqualTo(204);
        return id;
    }

    @Test
    void aCrashAfterTheOrderWasWrittenStillYieldsExactlyOneOrder() {
        AtomicBoolean crashed = new AtomicBoolean();
        doAnswer(invocation -> {
            Object order = invocation.callRealMethod();
            if (crashed.compareAndSet(false, true)) {
                throw new IllegalStateException("worker crashed after the order was committed");
            }
            return order;
        }).when(orders).createForRequisition(any());

        String id = approvedRequisition();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count() == 0);
        verify(orders, times(2)).createForRequisition(UUID.fromString(id));
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where requisition_id = ?::uuid",
                Long.class, id)).isEqualTo(1);
        JsonNode requisition = new Api(port).get("/api/v1/purchase-requisitions/" + id,
                Tokens.user(port, "employee")).body();
        assertThat(history.createHistoricExternalTaskLogQuery()
                .processInstanceId(requisition.get("processInstanceId").asText()).failureLog().count()).isEqualTo(1);
        assertThat(requisition.get("status").asText()).isEqualTo("ORDERED");
        assertThat(history.createHistoricActivityInstanceQuery()
                .processInstanceId(requisition.get("processInstanceId").asText())
                .activityId("RequisitionOrdered").count()).isEqualTo(1);
    }

    @Test
    void exhaustedRetriesRaiseAnIncidentThatCockpitShows() {
        doThrow(new IllegalStateException("supplier system down")).when(orders).createForRequisition(any());

        String id = approvedRequisition();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtime.createIncidentQuery().processInstanceId(instance).count() == 1);
        verify(orders, atLeast(3)).createForRequisition(UUID.fromString(id));
        Api.Response incidents = new Api(port).get("/engine-rest/incident?processInstanceId=" + instance,
                Tokens.opsCli(port));
        assertThat(incidents.status()).isEqualTo(200);
        assertThat(incidents.body()).hasSize(1);
        assertThat(incidents.body().get(0).get("incidentType").asText()).isEqualTo("failedExternalTask");
        assertThat(incidents.body().get(0).get("incidentMessage").asText()).contains("supplier system down");
        assertThat(jdbc.queryForObject("select count(*) from purchase_order where requisition_id = ?::uuid",
                Long.class, id)).isZero();
    }
}
