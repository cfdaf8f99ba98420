package io.millflow.integration.shipment;

import io.millflow.integration.carrier.Money;
import io.millflow.integration.carrier.Party;
import io.millflow.integration.carrier.Weight;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A shipment as callers see it (labels are fetched separately).
 *
 * @param direction         {@code OUTBOUND} or {@code INBOUND}
 * @param statusText        the carrier's words for the latest status, or null
 * @param labelAvailable    whether a PDF label is stored (integrated carriers, outbound)
 * @param trackingError     why the last tracking attempt found nothing, or null
 */
public record ShipmentView(UUID id, String number, String direction, String carrier, String serviceCode,
        String trackingNumber, ShipmentStatus status, String statusText, String referenceType, UUID referenceId,
        Party shipFrom, Party shipTo, LocalDate shipDate, Money charge, boolean labelAvailable, List<ParcelView> parcels,
        Instant estimatedDelivery, Instant deliveredAt, Instant lastTrackedAt, String trackingError, String createdBy,
        Instant createdAt, Instant updatedAt, long version) {

    public ShipmentView {
        parcels = List.copyOf(parcels);
    }

    /** One package: its tracking number, weight and whether its label is stored. */
    public record ParcelView(int parcelNo, String trackingNumber, Weight weight, boolean labelAvailable) {
    }

    /** One tracking event, oldest first in lists. {@code source} is POLL, WEBHOOK or PERSON. */
    public record EventView(Instant occurredAt, String status, String code, String description, String location,
            String source, Instant recordedAt) {
    }
}
