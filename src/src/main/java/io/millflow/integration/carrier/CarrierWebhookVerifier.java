package io.millflow.integration.carrier;

import io.millflow.integration.carrier.CarrierProblems.InvalidWebhookSignature;
import io.millflow.integration.carrier.CarrierProblems.WebhookReplay;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;

/**
 * Checks that a carrier's webhook call is genuine: an HMAC-SHA256, keyed with the shared secret, over the raw
 * request body as received (not re-serialized JSON). With a timestamp the signed text is
 * {@code timestamp + "." + body} and a timestamp further than {@code maxAge} from now is refused, so that a
 * recorded call cannot be replayed later. Signatures are compared in constant time. Fails closed: without a
 * secret every call is refused.
 */
public class CarrierWebhookVerifier {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final Clock clock;
    private final Duration maxAge;
    private final boolean requireTimestamp;

    public CarrierWebhookVerifier(String secret, Clock clock, Duration maxAge, boolean requireTimestamp) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
        this.maxAge = maxAge;
        this.requireTimestamp = requireTimestamp;
    }

    /** The verifier of FedEx's webhook as configured. */
    public static CarrierWebhookVerifier of(FedExProperties.Webhook config, Clock clock) {
        return new CarrierWebhookVerifier(config.secret(), clock, config.maxAge(), config.requireTimestamp());
    }

    /**
     * Returns normally when the call is genuine.
     *
     * @param rawBody   the request body exactly as received
     * @param signature the signature header: Base64 (as FedEx sends it) or hex of the HMAC
     * @param timestamp the timestamp header in epoch seconds, or null
     * @throws InvalidWebhookSignature when the signature is missing or wrong or the timestamp missing; a
     *         {@link WebhookReplay} when the timestamp is stale or in the future
     */
    public void verify(byte[] rawBody, String signature, String timestamp) {
        if (secret.length == 0) {
            throw new InvalidWebhookSignature("No webhook secret is configured; the call is refused");
        }
        if (signature == null || signature.isBlank()) {
            throw new InvalidWebhookSignature("The call carries no signature");
        }
        byte[] signed;
        if (timestamp == null || timestamp.isBlank()) {
            if (requireTimestamp) {
                throw new InvalidWebhookSignature("The call carries no timestamp");
            }
            signed = rawBody;
        } else {
            checkFresh(timestamp.strip());
            signed = concat((timestamp.strip() + ".").getBytes(StandardCharsets.UTF_8), rawBody);
        }
        byte[] expected = hmac(signed);
        byte[] given = decode(signature.strip());
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            throw new InvalidWebhookSignature("The signature does not match the body");
        }
    }

    private void checkFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new InvalidWebhookSignature("The timestamp is not a number of epoch seconds");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
        if (age.abs().compareTo(maxAge) > 0) {
            throw new WebhookReplay(HttpStatus.UNAUTHORIZED, "The timestamp is " + (age.isNegative() ? "in the future" : "too old")
                    + " (" + age.abs().toSeconds() + " s off, at most " + maxAge.toSeconds() + " s allowed)");
        }
    }

    private byte[] hmac(byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Hex (64 digits) or Base64 of 32 bytes; null when it is neither. */
    private static byte[] decode(String signature) {
        try {
            if (signature.length() == 64 && signature.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return HexFormat.of().parseHex(signature);
            }
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
