package io.millflow.integration.shipment;

import io.millflow.integration.carrier.Parcel;
import io.millflow.integration.carrier.Party;
import java.time.LocalDate;
import java.util.List;

/**
 * A transfer to ship to another site. Sites carry no postal addresses in Millflow, so the caller names both parties.
 *
 * @param trackingNumber only for the manual carrier
 * @param shipDate       null for today
 */
public record TransferShipment(String carrierCode, String serviceCode, Party shipper, Party recipient,
        List<Parcel> parcels, String trackingNumber, LocalDate shipDate) {
}
