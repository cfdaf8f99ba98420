package io.millflow.app.support;

import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * Test-only process models for the workbench pages, built with the BPMN model API (which lays out the diagram):
 * {@code Start → Approve (MANAGER) → Sync (external task on a test-only topic no worker serves) → Review (MANAGER)
 * → End}; the second version adds {@code Archive (MANAGER)} after Review.
 */
public final class WorkbenchModels {

    /** The external task topic of {@code Sync}; only tests fetch and lock it. */
    public static final String TOPIC = "wb-test.sync";

    private WorkbenchModels() {
    }

    public static String opsProcess(String key, int shape) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).name("Workbench test " + key)
                .operatonHistoryTimeToLive(180)
                .startEvent("Start").name("Start")
                .userTask("Approve").name("Approve").operatonCandidateGroups("MANAGER")
                .serviceTask("Sync").name("Sync").operatonExternalTask(TOPIC)
                .userTask("Review").name("Review").operatonCandidateGroups("MANAGER");
        if (shape >= 2) {
            flow = flow.userTask("Archive").name("Archive").operatonCandidateGroups("MANAGER");
        }
        return Bpmn.convertToString(flow.endEvent("End").name("End").done());
    }
}
