package io.millflow.pms.material;

import io.millflow.processes.ProcessKeys;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.inbox.TaskDecisionHandler;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** "Pick materials" of {@code project-material-request} in the inbox: approving records the picker; the issue follows. */
@Component
class MaterialPickHandler implements TaskDecisionHandler {

    private final MaterialRequests requests;

    MaterialPickHandler(MaterialRequests requests) {
        this.requests = requests;
    }

    @Override
    public String processKey() {
        return ProcessKeys.PROJECT_MATERIAL_REQUEST;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        if (!"PickMaterials".equals(task.activityId())) {
            throw new ProblemException.Conflict("Task " + task.name() + " cannot be decided here");
        }
        if (!decision.approved()) {
            throw new ProblemException.Conflict("To stop a material request, cancel it (its reservations are "
                    + "released)");
        }
        requests.picked(UUID.fromString(task.businessKey()), user);
        return Map.of();
    }
}
