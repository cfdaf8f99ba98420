/**
 * Mail (ADR 0026): the {@link io.millflow.mail.MailGateway} port with its SMTP/IMAP and Microsoft Graph adapters, the
 * outbox that sends mails written in business transactions, templates per kind and language, the mail channel of
 * notifications, the purchase order mail to suppliers, and approvals by mail reply.
 */
package io.millflow.mail;
