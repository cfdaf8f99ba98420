package io.millflow.mail;

import java.util.List;

/** {@code millflow.mail.gateway=off}: nothing is sent or read; the outbox marks mails "not sent: gateway off". */
class OffMailGateway implements MailGateway {

    static final String NOT_SENT = "not sent: gateway off";

    @Override
    public String name() {
        return "off";
    }

    @Override
    public void send(MailMessage message) {
        throw MailDeliveryException.permanent(NOT_SENT, null);
    }

    @Override
    public List<InboundMail> readUnread(int max) {
        return List.of();
    }

    @Override
    public void markRead(InboundMail mail) {
        // nothing was read
    }
}
