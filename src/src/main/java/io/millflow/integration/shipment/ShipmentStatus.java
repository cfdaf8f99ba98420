package io.millflow.integration.shipment;

import io.millflow.integration.carrier.TrackingStatus;

/** Where a shipment stands: the carrier's tracking status, or where Millflow alone knows it. */
public enum ShipmentStatus {
    /** Outbound, booked at the carrier; the carrier has reported nothing yet. */
    BOOKED,
    /** Inbound, announced by the supplier (ASN); the carrier has reported nothing yet. */
    ANNOUNCED,
    LABEL_CREATED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    /** Held up; people should look. */
    EXCEPTION,
    RETURNED_TO_SHIPPER,
    CANCELLED;

    /** Whether nothing will happen to the shipment any more (it is no longer tracked). */
    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED_TO_SHIPPER || this == CANCELLED;
    }

    /** Whether it may still be cancelled: the carrier has not taken the goods yet. */
    public boolean isCancellable() {
        return this == BOOKED || this == ANNOUNCED || this == LABEL_CREATED;
    }

    /** The status a carrier's tracking status means; null for {@link TrackingStatus#UNKNOWN}, which changes nothing. */
    static ShipmentStatus of(TrackingStatus status) {
        return status == null || status == TrackingStatus.UNKNOWN ? null : valueOf(status.name());
    }
}
