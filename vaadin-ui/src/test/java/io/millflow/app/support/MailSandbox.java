package io.millflow.app.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * GreenMail (SMTP and IMAP on free loopback ports), one per JVM like the app context: the app sends through its
 * SMTP and reads replies from the {@link #REPLY_MAILBOX} by IMAP (gateway {@code smtp}, replies on). Tests find the
 * mails they caused by recipient and subject (all test classes share it).
 */
public final class MailSandbox implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String REPLY_MAILBOX = "approvals@millflow.test";
    /** The reply-token secret of the test app. */
    public static final String TOKEN_SECRET = "test-reply-token-secret-0123456789abcdef";
    public static final String PUBLIC_URL = "https://millflow.test";

    private static final GreenMail SERVER = start();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "millflow.public-url=" + PUBLIC_URL,
                "millflow.mail.gateway=smtp",
                "millflow.mail.from=millflow@millflow.test",
                "millflow.mail.reply-to=" + REPLY_MAILBOX,
                "millflow.mail.smtp.host=127.0.0.1",
                "millflow.mail.smtp.port=" + SERVER.getSmtp().getPort(),
                "millflow.mail.imap.enabled=true",
                "millflow.mail.imap.host=127.0.0.1",
                "millflow.mail.imap.port=" + SERVER.getImap().getPort(),
                "millflow.mail.imap.ssl=false",
                "millflow.mail.imap.username=approvals",
                "millflow.mail.imap.password=approvals-secret",
                "millflow.mail.inbound.enabled=true",
                "millflow.mail.inbound.poll-interval=5s",
                "millflow.mail.outbox.poll-interval=5s",
                "millflow.mail.outbox.initial-backoff=1s",
                "millflow.mail.reply-token.secret=" + TOKEN_SECRET).applyTo(context);
    }

    public static GreenMail server() {
        return SERVER;
    }

    /** Mails received for {@code to} whose subject contains {@code text}. */
    public static List<MimeMessage> received(String to, String text) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage m : SERVER.getReceivedMessages()) {
                boolean addressed = false;
                for (var r : m.getAllRecipients()) {
                    addressed |= r.toString().equalsIgnoreCase(to);
                }
                if (addressed && m.getSubject() != null && m.getSubject().contains(text)) {
                    found.add(m);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** The text/plain part of a mail (decoded). */
    public static String text(jakarta.mail.Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = text(multipart.getBodyPart(i));
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a plain-text mail to the reply mailbox, as a mail client would. */
    public static void reply(String from, String subject, String text) {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(SERVER.getSmtp().getPort()));
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(p));
            m.setFrom(from);
            m.setRecipients(Message.RecipientType.TO, REPLY_MAILBOX);
            m.setSubject(subject, "UTF-8");
            m.setText(text, "UTF-8");
            Transport.send(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        server.start();
        server.setUser(REPLY_MAILBOX, "approvals", "approvals-secret");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mail-sandbox-stop"));
        return server;
    }

    /**
     * Sends everything due in the outbox (the scheduler is off in tests, like the other background senders, so that
     * no test sees another's mails being sent and audited meanwhile); batch after batch until nothing is claimed.
     */
    public static void drain(io.millflow.mail.MailOutbox outbox) {
        for (int i = 0; i < 500; i++) {
            io.millflow.mail.MailOutbox.SendReport r = outbox.sendDue();
            if (r.sent() + r.retryLater() + r.failed() + r.putBack() == 0) {
                return;
            }
        }
    }
}
