package io.millflow.app.support;

import io.millflow.processes.Variables;
import java.util.Map;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;

/**
 * A test-only process {@value #KEY}: one FINANCE user task linking the shipped form {@code finance-review}
 * ({@code camunda:formRef}, binding latest), then the end. Deployed once per context (duplicate filtering).
 */
public final class FormFixtures {

    public static final String KEY = "wb-test-form";
    public static final String TASK = "FinanceReview";

    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                id="Definitions_WbTestForm" targetNamespace="https://millflow.io/bpmn">
              <bpmn:process id="wb-test-form" name="Test: finance review form" isExecutable="true"
                  camunda:historyTimeToLive="P30D">
                <bpmn:startEvent id="Start" name="Requested"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
                <bpmn:userTask id="FinanceReview" name="Finance review" camunda:candidateGroups="FINANCE"
                    camunda:formRef="finance-review" camunda:formRefBinding="latest">
                  <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:endEvent id="End" name="Reviewed"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="FinanceReview"/>
                <bpmn:sequenceFlow id="F2" sourceRef="FinanceReview" targetRef="End"/>
              </bpmn:process>
              <bpmndi:BPMNDiagram id="Diagram_WbTestForm">
                <bpmndi:BPMNPlane id="Plane_WbTestForm" bpmnElement="wb-test-form">
                  <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="152" y="102" width="36" height="36"/></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="FinanceReview_di" bpmnElement="FinanceReview"><dc:Bounds x="240" y="80" width="100" height="80"/></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="392" y="102" width="36" height="36"/></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="F1_di" bpmnElement="F1"><di:waypoint x="188" y="120"/><di:waypoint x="240" y="120"/></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="F2_di" bpmnElement="F2"><di:waypoint x="340" y="120"/><di:waypoint x="392" y="120"/></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    private FormFixtures() {
    }

    /** Deploys the test process unless this very version is deployed already. */
    public static void deploy(RepositoryService repository) {
        repository.createDeployment().name(KEY).enableDuplicateFiltering(true)
                .addString(KEY + ".bpmn", BPMN).deploy();
    }

    /** Starts an instance requested by {@code requester}; returns the id of its open finance review task. */
    public static String start(RuntimeService runtime, TaskService tasks, String requester, String businessKey) {
        String pi = runtime.startProcessInstanceByKey(KEY, businessKey, Map.of(Variables.REQUESTER, requester))
                .getId();
        return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK).singleResult().getId();
    }
}
