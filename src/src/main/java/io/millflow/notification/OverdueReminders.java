package io.millflow.notification;

import io.millflow.notification.NotificationTexts.Key;
import io.millflow.pms.OverdueTasks;
import io.millflow.security.AppUser;
import io.millflow.security.UserAccounts;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TASK_OVERDUE reminders: project tasks past their due date and not done (to the assignee) and open inbox tasks
 * past their due time (to the assignee, or to the candidate users and groups' enabled users). At most one reminder
 * per task, person and day: a row in {@code notification_reminder} (primary key task, person, day) is inserted
 * before notifying, so a second run, on this node or another, finds it and skips.
 */
@Service
public class OverdueReminders {

    static final int LIMIT = 2000;

    private final OverdueTasks projectTasks;
    private final TaskService inboxTasks;
    private final Notifications notifications;
    private final UserAccounts users;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    OverdueReminders(OverdueTasks projectTasks, TaskService inboxTasks, Notifications notifications,
            UserAccounts users, JdbcTemplate jdbc, Clock clock) {
        this.projectTasks = projectTasks;
        this.inboxTasks = inboxTasks;
        this.notifications = notifications;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public int runNow() {
        return run(clock.instant());
    }

    /** Sends the reminders due at {@code now}; answers how many notifications were sent. */
    @Transactional
    public int run(Instant now) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int sent = 0;
        for (OverdueTasks.OverdueTask t : projectTasks.dueBefore(today, LIMIT)) {
            if (remind("pms:" + t.taskId(), t.assignee(), today, Key.PMS_TASK_OVERDUE,
                    Map.of("task", t.name(), "key", t.key(), "project", t.projectCode(), "due", t.dueDate().toString()),
                    "/project/" + t.projectId(), NotificationProducers.data("taskId", t.taskId().toString(),
                            "projectId", t.projectId().toString(), "projectCode", t.projectCode(), "dueDate",
                            t.dueDate().toString()))) {
                sent++;
            }
        }
        for (Task t : inboxTasks.createTaskQuery().active().dueBefore(java.util.Date.from(now))
                .orderByDueDate().asc().listPage(0, LIMIT)) {
            String due = LocalDate.ofInstant(t.getDueDate().toInstant(), zone).toString();
            for (String person : recipients(t)) {
                if (remind("process:" + t.getId(), person, today, Key.PROCESS_TASK_OVERDUE,
                        Map.of("task", t.getName() == null ? t.getTaskDefinitionKey() : t.getName(), "due", due),
                        "/inbox?task=" + t.getId(), NotificationProducers.data("taskId", t.getId(),
                                "processInstanceId", t.getProcessInstanceId(), "dueDate", due))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private Set<String> recipients(Task t) {
        Set<String> out = new LinkedHashSet<>();
        if (t.getAssignee() != null) {
            out.add(t.getAssignee());
            return out;
        }
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : inboxTasks.getIdentityLinksForTask(t.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
                if (link.getUserId() != null) {
                    out.add(link.getUserId());
                }
                if (link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
        }
        users.enabledWithAnyRole(groups).stream().map(AppUser::getUsername).forEach(out::add);
        return out;
    }

    private boolean remind(String taskRef, String username, LocalDate today, Key key, Map<String, String> values,
            String link, Map<String, String> data) {
        int inserted = jdbc.update("insert into notification_reminder (task_ref, username, day) values (?, ?, ?) "
                + "on conflict do nothing", taskRef, username, Date.valueOf(today));
        if (inserted == 0) {
            return false;
        }
        String language = users.find(username).map(AppUser::getLanguage).orElse("en");
        NotificationTexts.Text text = NotificationTexts.render(key, language, values);
        return notifications.notify(username, NotificationKind.TASK_OVERDUE, text.title(), text.body(), link, data)
                .isPresent();
    }
}
