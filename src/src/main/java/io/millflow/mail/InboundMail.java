package io.millflow.mail;

import java.time.Instant;

/**
 * A mail read from the reply mailbox.
 *
 * @param externalId the gateway's id of the message (IMAP UID, Graph message id): used to mark it read
 * @param messageId  the Internet Message-ID, or the external id when there is none; replies are logged once by it
 * @param from       the sender's address (no display name)
 * @param text       the plain text body (HTML reduced to text when there was no text part)
 */
public record InboundMail(String externalId, String messageId, String from, String subject, String text,
        Instant receivedAt) {
}
