package io.millflow.ims;

import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.inbox.TaskDecisionHandler;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Completes the buyer's review of a {@code stock-replenishment} run from the inbox: approve = order the run's
 * undecided proposals as proposed (the ones the buyer decided keep that decision), reject = reject them.
 */
@Component
class ReplenishmentReviewHandler implements TaskDecisionHandler {

    private final ReplenishmentRuns runs;

    ReplenishmentReviewHandler(ReplenishmentRuns runs) {
        this.runs = runs;
    }

    @Override
    public String processKey() {
        return ProcessKeys.STOCK_REPLENISHMENT;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        runs.completeReview(UUID.fromString(task.businessKey()), user, decision.approved(), decision.comment());
        return Map.of(Variables.APPROVED, decision.approved());
    }
}
