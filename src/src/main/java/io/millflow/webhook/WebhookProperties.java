package io.millflow.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook deliveries ({@code millflow.webhooks.*}, ADR 0029).
 *
 * @param senderEnabled   whether this node runs the scheduled sender (every node may; they share the work through
 *                        {@code for update skip locked})
 * @param pollInterval    pause between two polls of the sender
 * @param batchSize       deliveries one poll claims at a time
 * @param lease           how long a claimed delivery is hidden from other nodes while its HTTP call runs; longer
 *                        than connect plus read timeout
 * @param connectTimeout  longest wait for a connection to a receiver
 * @param readTimeout     longest wait for a receiver's answer once the request is sent
 * @param retryDelays     pause before the 2nd, 3rd … attempt; attempts = this list's size + 1, then the delivery is
 *                        dead
 * @param jitter          random share (0 to 0.5) added to or taken from each pause, so that receivers coming back
 *                        are not hit by every delivery at once
 * @param secretKey       base64 of 32 bytes: the AES-256 key the signing secrets are encrypted with. Required in the
 *                        prod profile; elsewhere a key file in {@code millflow.data-dir} is created when empty
 * @param allowedNetworks CIDR blocks of private addresses that receivers may have in the prod profile (e.g. an
 *                        on-premises ERP at {@code 10.20.0.0/16}); outside prod private addresses are allowed anyway
 */
@ConfigurationProperties("millflow.webhooks")
public record WebhookProperties(
        Boolean senderEnabled,
        Duration pollInterval,
        Integer batchSize,
        Duration lease,
        Duration connectTimeout,
        Duration readTimeout,
        List<Duration> retryDelays,
        Double jitter,
        String secretKey,
        List<String> allowedNetworks) {

    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(8), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6));

    public WebhookProperties {
        senderEnabled = senderEnabled == null || senderEnabled;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        batchSize = batchSize == null || batchSize < 1 ? 20 : batchSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("millflow.webhooks.lease must be longer than connect-timeout + read-timeout");
        }
        retryDelays = retryDelays == null || retryDelays.isEmpty() ? DEFAULT_RETRY_DELAYS : List.copyOf(retryDelays);
        jitter = jitter == null ? 0.2 : jitter;
        if (jitter < 0 || jitter > 0.5) {
            throw new IllegalArgumentException("millflow.webhooks.jitter must be between 0 and 0.5");
        }
        secretKey = secretKey == null ? "" : secretKey.strip();
        allowedNetworks = allowedNetworks == null ? List.of()
                : allowedNetworks.stream().filter(n -> n != null && !n.isBlank()).toList();
    }

    /** Defaults for everything (tests and tools). */
    public static WebhookProperties defaults() {
        return new WebhookProperties(null, null, null, null, null, null, null, null, null, null);
    }

    /** Attempts a delivery gets before it is dead. */
    public int maxAttempts() {
        return retryDelays.size() + 1;
    }
}
