package io.millflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Signature, form and expiry of reply tokens (single use is checked against the database in the app test). */
class ReplyTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final Instant start = Instant.parse("2026-11-26T08:00:00Z");

    private ReplyTokens tokens(String secret, Instant now) {
        return new ReplyTokens(jdbc, props(secret), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static MailProperties props(String secret) {
        return new MailProperties(null, null, null, null, null, null, null, null, null,
                new MailProperties.ReplyToken(secret, Duration.ofDays(7)));
    }

    @Test
    void aFreshTokenVerifiesWithItsClaimsAndItsNonceIsStored() {
        String token = tokens(SECRET, start).issue("task-1", "manager");

        ReplyTokens.Verdict verdict = tokens(SECRET, start.plus(Duration.ofDays(6))).verify(token);

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.claims().taskId()).isEqualTo("task-1");
        assertThat(verdict.claims().username()).isEqualTo("manager");
        assertThat(verdict.claims().expiresAt()).isEqualTo(start.plus(Duration.ofDays(7)));
        verify(jdbc).update(anyString(), eq(verdict.claims().nonce()), eq("task-1"), eq("manager"), any(), any());
        assertThat(ReplyTokens.find("Re: Approval [MF-" + token + "]")).contains(token);
        assertThat(ReplyTokens.find(null, "quoted\n> Reference MF-" + token + " end")).contains(token);
    }

    @Test
    void anExpiredTokenIsRefusedButKeepsItsClaims() {
        String token = tokens(SECRET, start).issue("task-1", "manager");

        ReplyTokens.Verdict verdict = tokens(SECRET, start.plus(Duration.ofDays(7))).verify(token);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.expired()).isTrue();
        assertThat(verdict.claims().taskId()).isEqualTo("task-1");
    }

    @Test
    void changedClaimsOrAnotherSecretBreakTheSignature() {
        String token = tokens(SECRET, start).issue("task-1", "manager");
        String payload = token.substring(0, token.indexOf('.'));
        String claims = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String otherTask = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("task-1", "task-2").getBytes(StandardCharsets.UTF_8)) + token.substring(token.indexOf('.'));

        ReplyTokens.Verdict forged = tokens(SECRET, start).verify(otherTask);
        ReplyTokens.Verdict foreignKey = tokens(SECRET.replace('0', '1'), start).verify(token);

        assertThat(forged.valid()).isFalse();
        assertThat(forged.claims()).isNull();
        assertThat(forged.refusal()).contains("signature");
        assertThat(foreignKey.valid()).isFalse();
        assertThat(foreignKey.claims()).isNull();
        assertThat(tokens(SECRET, start).verify("garbage").valid()).isFalse();
        assertThat(tokens(SECRET, start).verify(payload + ".!!!").valid()).isFalse();
    }

    @Test
    void withoutASecretNoTokenIsAccepted() {
        assertThat(tokens(null, start).enabled()).isFalse();
        assertThat(tokens(null, start).verify("a.b").valid()).isFalse();
    }
}
