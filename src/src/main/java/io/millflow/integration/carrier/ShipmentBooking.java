package io.millflow.integration.carrier;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Books a shipment with a carrier and stores its labels. When a label cannot be stored the booking is
 * cancelled at the carrier, so that no shipment is billed that Millflow does not know of.
 */
public class ShipmentBooking {

    private static final Logger log = LoggerFactory.getLogger(ShipmentBooking.class);

    private final Carriers carriers;
    private final LabelStore labels;

    public ShipmentBooking(Carriers carriers, LabelStore labels) {
        this.carriers = carriers;
        this.labels = labels;
    }

    public BookedShipment book(String carrierCode, ShipmentRequest request) {
        CarrierGateway carrier = carriers.get(carrierCode);
        CreatedShipment created = carrier.createShipment(request);
        List<BookedShipment.Package> packages = new ArrayList<>();
        try {
            for (PackageLabel label : created.packages()) {
                packages.add(new BookedShipment.Package(label.trackingNumber(), label.hasLabel()
                        ? labels.store(created.carrier(), label.trackingNumber(), label.labelPdf()) : null));
            }
        } catch (RuntimeException e) {
            cancelAfterFailure(carrier, created.masterTrackingNumber(), e);
            throw e;
        }
        log.info("Booked {} shipment {} ({} packages) for {}", created.carrier(), created.masterTrackingNumber(),
                packages.size(), request.reference());
        return new BookedShipment(created.carrier(), created.masterTrackingNumber(), packages, created.charge());
    }

    private static void cancelAfterFailure(CarrierGateway carrier, String trackingNumber, RuntimeException cause) {
        try {
            carrier.cancel(trackingNumber);
            log.warn("Cancelled {} shipment {} because its labels could not be stored", carrier.code(),
                    trackingNumber, cause);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.error("{} shipment {} is booked but its labels could not be stored and cancelling failed; "
                    + "cancel it at the carrier", carrier.code(), trackingNumber, cause);
        }
    }
}
