package io.millflow.integration.carrier;

import io.millflow.integration.carrier.CarrierProblems.NotSupported;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.util.List;

/**
 * Goods sent without a carrier integration: a local haulier, a courier, the firm's own van. A person enters the
 * tracking (or consignment) number when booking; there are no prices and no labels, and people set the status.
 */
class ManualCarrier implements CarrierGateway {

    static final String CODE = "manual";

    private final Clock clock;

    ManualCarrier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(false, false, false);
    }

    /** No prices are known for goods sent without an integration. */
    @Override
    public List<RateQuote> quote(RateRequest request) {
        return List.of();
    }

    /** Accepts the tracking number the person entered; every parcel carries it, none gets a label. */
    @Override
    public CreatedShipment createShipment(ShipmentRequest request) {
        String number = request.trackingNumber() == null ? "" : request.trackingNumber().strip();
        if (number.isEmpty()) {
            throw new ProblemException.InvalidInput("trackingNumber",
                    "is required for goods sent without an integration: enter the number the carrier gave you");
        }
        if (!number.matches("[A-Za-z0-9][A-Za-z0-9 ./-]{0,49}")) {
            throw new ProblemException.InvalidInput("trackingNumber",
                    "may have up to 50 letters, digits, spaces, dots, slashes and dashes");
        }
        List<PackageLabel> packages = request.parcels().stream().map(p -> new PackageLabel(number, null)).toList();
        return new CreatedShipment(CODE, number, packages, null);
    }

    @Override
    public TrackingInfo track(String trackingNumber) {
        throw new NotSupported(CODE, "Goods sent without an integration are not tracked by a carrier; "
                + "people set their status");
    }

    /** Nothing to tell a carrier: the booking exists only in Millflow. */
    @Override
    public void cancel(String trackingNumber) {
        // no carrier to inform
    }

    /**
     * The event for a status a person set, stamped now.
     *
     * @param status   the new status; {@link TrackingStatus#UNKNOWN} is not a status a person sets
     * @param note     what the person knows, e.g. "handed to driver, delivery note signed"
     * @param person   who set it
     */
    TrackingEvent statusSetBy(String person, TrackingStatus status, String note) {
        if (status == null || status == TrackingStatus.UNKNOWN) {
            throw new ProblemException.InvalidInput("status", "must be a known status");
        }
        if (person == null || person.isBlank()) {
            throw new ProblemException.InvalidInput("person", "must name who set the status");
        }
        String text = note == null || note.isBlank() ? "Set by " + person : note.strip() + " (set by " + person + ")";
        return new TrackingEvent(clock.instant(), status, CODE, text, null);
    }
}
