package io.millflow.pms;

import io.millflow.audit.AuditService;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on tasks. Who may change the task may comment; who may read it reads the comments. {@code @username} of a
 * known user in the body is recorded as a mention (unknown names stay plain text).
 */
@Service
public class TaskComments {

    static final String ENTITY = "TaskComment";
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})");

    private final TaskCommentRepository comments;
    private final ProjectAccess access;
    private final ProjectEvents events;
    private final UserAccounts users;
    private final AuditService audit;
    private final Clock clock;

    TaskComments(TaskCommentRepository comments, ProjectAccess access, ProjectEvents events, UserAccounts users,
            AuditService audit, Clock clock) {
        this.comments = comments;
        this.access = access;
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(Departments.INTERNAL)
    public CommentView add(UUID taskId, String body) {
        UUID projectId = access.writeTask(taskId);
        String text = Departments.required("body", body, 8000);
        Set<String> mentions = mentions(text);
        String actor = CurrentUser.get().username();
        TaskComment c = comments.saveAndFlush(new TaskComment(taskId, actor, text, mentions, clock.instant()));
        CommentView view = view(c);
        audit.record(actor, "COMMENT_ADDED", ENTITY, c.getId().toString(), null,
                Map.of("taskId", taskId, "body", text, "mentions", mentions));
        events.changed(projectId, ProjectEvents.COMMENT, taskId, actor);
        return view;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Departments.INTERNAL)
    public List<CommentView> list(UUID taskId) {
        access.readTask(taskId);
        return comments.findByTaskIdOrderByCreatedAt(taskId).stream().map(TaskComments::view).toList();
    }

    /** The known users a text mentions with {@code @username}. */
    Set<String> mentions(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("[.]+$", "");
            if (users.exists(name)) {
                found.add(name);
            }
        }
        return found;
    }

    static CommentView view(TaskComment c) {
        return new CommentView(c.getId(), c.getTaskId(), c.getAuthor(), c.getBody(), c.getCreatedAt(),
                java.util.Collections.unmodifiableSortedSet(new TreeSet<>(c.getMentions())));
    }
}
