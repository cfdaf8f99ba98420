package io.millflow.workers.pms;

import io.millflow.pms.material.MaterialRequests;
import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.workers.ExternalTaskWorker;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code pms.requisitionMaterials}: one purchase requisition for a material request's shortfall (idempotent). */
@Component
class RequisitionMaterialsWorker implements ExternalTaskWorker {

    private final MaterialRequests requests;

    RequisitionMaterialsWorker(MaterialRequests requests) {
        this.requests = requests;
    }

    @Override
    public String topic() {
        return Topics.PMS_REQUISITION_MATERIALS;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID id = UUID.fromString((String) task.getVariables().get(Variables.MATERIAL_REQUEST_ID));
        String number = requests.requisition(id);
        Map<String, Object> vars = new HashMap<>();
        vars.put(Variables.REQUISITION_RAISED, true);
        if (number != null) {
            vars.put(Variables.REQUISITION_NUMBER, number);
        }
        return vars;
    }
}
