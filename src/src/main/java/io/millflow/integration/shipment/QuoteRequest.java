package io.millflow.integration.shipment;

import io.millflow.integration.carrier.Parcel;
import io.millflow.integration.carrier.Party;
import java.time.LocalDate;
import java.util.List;

/**
 * Prices asked of one carrier.
 *
 * @param carrierCode an offered carrier; carriers without prices (manual) answer no quotes
 * @param shipDate    null for today
 * @param serviceCode one service, or null for all the carrier offers on the lane
 */
public record QuoteRequest(String carrierCode, Party shipper, Party recipient, List<Parcel> parcels,
        LocalDate shipDate, String serviceCode) {
}
