package io.millflow.integration.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.integration.carrier.CarrierProblems.InvalidWebhookSignature;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class CarrierWebhookVerifierTest {

    private static final String SECRET = "fedex-security-token-42";
    private static final byte[] BODY = """
            {"trackingNumber":"794953555571","scanEvent":{"eventType":"DL","date":"2026-03-05T10:12:00-06:00"}}"""
            .getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-05T16:15:00Z"));
    private final CarrierWebhookVerifier verifier = new CarrierWebhookVerifier(SECRET, clock, Duration.ofMinutes(5),
            true);

    @Test
    void aGoodSignatureWithAFreshTimestampIsAccepted() {
        String timestamp = epochSeconds(clock.instant().minusSeconds(30));

        assertThatCode(() -> verifier.verify(BODY, base64(hmac(SECRET, timestamp + "." + body())), timestamp))
                .doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(BODY, hex(hmac(SECRET, timestamp + "." + body())), timestamp))
                .as("hex works as well as Base64").doesNotThrowAnyException();
    }

    @Test
    void aBadSignatureIsRejected() {
        String timestamp = epochSeconds(clock.instant());

        assertThatThrownBy(() -> verifier.verify(BODY, base64(hmac("another-secret", timestamp + "." + body())),
                timestamp)).isInstanceOf(InvalidWebhookSignature.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> verifier.verify(BODY, "not base64 at all!", timestamp))
                .isInstanceOf(InvalidWebhookSignature.class);
        assertThatThrownBy(() -> verifier.verify(BODY, null, timestamp))
                .isInstanceOf(InvalidWebhookSignature.class).hasMessageContaining("no signature");
    }

    @Test
    void aChangedBodyOrTimestampBreaksTheSignature() {
        String timestamp = epochSeconds(clock.instant());
        String signature = base64(hmac(SECRET, timestamp + "." + body()));
        byte[] tampered = body().replace("DL", "DE").getBytes(StandardCharsets.UTF_8);
        String otherTimestamp = epochSeconds(clock.instant().minusSeconds(1));

        assertThatThrownBy(() -> verifier.verify(tampered, signature, timestamp))
                .isInstanceOf(InvalidWebhookSignature.class);
        assertThatThrownBy(() -> verifier.verify(BODY, signature, otherTimestamp))
                .isInstanceOf(InvalidWebhookSignature.class);
    }

    @Test
    void aStaleTimestampIsRejectedEvenWithAValidSignature() {
        String old = epochSeconds(clock.instant().minus(Duration.ofMinutes(6)));
        String future = epochSeconds(clock.instant().plus(Duration.ofMinutes(6)));

        assertThatThrownBy(() -> verifier.verify(BODY, base64(hmac(SECRET, old + "." + body())), old))
                .isInstanceOf(CarrierProblems.WebhookReplay.class).hasMessageContaining("too old")
                .satisfies(e -> assertThat(((CarrierProblems.WebhookReplay) e).type()).isEqualTo("webhook-replay"))
                .satisfies(e -> assertThat(((CarrierProblems.WebhookReplay) e).status().value()).isEqualTo(401));
        assertThatThrownBy(() -> verifier.verify(BODY, base64(hmac(SECRET, future + "." + body())), future))
                .isInstanceOf(InvalidWebhookSignature.class).hasMessageContaining("in the future");
        assertThatThrownBy(() -> verifier.verify(BODY, base64(hmac(SECRET, "yesterday." + body())), "yesterday"))
                .isInstanceOf(InvalidWebhookSignature.class).hasMessageContaining("epoch seconds");
    }

    @Test
    void aMissingTimestampIsRejectedWhenRequired() {
        assertThatThrownBy(() -> verifier.verify(BODY, base64(hmac(SECRET, body())), null))
                .isInstanceOf(InvalidWebhookSignature.class).hasMessageContaining("no timestamp");
    }

    @Test
    void fedExsOwnSchemeSignsTheBodyAloneWhenNoTimestampIsRequired() {
        CarrierWebhookVerifier fedex = new CarrierWebhookVerifier(SECRET, clock, Duration.ofMinutes(5), false);

        assertThatCode(() -> fedex.verify(BODY, base64(hmac(SECRET, body())), null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> fedex.verify(BODY, base64(hmac("wrong", body())), null))
                .isInstanceOf(InvalidWebhookSignature.class);
    }

    @Test
    void withoutASecretEveryCallIsRejected() {
        CarrierWebhookVerifier unconfigured = new CarrierWebhookVerifier(null, clock, Duration.ofMinutes(5), false);

        assertThatThrownBy(() -> unconfigured.verify(BODY, base64(hmac("", body())), null))
                .isInstanceOf(InvalidWebhookSignature.class).hasMessageContaining("No webhook secret");
    }

    private static String body() {
        return new String(BODY, StandardCharsets.UTF_8);
    }

    private static String epochSeconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }

    private static byte[] hmac(String key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.isEmpty() ? new byte[1] : key.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
