package io.millflow.workers.ims;

import io.millflow.ims.ReplenishmentRuns;
import io.millflow.ims.ReplenishmentViews.RunCounts;
import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/**
 * {@code ims.computeReplenishmentProposals}: plans the run's reorder rules and writes its proposals, each decided
 * AUTO or REVIEW (idempotent: a computed run answers its counts again).
 */
@Component
class ComputeReplenishmentProposalsWorker implements ExternalTaskWorker {

    private final ReplenishmentRuns runs;

    ComputeReplenishmentProposalsWorker(ReplenishmentRuns runs) {
        this.runs = runs;
    }

    @Override
    public String topic() {
        return Topics.IMS_COMPUTE_REPLENISHMENT_PROPOSALS;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID runId = UUID.fromString((String) task.getVariables().get(Variables.REPLENISHMENT_RUN_ID));
        RunCounts counts = runs.compute(runId);
        return Map.of(Variables.PAIRS, counts.pairs(), Variables.PROPOSALS, counts.proposals(),
                Variables.AUTO_PROPOSALS, counts.autoProposals(), Variables.REVIEW_PROPOSALS, counts.reviewProposals());
    }
}
