package io.millflow.workers.pms;

import io.millflow.pms.material.MaterialRequests;
import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code pms.issueMaterials}: issues a picked material request to its project (221; idempotent). */
@Component
class IssueMaterialsWorker implements ExternalTaskWorker {

    private final MaterialRequests requests;

    IssueMaterialsWorker(MaterialRequests requests) {
        this.requests = requests;
    }

    @Override
    public String topic() {
        return Topics.PMS_ISSUE_MATERIALS;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID id = UUID.fromString((String) task.getVariables().get(Variables.MATERIAL_REQUEST_ID));
        requests.issue(id);
        return Map.of();
    }
}
