package io.millflow.workers.ims;

import io.millflow.ims.ReplenishmentRuns;
import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/**
 * {@code ims.orderReplenishmentProposals}: turns the run's approved proposals into requisitions through
 * procurement (idempotent). Without a procurement implementation it fails, and the exhausted retries leave an
 * incident saying "no procurement ordering available".
 */
@Component
class OrderReplenishmentProposalsWorker implements ExternalTaskWorker {

    private final ReplenishmentRuns runs;

    OrderReplenishmentProposalsWorker(ReplenishmentRuns runs) {
        this.runs = runs;
    }

    @Override
    public String topic() {
        return Topics.IMS_ORDER_REPLENISHMENT_PROPOSALS;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID runId = UUID.fromString((String) task.getVariables().get(Variables.REPLENISHMENT_RUN_ID));
        return Map.of(Variables.ORDERED_PROPOSALS, runs.orderApproved(runId));
    }
}
