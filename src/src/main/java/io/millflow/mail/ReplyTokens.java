package io.millflow.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed, single-use reply tokens of approval mails. A token is {@code base64url(taskId|username|expiry|nonce)}
 * {@code .base64url(HMAC-SHA256(secret, same))}; the nonce is stored ({@code mail_reply_token}) and used up by the
 * first reply that is applied. Without {@code millflow.mail.reply-token.secret} no token is issued.
 */
@Component
public class ReplyTokens {

    /** Where a token stands in a subject or body: {@code [MF-<token>]} or {@code MF-<token>}. */
    static final Pattern IN_TEXT = Pattern.compile("MF-([A-Za-z0-9_-]{16,400}\\.[A-Za-z0-9_-]{43})");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final JdbcTemplate jdbc;
    private final MailProperties.ReplyToken props;
    private final Clock clock;

    ReplyTokens(JdbcTemplate jdbc, MailProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.props = props.replyToken();
        this.clock = clock;
    }

    /** The claims of a token whose signature is right. */
    public record Claims(String taskId, String username, Instant expiresAt, String nonce) {
    }

    /** Why a token is refused, or its claims. */
    public record Verdict(Claims claims, String refusal, boolean expired) {
        boolean valid() {
            return refusal == null;
        }
    }

    /** Whether tokens can be issued (a secret is configured). */
    public boolean enabled() {
        return props.secret() != null;
    }

    /** A new token for one task and approver, stored as unused; in the caller's transaction. */
    @Transactional
    public String issue(String taskId, String username) {
        if (!enabled()) {
            throw new IllegalStateException("millflow.mail.reply-token.secret is not set");
        }
        byte[] nonceBytes = new byte[16];
        RANDOM.nextBytes(nonceBytes);
        String nonce = B64.encodeToString(nonceBytes);
        Instant now = clock.instant();
        Instant expires = now.plus(props.validity());
        jdbc.update("insert into mail_reply_token (nonce, task_id, username, expires_at, created_at) values (?,?,?,?,?)",
                nonce, taskId, username, Timestamp.from(expires), Timestamp.from(now));
        String payload = taskId + "|" + username + "|" + expires.getEpochSecond() + "|" + nonce;
        String encoded = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return encoded + "." + B64.encodeToString(mac(encoded));
    }

    /** The first token in a text (subject, then body), if any. */
    static Optional<String> find(String... texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = IN_TEXT.matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Checks signature, form and expiry (not single use: see {@link #consume}). */
    public Verdict verify(String token) {
        if (!enabled()) {
            return new Verdict(null, "reply tokens are not enabled on this server", false);
        }
        int dot = token == null ? -1 : token.lastIndexOf('.');
        if (dot <= 0) {
            return new Verdict(null, "malformed token", false);
        }
        String encoded = token.substring(0, dot);
        byte[] given;
        try {
            given = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return new Verdict(null, "malformed signature", false);
        }
        if (!MessageDigest.isEqual(mac(encoded), given)) {
            return new Verdict(null, "signature does not match", false);
        }
        String[] parts;
        try {
            parts = new String(B64D.decode(encoded), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return new Verdict(null, "malformed token", false);
        }
        if (parts.length != 4) {
            return new Verdict(null, "malformed token", false);
        }
        Instant expires;
        try {
            expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return new Verdict(null, "malformed expiry", false);
        }
        Claims claims = new Claims(parts[0], parts[1], expires, parts[3]);
        if (!clock.instant().isBefore(expires)) {
            return new Verdict(claims, "the reference expired at " + expires, true);
        }
        return new Verdict(claims, null, false);
    }

    /**
     * Uses a token up for the inbound mail {@code inboundId}; true only for the first use of a stored, unexpired
     * nonce of the same task and user. In the caller's transaction: rolled back with it.
     */
    @Transactional
    public boolean consume(Claims claims, UUID inboundId) {
        return jdbc.update("update mail_reply_token set used_at = ?, used_by_inbound = ? where nonce = ? "
                + "and task_id = ? and username = ? and used_at is null", Timestamp.from(clock.instant()), inboundId,
                claims.nonce(), claims.taskId(), claims.username()) == 1;
    }

    /** Whether a nonce was issued at all (a valid signature over an unknown nonce means a lost or foreign database). */
    boolean known(Claims claims) {
        Integer n = jdbc.queryForObject("select count(*) from mail_reply_token where nonce = ?", Integer.class,
                claims.nonce());
        return n != null && n > 0;
    }

    private byte[] mac(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(props.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(encoded.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
