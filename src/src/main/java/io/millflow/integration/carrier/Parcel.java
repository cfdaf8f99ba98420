package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;

/**
 * One package of a shipment; each gets its own tracking number and label.
 *
 * @param weight     gross weight
 * @param dimensions outer size, or null when unknown (carriers then rate by weight only)
 */
public record Parcel(Weight weight, Dimensions dimensions) {

    public Parcel {
        if (weight == null) {
            throw new ProblemException.InvalidInput("weight", "is required");
        }
    }
}
