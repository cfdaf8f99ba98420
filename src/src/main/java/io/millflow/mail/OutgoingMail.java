package io.millflow.mail;

import java.util.List;

/**
 * A mail to put into the outbox.
 *
 * @param kind              what it is (a template kind, or a notification kind)
 * @param recipientUsername the user it is for, or null (a supplier)
 * @param replyTo           where answers should go, or null
 * @param referenceType     what it is about, e.g. {@code PurchaseOrder}, {@code Task}
 */
public record OutgoingMail(String kind, String language, String recipientUsername, List<String> to, List<String> cc,
        String replyTo, RenderedMail content, String referenceType, String referenceId,
        List<MailAttachment> attachments) {

    public OutgoingMail {
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
