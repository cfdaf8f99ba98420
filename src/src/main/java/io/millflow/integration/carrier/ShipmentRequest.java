package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;
import java.time.LocalDate;
import java.util.List;

/**
 * A shipment to book with a carrier.
 *
 * @param reference      our reference printed on the label, e.g. the delivery note number
 * @param shipper        sender with contact person and phone
 * @param recipient      recipient with contact person and phone
 * @param parcels        the packages, at least one; each gets a tracking number and label
 * @param serviceCode    the carrier service, as a {@link RateQuote} named it
 * @param shipDate       the day the goods are handed over
 * @param trackingNumber the tracking number a person entered, only for carriers without an integration
 *                       ({@link ManualCarrier}); integrated carriers assign their own and refuse one
 */
public record ShipmentRequest(String reference, Party shipper, Party recipient, List<Parcel> parcels,
        String serviceCode, LocalDate shipDate, String trackingNumber) {

    public ShipmentRequest {
        if (reference == null || reference.isBlank() || reference.length() > 40) {
            throw new ProblemException.InvalidInput("reference", "must have 1 to 40 characters");
        }
        if (shipper == null || recipient == null) {
            throw new ProblemException.InvalidInput(shipper == null ? "shipper" : "recipient", "is required");
        }
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
        if (parcels.isEmpty()) {
            throw new ProblemException.InvalidInput("parcels", "needs at least one parcel");
        }
        if (shipDate == null) {
            throw new ProblemException.InvalidInput("shipDate", "is required");
        }
    }
}
