package io.millflow.notification;

import io.millflow.notification.NotificationTexts.Key;
import io.millflow.security.AppUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.events.BusinessEvent;
import io.millflow.shared.events.EventTypes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns business events into notifications, in the transaction of the change (rows commit or roll back with it):
 * <ul>
 * <li>{@code process.userTaskCreated}: APPROVAL_NEEDED when {@code approval} is true, else TASK_ASSIGNED, to the
 * assignee, or to every enabled user of the candidate groups;</li>
 * <li>{@code process.userTaskAssigned}, {@code pms.taskAssigned}: TASK_ASSIGNED to the new assignee, unless they
 * assigned it to themselves.</li>
 * </ul>
 * Texts are in each recipient's language.
 */
@Component
class NotificationProducers {

    private final Notifications notifications;
    private final UserAccounts users;

    NotificationProducers(Notifications notifications, UserAccounts users) {
        this.notifications = notifications;
        this.users = users;
    }

    @EventListener
    void on(BusinessEvent event) {
        switch (event.type()) {
            case EventTypes.USER_TASK_CREATED -> userTaskCreated(event);
            case EventTypes.USER_TASK_ASSIGNED -> userTaskAssigned(event);
            case EventTypes.TASK_ASSIGNED -> projectTaskAssigned(event);
            default -> {
            }
        }
    }

    private void userTaskCreated(BusinessEvent e) {
        Map<String, Object> d = e.data();
        String taskId = text(d.get("taskId"), e.subjectId());
        boolean approval = Boolean.TRUE.equals(d.get("approval")) || "true".equals(String.valueOf(d.get("approval")));
        String assignee = text(d.get("assignee"), null);
        Collection<String> recipients;
        if (assignee != null) {
            recipients = List.of(assignee);
        } else {
            recipients = users.enabledWithAnyRole(strings(d.get("candidateGroups"))).stream()
                    .map(AppUser::getUsername).toList();
        }
        Map<String, String> values = values(e, "task", text(d.get("name"), taskId), "process",
                text(d.get("processDefinitionKey"), ""));
        Map<String, String> data = data("taskId", taskId, "processDefinitionKey", text(d.get("processDefinitionKey"), null),
                "processInstanceId", text(d.get("processInstanceId"), null), "businessKey",
                text(d.get("businessKey"), null));
        for (String r : recipients) {
            send(r, approval ? NotificationKind.APPROVAL_NEEDED : NotificationKind.TASK_ASSIGNED,
                    approval ? Key.APPROVAL_NEEDED : Key.PROCESS_TASK, values, "/inbox?task=" + taskId, data);
        }
    }

    private void userTaskAssigned(BusinessEvent e) {
        Map<String, Object> d = e.data();
        String assignee = text(d.get("assignee"), null);
        if (assignee == null || assignee.equals(e.actor())) {
            return;
        }
        String taskId = text(d.get("taskId"), e.subjectId());
        send(assignee, NotificationKind.TASK_ASSIGNED, Key.PROCESS_TASK_ASSIGNED,
                values(e, "task", text(d.get("name"), taskId), "process", text(d.get("processDefinitionKey"), "")),
                "/inbox?task=" + taskId, data("taskId", taskId, "processDefinitionKey",
                        text(d.get("processDefinitionKey"), null), "businessKey", text(d.get("businessKey"), null)));
    }

    private void projectTaskAssigned(BusinessEvent e) {
        Map<String, Object> d = e.data();
        String assignee = text(d.get("assignee"), null);
        if (assignee == null || assignee.equals(e.actor())) {
            return;
        }
        String taskId = text(d.get("taskId"), e.subjectId());
        String projectId = text(d.get("projectId"), null);
        String key = text(d.get("key"), text(d.get("taskKey"), ""));
        send(assignee, NotificationKind.TASK_ASSIGNED, Key.PMS_TASK_ASSIGNED,
                values(e, "task", text(d.get("title"), taskId), "project", text(d.get("projectCode"), ""), "key", key),
                projectId == null ? null : "/project/" + projectId,
                data("taskId", taskId, "projectId", projectId, "projectCode", text(d.get("projectCode"), null)));
    }

    private void send(String username, NotificationKind kind, Key key, Map<String, String> values, String link,
            Map<String, String> data) {
        String language = users.find(username).map(AppUser::getLanguage).orElse("en");
        NotificationTexts.Text text = NotificationTexts.render(key, language, values);
        notifications.notify(username, kind, text.title(), text.body(), link, data);
    }

    private static Map<String, String> values(BusinessEvent e, String... pairs) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("actor", e.actor());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            v.put(pairs[i], pairs[i + 1]);
        }
        return v;
    }

    /** The non-null pairs as a map. */
    static Map<String, String> data(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put(pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    private static String text(Object value, String fallback) {
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }

    private static Set<String> strings(Object value) {
        Set<String> out = new LinkedHashSet<>();
        if (value instanceof Collection<?> c) {
            c.forEach(x -> {
                if (x != null) {
                    out.add(String.valueOf(x));
                }
            });
        } else if (value instanceof String s && !s.isBlank()) {
            for (String part : s.split(",")) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
