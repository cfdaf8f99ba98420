package io.millflow.calendar;

import io.millflow.pms.PlanCalendar.Kind;
import io.millflow.shared.events.BusinessEvent;
import io.millflow.shared.events.EventTypes;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns project events into outbox rows of the calendar sync, inside the transaction of the change (they commit or
 * roll back with it; no network here). A task event marks both of the task's possible entries (milestone, due date):
 * the push reads what the task is now and creates, changes or deletes the event, or forgets a row that never had one.
 * A project's status change marks the project's existing entries. Allocations publish no events; the reconcile job
 * finds their changes.
 */
@Component
class PlanEventListener {

    private static final Set<String> TASK_EVENTS = Set.of(EventTypes.TASK_CREATED, EventTypes.TASK_RESCHEDULED,
            EventTypes.TASK_ASSIGNED, EventTypes.TASK_STATUS_CHANGED);

    private final CalendarLinks links;

    PlanEventListener(CalendarLinks links) {
        this.links = links;
    }

    @EventListener
    void on(BusinessEvent event) {
        if (TASK_EVENTS.contains(event.type())) {
            UUID taskId = uuid(event.text("taskId") != null ? event.text("taskId") : event.subjectId());
            UUID projectId = uuid(event.text("projectId"));
            if (taskId != null) {
                links.changed(Kind.MILESTONE, taskId, projectId, event.occurredAt());
                links.changed(Kind.TASK_DUE, taskId, projectId, event.occurredAt());
            }
        } else if (EventTypes.PROJECT_STATUS_CHANGED.equals(event.type())) {
            UUID projectId = uuid(event.text("projectId") != null ? event.text("projectId") : event.subjectId());
            if (projectId != null) {
                links.projectChanged(projectId, event.occurredAt());
            }
        }
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
