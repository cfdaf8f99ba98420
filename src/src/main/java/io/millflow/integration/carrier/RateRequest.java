package io.millflow.integration.carrier;

import io.millflow.shared.ProblemException;
import java.time.LocalDate;
import java.util.List;

/**
 * What a rate quote is asked for.
 *
 * @param shipper     where the goods leave
 * @param recipient   where they go
 * @param parcels     the packages, at least one
 * @param shipDate    the day the goods are handed over
 * @param serviceCode one carrier service to quote, or null for every service the carrier offers on this lane
 */
public record RateRequest(Party shipper, Party recipient, List<Parcel> parcels, LocalDate shipDate,
        String serviceCode) {

    public RateRequest {
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
