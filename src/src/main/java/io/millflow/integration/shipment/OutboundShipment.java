package io.millflow.integration.shipment;

import io.millflow.integration.carrier.Parcel;
import io.millflow.integration.carrier.Party;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Goods to send with a carrier.
 *
 * @param referenceType  what the shipment is for, e.g. {@code TRANSFER} or {@code SUPPLIER_RETURN} (upper case)
 * @param referenceId    the id of that document; it belongs to another capability, so it is not checked here
 * @param carrierCode    an offered carrier, e.g. {@code fedex} or {@code manual}
 * @param serviceCode    the carrier's service as a quote named it; required by integrated carriers
 * @param shipper        sender with contact person and phone
 * @param recipient      recipient with contact person and phone
 * @param parcels        the packages, at least one
 * @param trackingNumber the number a person entered, only for the manual carrier
 * @param shipDate       the day the goods are handed over; null for today
 * @param labelReference printed on the label (at most 40 characters); null for the reference type and id
 */
public record OutboundShipment(String referenceType, UUID referenceId, String carrierCode, String serviceCode,
        Party shipper, Party recipient, List<Parcel> parcels, String trackingNumber, LocalDate shipDate,
        String labelReference) {

    public OutboundShipment {
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
    }

    /** Shipped today, the reference type and id printed on the label. */
    public OutboundShipment(String referenceType, UUID referenceId, String carrierCode, String serviceCode,
            Party shipper, Party recipient, List<Parcel> parcels, String trackingNumber) {
        this(referenceType, referenceId, carrierCode, serviceCode, shipper, recipient, parcels, trackingNumber, null,
                null);
    }
}
