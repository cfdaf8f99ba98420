package io.millflow.integration.carrier;

/** Where a shipment stands, in words every carrier's codes map to. */
public enum TrackingStatus {
    /** Booked and labelled, not yet with the carrier. */
    LABEL_CREATED,
    PICKED_UP,
    IN_TRANSIT,
    OUT_FOR_DELIVERY,
    DELIVERED,
    /** Held up: wrong address, customs, nobody home; people should look. */
    EXCEPTION,
    RETURNED_TO_SHIPPER,
    CANCELLED,
    /** The carrier sent a code Millflow does not know; the event keeps it. */
    UNKNOWN;

    /** Whether nothing will happen to the shipment any more. */
    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED_TO_SHIPPER || this == CANCELLED;
    }
}
