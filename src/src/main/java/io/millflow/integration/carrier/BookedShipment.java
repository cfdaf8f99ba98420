package io.millflow.integration.carrier;

import java.util.List;

/**
 * A booked shipment as Millflow keeps it: tracking numbers and label references, no label bytes.
 *
 * @param carrier              the carrier's code
 * @param masterTrackingNumber the number that tracks the whole shipment
 * @param packages             one per parcel
 * @param charge               what the carrier will bill, or null when unknown
 */
public record BookedShipment(String carrier, String masterTrackingNumber, List<Package> packages, Money charge) {

    public BookedShipment {
        packages = List.copyOf(packages);
    }

    /** One parcel: its tracking number and its stored label, or null when the carrier prints none. */
    public record Package(String trackingNumber, LabelRef label) {
    }
}
