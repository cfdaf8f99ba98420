package io.millflow.mail;

import java.time.Instant;
import java.util.List;

/** An outbox row as ADMIN sees it (without bodies and attachment contents). */
public record OutboxMailView(String id, String kind, String language, String recipientUsername, List<String> to,
        List<String> cc, String subject, String referenceType, String referenceId, String status, int attempts,
        int maxAttempts, Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant createdAt,
        Instant sentAt, List<String> attachments) {
}
