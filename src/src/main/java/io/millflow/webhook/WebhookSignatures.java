package io.millflow.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Millflow signs webhook calls, and how a receiver checks them (copy this class into a receiver if you like; it
 * needs only the JDK). The signed text is {@code <Millflow-Timestamp> + "." + <raw request body>}; the key is the
 * subscription's secret as UTF-8 bytes (the whole {@code whsec_…} string); the header is
 * {@code Millflow-Signature: v1=<lower-case hex HMAC-SHA256>}. More than one {@code v1=} value, separated by commas,
 * may appear; one matching is enough.
 */
public final class WebhookSignatures {

    /** The only signature scheme so far. */
    public static final String SCHEME = "v1";

    private WebhookSignatures() {
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}. */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The value of the {@code Millflow-Signature} header. */
    public static String header(String secret, long timestamp, byte[] body) {
        return SCHEME + "=" + sign(secret, timestamp, body);
    }

    /**
     * Checks a received call now. {@code tolerance} is how far the timestamp may be from the receiver's clock (5
     * minutes is a good choice): an older call is refused even with a right signature, so a recorded call cannot
     * be replayed later.
     */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader,
            Duration tolerance) {
        return verify(secret, timestampHeader, body, signatureHeader, tolerance, Instant.now());
    }

    /** {@link #verify(String, String, byte[], String, Duration)} against a given time. */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader,
            Duration tolerance, Instant now) {
        if (secret == null || secret.isEmpty() || timestampHeader == null || body == null || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String part : signatureHeader.split(",")) {
            String p = part.strip();
            if (p.startsWith(SCHEME + "=")) {
                byte[] given = p.substring(SCHEME.length() + 1).toLowerCase().getBytes(StandardCharsets.US_ASCII);
                match |= MessageDigest.isEqual(expected, given);
            }
        }
        return match;
    }
}
