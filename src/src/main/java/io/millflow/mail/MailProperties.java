package io.millflow.mail;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mail settings ({@code millflow.mail.*}); see docs/production.md, section "Mail".
 *
 * @param gateway     {@code off} (the default: mails are kept in the outbox, marked "not sent: gateway off"),
 *                    {@code smtp} (SMTP out, IMAP in) or {@code graph} (Microsoft Graph)
 * @param from        sender address of SMTP mails (Graph sends as {@code graph.sender})
 * @param replyTo     the reply mailbox: Reply-To of approval mails, so that answers reach the poller; null when
 *                    {@code from} is that mailbox
 * @param companyName the firm's name in supplier mails and the purchase order PDF
 * @param smtp        SMTP server
 * @param imap        IMAP reply mailbox
 * @param graph       Microsoft Graph (Exchange Online)
 * @param outbox      the outbox sender
 * @param inbound     the reply poller
 * @param replyToken  signed reply tokens of approval mails
 */
@ConfigurationProperties("millflow.mail")
public record MailProperties(String gateway, String from, String replyTo, String companyName, Smtp smtp, Imap imap,
        Graph graph, Outbox outbox, Inbound inbound, ReplyToken replyToken) {

    public MailProperties {
        gateway = gateway == null || gateway.isBlank() ? "off" : gateway.trim().toLowerCase(Locale.ROOT);
        if (!gateway.equals("off") && !gateway.equals("smtp") && !gateway.equals("graph")) {
            throw new IllegalArgumentException("millflow.mail.gateway must be off, smtp or graph, not " + gateway);
        }
        from = from == null || from.isBlank() ? "millflow@localhost" : from;
        replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo;
        companyName = companyName == null || companyName.isBlank() ? "Millflow" : companyName;
        smtp = smtp == null ? new Smtp(null, null, null, null, null, null, null) : smtp;
        imap = imap == null ? new Imap(null, null, null, null, null, null, null) : imap;
        graph = graph == null ? new Graph(null, null, null, null, null, null, null, null, null, null, null, null,
                null) : graph;
        outbox = outbox == null ? new Outbox(null, null, null, null, null, null) : outbox;
        inbound = inbound == null ? new Inbound(null, null) : inbound;
        replyToken = replyToken == null ? new ReplyToken(null, null) : replyToken;
    }

    /**
     * @param host     SMTP host
     * @param port     25, 587 (STARTTLS) or 465 (TLS)
     * @param username login, or empty for none
     * @param password its password
     * @param starttls whether STARTTLS is required
     * @param ssl      whether the connection is TLS from the start (port 465)
     * @param timeout  connect, read and write timeout
     */
    public record Smtp(String host, Integer port, String username, String password, Boolean starttls, Boolean ssl,
            Duration timeout) {
        public Smtp {
            host = host == null || host.isBlank() ? "localhost" : host;
            port = port == null ? 25 : port;
            starttls = starttls != null && starttls;
            ssl = ssl != null && ssl;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * @param enabled  whether replies are read by IMAP (with {@code gateway: smtp})
     * @param host     IMAP host
     * @param port     143 or 993 (TLS)
     * @param username the reply mailbox's login
     * @param password its password
     * @param ssl      whether the connection is TLS from the start (993)
     * @param folder   the folder read, {@code INBOX}
     */
    public record Imap(Boolean enabled, String host, Integer port, String username, String password, Boolean ssl,
            String folder) {
        public Imap {
            enabled = enabled != null && enabled;
            host = host == null || host.isBlank() ? "localhost" : host;
            port = port == null ? 143 : port;
            ssl = ssl != null && ssl;
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        }
    }

    /**
     * Microsoft Graph with an app registration (client credentials). Permissions: {@code Mail.Send} (sending as
     * {@code sender}) and {@code Mail.ReadWrite} (reading and marking the reply mailbox), ideally limited to those
     * mailboxes with an application access policy.
     *
     * @param tenant           directory (tenant) id
     * @param clientId         application (client) id
     * @param clientSecret     client secret
     * @param sender           mailbox the mails are sent from ({@code /users/{sender}/sendMail})
     * @param mailbox          shared mailbox replies arrive in; null or empty = no reading
     * @param authorityUrl     {@code https://login.microsoftonline.com} (tests point it to a stand-in)
     * @param graphUrl         {@code https://graph.microsoft.com}
     * @param connectTimeout   longest wait for a connection
     * @param readTimeout      longest wait for an answer
     * @param maxAttempts      attempts of one call in all on 429 and 5xx
     * @param initialBackoff   pause before the first retry of a 5xx; doubles each time
     * @param maxRetryAfter    longest {@code Retry-After} waited for inside a call; a longer one reschedules the mail
     * @param tokenFailurePause after a refused token request, how long no new token is asked for
     */
    public record Graph(String tenant, String clientId, String clientSecret, String sender, String mailbox,
            URI authorityUrl, URI graphUrl, Duration connectTimeout, Duration readTimeout, Integer maxAttempts,
            Duration initialBackoff, Duration maxRetryAfter, Duration tokenFailurePause) {
        public Graph {
            authorityUrl = authorityUrl == null ? URI.create("https://login.microsoftonline.com") : authorityUrl;
            graphUrl = graphUrl == null ? URI.create("https://graph.microsoft.com") : graphUrl;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
            maxAttempts = maxAttempts == null ? 3 : Math.max(1, maxAttempts);
            initialBackoff = initialBackoff == null ? Duration.ofMillis(500) : initialBackoff;
            maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(30) : maxRetryAfter;
            tokenFailurePause = tokenFailurePause == null ? Duration.ofMinutes(5) : tokenFailurePause;
        }
    }

    /**
     * @param enabled        whether this node runs the sender ({@code @Scheduled}); rows are claimed with
     *                       {@code for update skip locked}, so every node may
     * @param pollInterval   pause between runs
     * @param batchSize      mails claimed per run
     * @param maxAttempts    attempts per mail before it is given up (FAILED, listed for ADMIN)
     * @param initialBackoff wait after the first failed attempt; doubles with each further one
     * @param maxBackoff     longest wait between attempts
     */
    public record Outbox(Boolean enabled, Duration pollInterval, Integer batchSize, Integer maxAttempts,
            Duration initialBackoff, Duration maxBackoff) {
        public Outbox {
            enabled = enabled == null || enabled;
            pollInterval = pollInterval == null ? Duration.ofSeconds(15) : pollInterval;
            batchSize = batchSize == null ? 20 : Math.max(1, batchSize);
            maxAttempts = maxAttempts == null ? 8 : Math.max(1, maxAttempts);
            initialBackoff = initialBackoff == null ? Duration.ofMinutes(1) : initialBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofHours(6) : maxBackoff;
        }

        /** The wait after failed attempt number {@code attempt} (1 for the first). */
        Duration backoff(int attempt) {
            long millis = initialBackoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
            return Duration.ofMillis(Math.min(millis < 0 ? Long.MAX_VALUE : millis, maxBackoff.toMillis()));
        }
    }

    /**
     * @param enabled      whether replies to approval mails are read (needs a reply mailbox and a token secret)
     * @param pollInterval pause between reads of the mailbox
     */
    public record Inbound(Boolean enabled, Duration pollInterval) {
        public Inbound {
            enabled = enabled != null && enabled;
            pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        }
    }

    /**
     * @param secret   the HMAC-SHA256 key of reply tokens (at least 32 characters); without it approval mails carry
     *                 no reply token and cannot be answered by mail
     * @param validity how long a reply token is accepted
     */
    public record ReplyToken(String secret, Duration validity) {
        public ReplyToken {
            secret = secret == null || secret.isBlank() ? null : secret;
            if (secret != null && secret.length() < 32) {
                throw new IllegalArgumentException("millflow.mail.reply-token.secret needs at least 32 characters");
            }
            validity = validity == null ? Duration.ofDays(7) : validity;
        }
    }
}
