package io.millflow.integration.carrier;

import java.util.List;

/**
 * A shipment the carrier accepted.
 *
 * @param carrier              the carrier's code in Millflow, e.g. {@code fedex}
 * @param masterTrackingNumber the number that tracks the whole shipment (the first package's for one parcel)
 * @param packages             one entry per parcel, in the order of the request
 * @param charge               what the carrier will bill, or null when it did not say
 */
public record CreatedShipment(String carrier, String masterTrackingNumber, List<PackageLabel> packages,
        Money charge) {

    public CreatedShipment {
        packages = List.copyOf(packages);
    }
}
