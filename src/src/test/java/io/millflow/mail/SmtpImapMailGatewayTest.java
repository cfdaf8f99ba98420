package io.millflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP/IMAP adapter against GreenMail on free loopback ports. */
class SmtpImapMailGatewayTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    private SmtpImapMailGateway gateway(boolean imap) {
        greenMail.setUser("replies@millflow.test", "replies", "secret-1");
        return new SmtpImapMailGateway(new MailProperties("smtp", "millflow@millflow.test", null, null,
                new MailProperties.Smtp("127.0.0.1", greenMail.getSmtp().getPort(), null, null, false, false,
                        Duration.ofSeconds(5)),
                new MailProperties.Imap(imap, "127.0.0.1", greenMail.getImap().getPort(), "replies", "secret-1",
                        false, null), null, null, null, null));
    }

    @Test
    void sendsTextHtmlAndAttachmentToAllRecipients() throws Exception {
        byte[] pdf = "%PDF-1.4 minimal".getBytes(StandardCharsets.UTF_8);
        gateway(false).send(new MailMessage("m-1", List.of("anna@acme.example"), List.of("buyer@millflow.test"), "buyer@millflow.test",
                "Bestellung PO-7 – Überblick", "Plain text", "<p>HTML <b>part</b></p>",
                List.of(new MailAttachment("PO-7.pdf", "application/pdf", pdf))));

        assertThat(greenMail.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Bestellung PO-7 – Überblick");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo("millflow@millflow.test");
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("anna@acme.example");
        assertThat(received.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("buyer@millflow.test");
        assertThat(received.getHeader("X-Millflow-Mail-Id")[0]).isEqualTo("m-1");
        assertThat(received.getReplyTo()[0].toString()).isEqualTo("buyer@millflow.test");
        assertThat(SmtpImapMailGateway.text(received)).contains("Plain text");
        String body = GreenMailUtil.getBody(received);
        assertThat(body).contains("<p>HTML <b>part</b></p>");
        Part attachment = attachment((Multipart) received.getContent());
        assertThat(attachment).isNotNull();
        assertThat(attachment.getFileName()).isEqualTo("PO-7.pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
    }

    @Test
    void readsUnreadRepliesWithoutMarkingThemUntilToldTo() throws Exception {
        SmtpImapMailGateway gateway = gateway(true);
        deliver("manager@millflow.test", "Re: Approval needed [MF-x]", "APPROVE\r\nok for me\r\n\r\n> quoted");
        deliver("other@millflow.test", "Re: something", "REJECT");

        List<InboundMail> first = gateway.readUnread(10);
        List<InboundMail> again = gateway.readUnread(10);

        assertThat(first).hasSize(2);
        assertThat(again).hasSize(2);
        InboundMail approve = first.stream().filter(m -> m.from().equals("manager@millflow.test")).findFirst()
                .orElseThrow();
        assertThat(approve.subject()).isEqualTo("Re: Approval needed [MF-x]");
        assertThat(approve.text()).startsWith("APPROVE");
        assertThat(approve.messageId()).isNotBlank();

        gateway.markRead(approve);

        assertThat(gateway.readUnread(10)).extracting(InboundMail::from).containsExactly("other@millflow.test");
        assertThat(gateway.readUnread(1)).hasSize(1);
    }

    @Test
    void anUnreachableServerMeansTheGatewayIsDown() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SmtpImapMailGateway gateway = new SmtpImapMailGateway(new MailProperties("smtp", null, null, null,
                new MailProperties.Smtp("127.0.0.1", closed, null, null, false, false, Duration.ofSeconds(2)), null,
                null, null, null, null));

        MailDeliveryException e = catchThrowableOfType(MailDeliveryException.class, () -> gateway.send(
                new MailMessage("m", List.of("a@b.example"), null, null, "s", "t", null, null)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.gatewayDown()).isTrue();
    }

    private void deliver(String from, String subject, String text) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, "replies@millflow.test");
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        jakarta.mail.Transport.send(m);
    }

    private static Part attachment(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
            if (part.getContent() instanceof Multipart nested) {
                Part found = attachment(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
