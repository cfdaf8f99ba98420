package io.millflow.shared.events;

import io.millflow.shared.inbox.Inbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.delegate.DelegateTask;
import org.operaton.bpm.engine.delegate.TaskListener;
import org.operaton.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.operaton.bpm.engine.impl.history.event.HistoryEvent;
import org.operaton.bpm.engine.impl.history.event.HistoryEventTypes;
import org.operaton.bpm.engine.impl.persistence.entity.TaskEntity;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns the engine's own events into {@link BusinessEvent}s of type {@code process.*}. Operaton's Spring Boot
 * starter publishes every task event ({@link DelegateTask}) and history event ({@link HistoryEvent}) to the Spring
 * context inside the engine command, which runs in the Spring transaction of the caller: a listener of the business
 * events writes its rows in the same transaction as the engine's change.
 * <p>
 * When a task is created with an assignee, the engine fires {@code assignment} as part of the creation; that is
 * reported once, in {@code process.userTaskCreated} (with its {@code assignee}), not again as an assignment.
 */
@Component
class ProcessBusinessEvents {

    private static final Logger log = LoggerFactory.getLogger(ProcessBusinessEvents.class);
    private static final Object CREATED_IN_TRANSACTION = new Object();

    private final BusinessEvents events;

    ProcessBusinessEvents(BusinessEvents events) {
        this.events = events;
    }

    @EventListener
    void task(DelegateTask task) {
        String event = task.getEventName();
        if (TaskListener.EVENTNAME_CREATE.equals(event)) {
            createdInThisTransaction().add(task.getId());
            Map<String, Object> data = taskData(task);
            data.put("taskDefinitionKey", task.getTaskDefinitionKey());
            data.put("processInstanceId", task.getProcessInstanceId());
            data.put("candidateGroups", candidateGroups(task));
            data.put("dueDate", task.getDueDate() == null ? null : task.getDueDate().toInstant().toString());
            data.put("approval", !hasForm(task));
            events.publish(EventTypes.USER_TASK_CREATED, "UserTask", task.getId(), data);
        } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(event)) {
            if (createdInThisTransaction().contains(task.getId()) || isBeingCreated(task)) {
                return;
            }
            Map<String, Object> data = taskData(task);
            data.put("previousAssignee", previousAssignee(task));
            events.publish(EventTypes.USER_TASK_ASSIGNED, "UserTask", task.getId(), data);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(event)) {
            events.publish(EventTypes.USER_TASK_COMPLETED, "UserTask", task.getId(), taskData(task));
        }
    }

    @EventListener
    void history(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity pi && pi.getEventType() != null) {
            boolean start = HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(pi.getEventType());
            boolean end = HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(pi.getEventType());
            if (!start && !end) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("processInstanceId", pi.getProcessInstanceId());
            data.put("processDefinitionKey", pi.getProcessDefinitionKey());
            data.put("processDefinitionVersion", pi.getProcessDefinitionVersion());
            data.put("businessKey", pi.getBusinessKey());
            data.put("superProcessInstanceId", pi.getSuperProcessInstanceId());
            if (end) {
                data.put("state", pi.getState());
                data.put("deleteReason", pi.getDeleteReason());
            }
            events.publish(start ? EventTypes.PROCESS_STARTED : EventTypes.PROCESS_COMPLETED, "ProcessInstance",
                    pi.getProcessInstanceId(), data);
        } else if (event instanceof HistoricIncidentEventEntity incident
                && HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(incident.getEventType())) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("incidentId", incident.getId());
            data.put("incidentType", incident.getIncidentType());
            data.put("processInstanceId", incident.getProcessInstanceId());
            data.put("processDefinitionKey", incident.getProcessDefinitionKey());
            data.put("activityId", incident.getActivityId());
            data.put("message", incident.getIncidentMessage());
            events.publish(EventTypes.INCIDENT_CREATED, "Incident", incident.getId(), data);
        }
    }

    private static Map<String, Object> taskData(DelegateTask task) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.getId());
        data.put("name", task.getName());
        data.put("processDefinitionKey", processKey(task));
        data.put("businessKey", task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
        data.put("assignee", task.getAssignee());
        return data;
    }

    private static String processKey(DelegateTask task) {
        if (task.getProcessDefinitionId() == null) {
            return null;
        }
        return task.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(task.getProcessDefinitionId()).getKey();
    }

    private static List<String> candidateGroups(DelegateTask task) {
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return groups;
    }

    private static boolean hasForm(DelegateTask task) {
        if (task instanceof TaskEntity entity) {
            try {
                entity.initializeFormKey();
                return Inbox.hasLinkedForm(entity);
            } catch (RuntimeException e) {
                log.debug("Form of task {} not readable: {}", task.getId(), e.toString());
            }
        }
        return false;
    }

    private static boolean isBeingCreated(DelegateTask task) {
        return task instanceof TaskEntity entity && "Init".equalsIgnoreCase(entity.getTaskState());
    }

    private static String previousAssignee(DelegateTask task) {
        if (task instanceof TaskEntity entity && entity.getPropertyChanges().get("assignee") != null) {
            Object before = entity.getPropertyChanges().get("assignee").getOrgValue();
            return before == null ? null : before.toString();
        }
        return null;
    }

    /** Ids of the tasks created in the current transaction (empty and thrown away when there is none). */
    @SuppressWarnings("unchecked")
    private static Set<String> createdInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashSet<>();
        }
        Set<String> ids = (Set<String>) TransactionSynchronizationManager.getResource(CREATED_IN_TRANSACTION);
        if (ids == null) {
            ids = new HashSet<>();
            TransactionSynchronizationManager.bindResource(CREATED_IN_TRANSACTION, ids);
            TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            TransactionSynchronizationManager.unbindResourceIfPossible(CREATED_IN_TRANSACTION);
                        }
                    });
        }
        return ids;
    }
}
