package io.millflow.pms;

import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.inbox.TaskDecisionHandler;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/** Decisions on {@code project-intake} tasks in the inbox: a head's approval, the manager's kickoff. */
@Component
class ProjectIntakeHandler implements TaskDecisionHandler {

    private final ProjectRequests requests;
    private final TaskService tasks;

    ProjectIntakeHandler(ProjectRequests requests, TaskService tasks) {
        this.requests = requests;
        this.tasks = tasks;
    }

    @Override
    public String processKey() {
        return ProcessKeys.PROJECT_INTAKE;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        UUID id = UUID.fromString(task.businessKey());
        return switch (task.activityId()) {
            case "ApproveProjectRequest" -> {
                if (!(tasks.getVariable(task.id(), Variables.LOOP_COUNTER) instanceof Integer position)) {
                    throw new ProblemException.Conflict("Task " + task.id() + " is not a department's approval");
                }
                requests.recordDecision(id, position, user, decision.approved(), decision.comment());
                yield Map.of(Variables.APPROVED, decision.approved());
            }
            case "KickOffProject" -> {
                if (!decision.approved()) {
                    throw new ProblemException.Conflict("A project is kicked off, not rejected; put it ON_HOLD or "
                            + "CLOSED after the kickoff");
                }
                requests.kickOff(id, user);
                yield Map.of();
            }
            default -> throw new ProblemException.Conflict("Task " + task.name() + " cannot be decided here");
        };
    }
}
