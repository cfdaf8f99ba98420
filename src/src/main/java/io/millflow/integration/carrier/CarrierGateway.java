package io.millflow.integration.carrier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The port to one shipping carrier. Adapters translate these carrier-neutral calls into the carrier's API and
 * its failures into {@link CarrierProblems}; they keep no shipment state of their own.
 */
public interface CarrierGateway {

    /** Millflow's code of this carrier, e.g. {@code fedex} or {@code manual}; stored with each shipment. */
    String code();

    /** What this carrier can do, so that callers (and the tracking poll) skip what it cannot. */
    Capabilities capabilities();

    /** Prices of the services that can carry these parcels on this lane, cheapest first. */
    List<RateQuote> quote(RateRequest request);

    /** Books the shipment; the answer has one tracking number and, where the carrier prints them, one PDF label per parcel. */
    CreatedShipment createShipment(ShipmentRequest request);

    /** The current status and the events of a shipment. */
    TrackingInfo track(String trackingNumber);

    /**
     * The status of several shipments at once, for the tracking poll. Numbers the carrier does not know (or
     * cannot track just now) are missing from the answer; a failure of the carrier as a whole (outage, circuit
     * open) is thrown. Carriers that track many numbers per call override this; by default one call per number.
     */
    default Map<String, TrackingInfo> trackAll(List<String> trackingNumbers) {
        Map<String, TrackingInfo> found = new LinkedHashMap<>();
        for (String number : trackingNumbers) {
            try {
                found.put(number, track(number));
            } catch (CarrierProblems.UnknownTrackingNumber | CarrierProblems.CarrierRejected e) {
                // not trackable: left out, the others still count
            }
        }
        return found;
    }

    /** Cancels a booked shipment that the carrier has not picked up yet. */
    void cancel(String trackingNumber);

    /**
     * @param quotes   whether {@link #quote} returns prices
     * @param labels   whether {@link #createShipment} returns labels
     * @param tracking whether {@link #track} asks the carrier (else people set the status)
     */
    record Capabilities(boolean quotes, boolean labels, boolean tracking) {
    }
}
