package io.millflow.mail;

import io.millflow.notification.Notification;
import io.millflow.notification.NotificationChannel;
import io.millflow.security.AppUser;
import io.millflow.security.UserAccounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The mail channel of notifications: renders the user's template (their language) and writes the mail into the
 * outbox, in the caller's transaction; no network here. Approval mails carry a signed single-use reply token when
 * {@code millflow.mail.reply-token.secret} is set (otherwise they go as "task assigned" mails, without reply
 * instructions). Users without an e-mail address get nothing (counted in {@link #skippedWithoutAddress()}).
 * Kinds without a template of their own use the GENERIC template.
 */
@Component
public class MailNotificationChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(MailNotificationChannel.class);

    private final UserAccounts users;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final ReplyTokens tokens;
    private final String publicUrl;
    private final String replyMailbox;
    private final AtomicLong skipped = new AtomicLong();

    MailNotificationChannel(UserAccounts users, MailTemplates templates, MailOutbox outbox, ReplyTokens tokens,
            MailProperties props, @Value("${millflow.public-url:http://localhost:8080}") String publicUrl) {
        this.replyMailbox = props.replyTo();
        this.users = users;
        this.templates = templates;
        this.outbox = outbox;
        this.tokens = tokens;
        this.publicUrl = publicUrl;
    }

    @Override
    public void sendNow(Notification n) {
        Optional<AppUser> user = addressable(n.username());
        if (user.isEmpty()) {
            return;
        }
        AppUser u = user.get();
        Map<String, String> data = n.data() == null ? Map.of() : n.data();
        String taskId = data.get("taskId");
        String link = Links.absolute(publicUrl, n.link() != null ? n.link()
                : taskId != null ? "/inbox?task=" + taskId : "/");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recipientName", u.getDisplayName());
        values.put("link", link);
        values.put("title", nullToEmpty(n.title()));
        values.put("body", nullToEmpty(n.body()));
        MailTemplateKind kind = switch (n.kind().name()) {
            case "APPROVAL_NEEDED" -> taskId != null && tokens.enabled() ? MailTemplateKind.APPROVAL_NEEDED
                    : MailTemplateKind.TASK_ASSIGNED;
            case "TASK_ASSIGNED" -> MailTemplateKind.TASK_ASSIGNED;
            case "TASK_OVERDUE" -> MailTemplateKind.TASK_OVERDUE;
            default -> MailTemplateKind.GENERIC;
        };
        if (kind == MailTemplateKind.APPROVAL_NEEDED) {
            values.put("taskName", data.getOrDefault("name", nullToEmpty(n.title())));
            values.put("businessKey", data.getOrDefault("businessKey", ""));
            values.put("dueDate", data.getOrDefault("dueDate", "-"));
            values.put("replyToken", tokens.issue(taskId, u.getUsername()));
        }
        RenderedMail content = templates.render(kind, u.getLanguage(), values, Map.of());
        String replyTo = kind == MailTemplateKind.APPROVAL_NEEDED ? replyMailbox : null;
        outbox.enqueue(new OutgoingMail(n.kind().name(), u.getLanguage(), u.getUsername(), List.of(u.getEmail()),
                List.of(), replyTo, content, taskId != null ? "Task" : "Notification",
                taskId != null ? taskId : n.id() == null ? null : n.id().toString(), List.of()), "system");
    }

    @Override
    public void sendDigest(String username, List<Notification> items) {
        if (items == null || items.isEmpty()) {
            return;
        }
        Optional<AppUser> user = addressable(username);
        if (user.isEmpty()) {
            return;
        }
        AppUser u = user.get();
        List<String[]> entries = new ArrayList<>();
        for (Notification n : items) {
            String title = nullToEmpty(n.title());
            if (n.body() != null && !n.body().isBlank()) {
                title = title + ": " + n.body();
            }
            entries.add(new String[] {title, n.link()});
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("recipientName", u.getDisplayName());
        values.put("count", Integer.toString(items.size()));
        values.put("items", DigestItems.text(entries, publicUrl));
        values.put("link", Links.absolute(publicUrl, "/"));
        RenderedMail content = templates.render(MailTemplateKind.DIGEST, u.getLanguage(), values,
                Map.of("items", DigestItems.html(entries, publicUrl)));
        outbox.enqueue(new OutgoingMail(MailTemplateKind.DIGEST.name(), u.getLanguage(), u.getUsername(),
                List.of(u.getEmail()), List.of(), null, content, "Digest", username, List.of()), "system");
    }

    /** Notifications not mailed because the user has no e-mail address (since start). */
    public long skippedWithoutAddress() {
        return skipped.get();
    }

    private Optional<AppUser> addressable(String username) {
        Optional<AppUser> user = users.find(username).filter(AppUser::isEnabled);
        if (user.isEmpty() || user.get().getEmail() == null || user.get().getEmail().isBlank()) {
            skipped.incrementAndGet();
            log.info("No mail to {}: unknown, disabled or without an e-mail address", username);
            return Optional.empty();
        }
        return user;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
