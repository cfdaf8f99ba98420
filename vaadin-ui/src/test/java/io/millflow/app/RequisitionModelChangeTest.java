package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Requisitions;
import io.millflow.app.support.Tokens;
import io.millflow.processes.ProcessKeys;
import io.millflow.workbench.ModelKind;
import io.millflow.workbench.ProcessModels;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.BpmnModelInstance;
import org.operaton.bpm.model.bpmn.instance.FlowNode;
import org.operaton.bpm.model.bpmn.instance.Process;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process owner may put a step before the approval decision of purchase-requisition: submitting still records the
 * approval chain (the same decision, evaluated with the same input), the new step's form is worked in the inbox,
 * and the requisition then goes on to its approvals. The installed model is restored after.
 */
@AppTest
class RequisitionModelChangeTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessModels models;

    private String instanceId;

    @AfterEach
    void restore() {
        if (instanceId != null && runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
            runtime.deleteProcessInstance(instanceId, "RequisitionModelChangeTest cleanup");
        }
        WorkbenchBrowserTest.asOwner(() -> models.restoreInstalled(ModelKind.BPMN, ProcessKeys.PURCHASE_REQUISITION));
    }

    @Test
    void aStepBeforeTheDecisionKeepsSubmissionWorkingAndItsFormComesFirst() throws Exception {
        BpmnModelInstance model;
        try (InputStream in = getClass().getResourceAsStream("/bpmn/purchase-requisition.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        SequenceFlow toDecide = model.getModelElementById("Flow_ToDecide");
        FlowNode decide = toDecide.getTarget();
        Process process = (Process) toDecide.getParentElement();
        UserTask review = model.newInstance(UserTask.class);
        review.setId("FinanceReviewFirst");
        review.setName("Finance review first");
        review.setOperatonCandidateGroups("FINANCE");
        review.setOperatonFormRef("finance-review");
        review.setOperatonFormRefBinding("latest");
        process.addChildElement(review);
        SequenceFlow onwards = model.newInstance(SequenceFlow.class);
        onwards.setId("Flow_ReviewToDecide");
        process.addChildElement(onwards);
        onwards.setSource(review);
        onwards.setTarget(decide);
        toDecide.setTarget(review);
        repository.createDeployment().name("test:purchase-requisition")
                .addModelInstance("purchase-requisition.bpmn", model).deploy();

        Api api = new Api(port);
        Api.Response created = api.post("/api/v1/purchase-requisitions", Tokens.user(port, "employee"),
                Requisitions.body("Step-before-decision gauge", 2, "120.00", "EUR"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().path("approvalLevels").toString()).isEqualTo("[\"MANAGER\"]");
        String requisitionId = created.text("id");
        instanceId = runtime.createProcessInstanceQuery().processInstanceBusinessKey(requisitionId).singleResult()
                .getId();

        Task first = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(first.getTaskDefinitionKey()).isEqualTo("FinanceReviewFirst");
        String finance = Tokens.user(port, "finance");
        Api.Response form = api.get("/api/v1/tasks/" + first.getId() + "/form", finance);
        assertThat(form.status()).as(form.raw()).isEqualTo(200);
        Api.Response bad = api.post("/api/v1/tasks/" + first.getId() + "/form", finance,
                Map.of("costCentre", "fi 12"));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
        Api.Response good = api.post("/api/v1/tasks/" + first.getId() + "/form", finance,
                Map.of("costCentre", "FI-1200", "budgetConfirmed", true, "amountChecked", 240));
        assertThat(good.status()).as(good.raw()).isEqualTo(204);

        Task next = tasks.createTaskQuery().processInstanceId(instanceId).singleResult();
        assertThat(next.getTaskDefinitionKey()).isEqualTo("ApproveAsManager");
        assertThat(runtime.getVariable(instanceId, "approvalLevels")).isEqualTo("MANAGER");
        assertThat(runtime.getVariable(instanceId, "costCentre")).isEqualTo("FI-1200");
    }
}
