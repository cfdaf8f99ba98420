package io.millflow.pms.resources;

import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.inbox.TaskDecisionHandler;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Records the decision of a {@code timesheet-approval} task on the timesheet (approve, or reject back to DRAFT). */
@Component
class TimesheetApprovalHandler implements TaskDecisionHandler {

    private final Timesheets timesheets;

    TimesheetApprovalHandler(Timesheets timesheets) {
        this.timesheets = timesheets;
    }

    @Override
    public String processKey() {
        return ProcessKeys.TIMESHEET_APPROVAL;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        timesheets.recordDecision(UUID.fromString(task.businessKey()), user, decision.approved(), decision.comment());
        return Map.of(Variables.APPROVED, decision.approved());
    }
}
