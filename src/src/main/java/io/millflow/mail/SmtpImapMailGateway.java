package io.millflow.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP out (Spring's {@link JavaMailSenderImpl}) and IMAP in (Jakarta Mail). The sender is made here, not as a
 * bean, so that Boot's mail health check does not make the app "down" while the mail server is.
 */
class SmtpImapMailGateway implements MailGateway {

    private final MailProperties props;
    private final JavaMailSenderImpl sender;

    SmtpImapMailGateway(MailProperties props) {
        this.props = props;
        MailProperties.Smtp smtp = props.smtp();
        this.sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding("UTF-8");
        if (smtp.username() != null && !smtp.username().isBlank()) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        sender.setProtocol(smtp.ssl() ? "smtps" : "smtp");
        Properties p = sender.getJavaMailProperties();
        String prefix = "mail." + sender.getProtocol() + ".";
        String millis = Long.toString(smtp.timeout().toMillis());
        p.put(prefix + "connectiontimeout", millis);
        p.put(prefix + "timeout", millis);
        p.put(prefix + "writetimeout", millis);
        p.put(prefix + "auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        if (smtp.starttls()) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void send(MailMessage message) {
        try {
            MimeMessage mime = sender.createMimeMessage();
            boolean multipart = message.html() != null || !message.attachments().isEmpty();
            MimeMessageHelper helper = new MimeMessageHelper(mime, multipart ? MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED
                    : MimeMessageHelper.MULTIPART_MODE_NO, "UTF-8");
            helper.setFrom(props.from());
            helper.setTo(message.to().toArray(String[]::new));
            if (!message.cc().isEmpty()) {
                helper.setCc(message.cc().toArray(String[]::new));
            }
            if (message.replyTo() != null) {
                helper.setReplyTo(message.replyTo());
            }
            helper.setSubject(message.subject());
            if (message.html() != null) {
                helper.setText(message.text(), message.html());
            } else {
                helper.setText(message.text(), false);
            }
            for (MailAttachment a : message.attachments()) {
                helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
            }
            if (message.id() != null) {
                mime.setHeader("X-Millflow-Mail-Id", message.id());
            }
            sender.send(mime);
        } catch (MailAuthenticationException e) {
            throw MailDeliveryException.gatewayDown("SMTP server refused the login: " + e.getMessage(), null, e);
        } catch (MailSendException e) {
            throw translate(e);
        } catch (MailException e) {
            throw MailDeliveryException.gatewayDown("SMTP server not reachable: " + e.getMessage(), null, e);
        } catch (MessagingException e) {
            throw MailDeliveryException.permanent("The mail could not be built: " + e.getMessage(), e);
        }
    }

    private static MailDeliveryException translate(MailSendException e) {
        for (Exception failed : e.getFailedMessages().values()) {
            if (failed instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return MailDeliveryException.permanent("SMTP server refused the address(es) "
                        + Arrays.toString(refused.getInvalidAddresses()) + ": " + refused.getMessage(), e);
            }
            if (failed instanceof AuthenticationFailedException) {
                return MailDeliveryException.gatewayDown("SMTP server refused the login: " + failed.getMessage(),
                        null, e);
            }
        }
        // connection refused, timeouts, 4xx replies: the server or the network, not this mail
        return MailDeliveryException.gatewayDown("SMTP send failed: " + e.getMessage(), null, e);
    }

    @Override
    public List<InboundMail> readUnread(int max) {
        if (!props.imap().enabled()) {
            return List.of();
        }
        try (Store store = connect(); Folder folder = open(store, Folder.READ_ONLY)) {
            UIDFolder uids = (UIDFolder) folder;
            Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            List<InboundMail> mails = new ArrayList<>();
            for (Message m : unseen) {
                if (mails.size() >= max) {
                    break;
                }
                mails.add(read((MimeMessage) m, uids.getUID(m)));
            }
            mails.sort(Comparator.comparing(InboundMail::receivedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
            return mails;
        } catch (MessagingException | IOException e) {
            throw MailDeliveryException.gatewayDown("IMAP reading failed: " + e.getMessage(), null, e);
        }
    }

    @Override
    public void markRead(InboundMail mail) {
        if (!props.imap().enabled()) {
            return;
        }
        try (Store store = connect(); Folder folder = open(store, Folder.READ_WRITE)) {
            Message m = ((UIDFolder) folder).getMessageByUID(Long.parseLong(mail.externalId()));
            if (m != null) {
                m.setFlag(Flags.Flag.SEEN, true);
            }
        } catch (MessagingException e) {
            throw MailDeliveryException.gatewayDown("IMAP marking failed: " + e.getMessage(), null, e);
        }
    }

    private Store connect() throws MessagingException {
        MailProperties.Imap imap = props.imap();
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties p = new Properties();
        String millis = Long.toString(props.smtp().timeout().toMillis());
        p.put("mail." + protocol + ".connectiontimeout", millis);
        p.put("mail." + protocol + ".timeout", millis);
        // read bodies with BODY.PEEK: a mail becomes read only when markRead says so
        p.put("mail." + protocol + ".peek", "true");
        Store store = Session.getInstance(p).getStore(protocol);
        store.connect(imap.host(), imap.port(), imap.username(), imap.password());
        return store;
    }

    private Folder open(Store store, int mode) throws MessagingException {
        Folder folder = store.getFolder(props.imap().folder());
        folder.open(mode);
        return folder;
    }

    private static InboundMail read(MimeMessage m, long uid) throws MessagingException, IOException {
        Address[] from = m.getFrom();
        String address = from == null || from.length == 0 ? null
                : from[0] instanceof InternetAddress ia ? ia.getAddress() : from[0].toString();
        String messageId = m.getMessageID() == null ? "uid:" + uid : m.getMessageID();
        Instant received = m.getReceivedDate() != null ? m.getReceivedDate().toInstant()
                : m.getSentDate() == null ? null : m.getSentDate().toInstant();
        return new InboundMail(Long.toString(uid), messageId, address, m.getSubject(), text(m), received);
    }

    /** The first text/plain part; else the first text/html part reduced to text. */
    static String text(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null ? "" : HtmlText.toText(html);
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            Object content = part.getContent();
            return content instanceof String s ? s : null;
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
