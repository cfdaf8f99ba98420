package io.millflow.workers.pms;

import io.millflow.pms.material.MaterialRequestViews.ReserveResult;
import io.millflow.pms.material.MaterialRequests;
import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code pms.reserveMaterials}: reserves what is available of a material request's open quantity (idempotent). */
@Component
class ReserveMaterialsWorker implements ExternalTaskWorker {

    private final MaterialRequests requests;

    ReserveMaterialsWorker(MaterialRequests requests) {
        this.requests = requests;
    }

    @Override
    public String topic() {
        return Topics.PMS_RESERVE_MATERIALS;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID id = UUID.fromString((String) task.getVariables().get(Variables.MATERIAL_REQUEST_ID));
        ReserveResult result = requests.reserve(id);
        return Map.of(Variables.MATERIAL_SHORT, result.shortOfStock(), Variables.REQUISITION_RAISED,
                result.requisitionRaised());
    }
}
