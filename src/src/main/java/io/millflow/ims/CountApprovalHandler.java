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

/** Records a supervisor's decision on the {@code cycle-count} approval task on the count. */
@Component
class CountApprovalHandler implements TaskDecisionHandler {

    private final CycleCounts counts;

    CountApprovalHandler(CycleCounts counts) {
        this.counts = counts;
    }

    @Override
    public String processKey() {
        return ProcessKeys.CYCLE_COUNT;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        counts.recordDecision(UUID.fromString(task.businessKey()), user, decision.approved(), decision.comment());
        return Map.of(Variables.APPROVED, decision.approved());
    }
}
