package io.millflow.mail;

import java.util.List;

/**
 * The port to a mail system: sends mails and reads the unread mails of the reply mailbox. Adapters: SMTP/IMAP,
 * Microsoft Graph, and "off". Selected by {@code millflow.mail.gateway}. Called by the outbox sender and the reply
 * poller only, never inside a business transaction.
 */
public interface MailGateway {

    /** {@code smtp}, {@code graph} or {@code off}. */
    String name();

    /**
     * Sends one mail.
     *
     * @throws MailDeliveryException when it was not accepted; says whether trying again may help and when
     */
    void send(MailMessage message);

    /** Up to {@code max} unread mails of the reply mailbox, oldest first; none when reading is not set up. */
    List<InboundMail> readUnread(int max);

    /** Marks a mail returned by {@link #readUnread} as read, so that it is not read again. */
    void markRead(InboundMail mail);
}
