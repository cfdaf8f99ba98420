package io.millflow.mail;

import java.time.Instant;
import java.util.List;

/** A stored template with the placeholders its kind may use. */
public record MailTemplateView(String kind, String language, String subject, String text, String html,
        List<String> placeholders, long version, String updatedBy, Instant updatedAt) {
}
