package io.millflow.integration.carrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.integration.carrier.CarrierProblems.NotSupported;
import io.millflow.shared.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ManualCarrierTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final ManualCarrier carrier = new ManualCarrier(clock);

    @Test
    void takesTheTrackingNumberAPersonEnteredAndPrintsNoLabel() {
        CreatedShipment created = carrier.createShipment(request(" SPD-4711/26 "));

        assertThat(created.carrier()).isEqualTo("manual");
        assertThat(created.masterTrackingNumber()).isEqualTo("SPD-4711/26");
        assertThat(created.packages()).hasSize(2).allSatisfy(p -> {
            assertThat(p.trackingNumber()).isEqualTo("SPD-4711/26");
            assertThat(p.hasLabel()).isFalse();
        });
        assertThat(created.charge()).isNull();
    }

    @Test
    void refusesABookingWithoutATrackingNumber() {
        assertThatThrownBy(() -> carrier.createShipment(request(null)))
                .isInstanceOf(ProblemException.InvalidInput.class)
                .satisfies(e -> assertThat(((ProblemException) e).field()).isEqualTo("trackingNumber"));
        assertThatThrownBy(() -> carrier.createShipment(request("<script>")))
                .isInstanceOf(ProblemException.InvalidInput.class);
    }

    @Test
    void hasNoPricesAndNoCarrierTracking() {
        assertThat(carrier.capabilities()).isEqualTo(new CarrierGateway.Capabilities(false, false, false));
        assertThat(carrier.quote(Fixtures.rateRequest())).isEmpty();
        assertThatThrownBy(() -> carrier.track("SPD-4711/26")).isInstanceOf(NotSupported.class)
                .hasMessageContaining("people set their status");
    }

    @Test
    void aStatusSetByAPersonIsAnEventStampedNow() {
        TrackingEvent event = carrier.statusSetBy("clerk.anna", TrackingStatus.DELIVERED, "signed by J. Miller");

        assertThat(event.occurredAt()).isEqualTo(clock.instant());
        assertThat(event.status()).isEqualTo(TrackingStatus.DELIVERED);
        assertThat(event.description()).isEqualTo("signed by J. Miller (set by clerk.anna)");
        assertThatThrownBy(() -> carrier.statusSetBy("clerk.anna", TrackingStatus.UNKNOWN, null))
                .isInstanceOf(ProblemException.InvalidInput.class);
    }

    @Test
    void bookingThroughShipmentBookingStoresNoLabel() {
        LabelStore noWrites = new LabelStore() {
            @Override
            public LabelRef store(String c, String t, byte[] pdf) {
                throw new AssertionError("a manual shipment has no label to store");
            }

            @Override
            public byte[] read(LabelRef ref) {
                throw new AssertionError();
            }
        };
        ShipmentBooking booking = new ShipmentBooking(new Carriers(java.util.List.of(carrier)), noWrites);

        BookedShipment booked = booking.book("manual", request("SPD-4711"));

        assertThat(booked.packages()).extracting(BookedShipment.Package::label).containsOnlyNulls();
        assertThatThrownBy(() -> booking.book("ups", request("1Z")))
                .isInstanceOf(ProblemException.InvalidInput.class).hasMessageContaining("offered: manual");
    }

    private static ShipmentRequest request(String trackingNumber) {
        return new ShipmentRequest("DN-2026-000042", Fixtures.shipper(), Fixtures.recipient(), Fixtures.twoParcels(),
                null, Fixtures.SHIP_DATE, trackingNumber);
    }
}
