package io.millflow.workers.pms;

import io.millflow.pms.ProjectRequests;
import io.millflow.processes.Topics;
import io.millflow.processes.Variables;
import io.millflow.workers.ExternalTaskWorker;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

/** {@code pms.createProject}: the project of an approved request, from its template (idempotent). */
@Component
class CreateProjectWorker implements ExternalTaskWorker {

    private final ProjectRequests requests;

    CreateProjectWorker(ProjectRequests requests) {
        this.requests = requests;
    }

    @Override
    public String topic() {
        return Topics.PMS_CREATE_PROJECT;
    }

    @Override
    public Map<String, Object> handle(LockedExternalTask task) {
        UUID id = UUID.fromString((String) task.getVariables().get(Variables.PROJECT_REQUEST_ID));
        return Map.of(Variables.PROJECT_ID, requests.createProject(id).toString());
    }
}
