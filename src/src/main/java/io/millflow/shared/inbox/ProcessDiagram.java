package io.millflow.shared.inbox;

import java.util.List;

/** A process model (BPMN XML) and the ids of its activities that are active for one instance. */
public record ProcessDiagram(String bpmnXml, List<String> activeActivityIds) {
}
