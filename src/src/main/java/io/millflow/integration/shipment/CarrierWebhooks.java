package io.millflow.integration.shipment;

import io.millflow.integration.carrier.CarrierProblems.WebhookReplay;
import io.millflow.integration.carrier.CarrierWebhookVerifier;
import io.millflow.integration.carrier.FedExWebhookPayload;
import io.millflow.integration.carrier.TrackingInfo;
import io.millflow.integration.shipment.Shipments.TrackingSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carrier webhook calls: verified (HMAC over the raw body, timestamp when sent), refused as replays when the same
 * call (same body, or same FedEx transaction id) was already received, then applied like a poll's answer. The
 * receipt and the events commit together, so a refused or failed call writes nothing.
 */
@Service
public class CarrierWebhooks {

    static final String FEDEX = "fedex";
    private static final Logger log = LoggerFactory.getLogger(CarrierWebhooks.class);

    private final CarrierWebhookVerifier fedExVerifier;
    private final ShipmentRepository repository;
    private final Shipments shipments;
    private final Clock clock;

    CarrierWebhooks(CarrierWebhookVerifier fedExWebhookVerifier, ShipmentRepository repository, Shipments shipments,
            Clock clock) {
        this.fedExVerifier = fedExWebhookVerifier;
        this.repository = repository;
        this.shipments = shipments;
        this.clock = clock;
    }

    /**
     * What one call did.
     *
     * @param trackingNumbers how many packages the call reported on
     * @param newEvents       events stored (0 when all were known)
     */
    public record Received(int trackingNumbers, int newEvents) {
    }

    /**
     * @throws io.millflow.integration.carrier.CarrierProblems.InvalidWebhookSignature (401) when the signature or
     *         timestamp is wrong; {@link WebhookReplay} (401 stale timestamp, 409 second delivery)
     */
    @Transactional
    public Received receiveFedEx(byte[] body, String signature, String timestamp) {
        byte[] raw = body == null ? new byte[0] : body;
        fedExVerifier.verify(raw, signature, timestamp);
        FedExWebhookPayload.Delivery delivery = FedExWebhookPayload.parse(raw);
        if (!repository.insertReceipt(FEDEX, sha256(raw), delivery.eventId(), clock.instant())) {
            throw new WebhookReplay(HttpStatus.CONFLICT, "This webhook call was already received"
                    + (delivery.eventId() == null ? "" : " (FedEx transaction " + delivery.eventId() + ")")
                    + "; nothing was applied again");
        }
        int stored = 0;
        for (TrackingInfo info : delivery.updates()) {
            stored += shipments.applyTracking(FEDEX, info, TrackingSource.WEBHOOK);
        }
        log.info("FedEx webhook {}: {} tracking numbers, {} new events", delivery.eventId(),
                delivery.updates().size(), stored);
        return new Received(delivery.updates().size(), stored);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
