package io.millflow.mail;

import java.util.List;

/**
 * A mail to send. {@code html} may be null (text only); the text part is always there.
 *
 * @param id      an id that stays the same over retries (the outbox row), sent as header X-Millflow-Mail-Id
 * @param replyTo where answers should go (the reply mailbox of approvals, the buyer of an order), or null
 */
public record MailMessage(String id, List<String> to, List<String> cc, String replyTo, String subject, String text,
        String html, List<MailAttachment> attachments) {

    public MailMessage {
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("A mail needs at least one recipient");
        }
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
    }
}
