package io.millflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

    private static final String SECRET = "whsec_test";
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void signatureIsTheHexHmacOfTimestampDotBodyAsPythonComputesIt() {
        // python3: hmac.new(b"whsec_test", b"1700000000." + b'{"a":1}', hashlib.sha256).hexdigest()
        assertThat(WebhookSignatures.header(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
    }

    @Test
    void aRightSignatureWithinTheToleranceVerifies() {
        String header = WebhookSignatures.header(SECRET, AT.getEpochSecond(), BODY);
        assertThat(WebhookSignatures.verify(SECRET, "1700000000", BODY, header, FIVE_MINUTES, AT.plusSeconds(299)))
                .isTrue();
        assertThat(WebhookSignatures.verify(SECRET, "1700000000", BODY, header.toUpperCase().replace("V1", "v1"),
                FIVE_MINUTES, AT)).isTrue();
        assertThat(WebhookSignatures.verify(SECRET, "1700000000", BODY, "v1=00ff, " + header, FIVE_MINUTES, AT))
                .as("one of several v1 values matching is enough").isTrue();
    }

    @Test
    void tamperedBodyWrongSecretOldTimestampOrGarbageAreRefused() {
        String header = WebhookSignatures.header(SECRET, AT.getEpochSecond(), BODY);
        byte[] tampered = "{\"a\":2}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.verify(SECRET, "1700000000", tampered, header, FIVE_MINUTES, AT)).isFalse();
        assertThat(WebhookSignatures.verify("whsec_other", "1700000000", BODY, header, FIVE_MINUTES, AT)).isFalse();
        assertThat(WebhookSignatures.verify(SECRET, "1700000000", BODY, header, FIVE_MINUTES, AT.plusSeconds(301)))
                .as("replayed after the tolerance").isFalse();
        assertThat(WebhookSignatures.verify(SECRET, "1700000001", BODY, header, FIVE_MINUTES, AT))
                .as("timestamp is part of the signed text").isFalse();
        assertThat(WebhookSignatures.verify(SECRET, "soon", BODY, header, FIVE_MINUTES, AT)).isFalse();
        assertThat(WebhookSignatures.verify(SECRET, "1700000000", BODY, "v2=" + header.substring(3), FIVE_MINUTES,
                AT)).isFalse();
        assertThat(WebhookSignatures.verify(SECRET, null, BODY, header, FIVE_MINUTES, AT)).isFalse();
        assertThat(WebhookSignatures.verify(SECRET, "1700000000", BODY, null, FIVE_MINUTES, AT)).isFalse();
        assertThat(WebhookSignatures.verify("", "1700000000", BODY, header, FIVE_MINUTES, AT)).isFalse();
    }
}
