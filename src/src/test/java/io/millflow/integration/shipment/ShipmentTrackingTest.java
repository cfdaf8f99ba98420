package io.millflow.integration.shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.millflow.integration.carrier.CarrierGateway;
import io.millflow.integration.carrier.CarrierProblems.CarrierCircuitOpen;
import io.millflow.integration.carrier.CarrierProblems.CarrierRejected;
import io.millflow.integration.carrier.Carriers;
import io.millflow.integration.carrier.CreatedShipment;
import io.millflow.integration.carrier.RateQuote;
import io.millflow.integration.carrier.RateRequest;
import io.millflow.integration.carrier.ShipmentRequest;
import io.millflow.integration.carrier.TrackingInfo;
import io.millflow.integration.carrier.TrackingStatus;
import io.millflow.integration.shipment.Shipments.TrackingSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tracking poll's batching: 30 numbers per carrier call, what is not reported is noted, outages stop a run. */
class ShipmentTrackingTest {

    private final Shipments shipments = mock(Shipments.class);

    @Test
    void openShipmentsAreAskedForInBatchesOfThirtyAndWhatTheCarrierReportsIsApplied() {
        List<ShipmentRepository.Open> open = open(45);
        when(shipments.openForTracking("fake", 900)).thenReturn(open);
        FakeCarrier carrier = new FakeCarrier(batch -> {
            Map<String, TrackingInfo> found = new HashMap<>();
            batch.stream().filter(n -> !n.endsWith("7")).forEach(n -> found.put(n, info(n)));
            return found;
        });
        when(shipments.applyTracking(eq("fake"), any(), eq(TrackingSource.POLL))).thenReturn(1);

        ShipmentTracking.Run run = tracking(carrier).pollOpenShipments();

        assertThat(carrier.batches).extracting(List::size).containsExactly(30, 15);
        assertThat(carrier.batches.get(0).get(0)).isEqualTo("T0");
        assertThat(run.shipments()).isEqualTo(45);
        assertThat(run.calls()).isEqualTo(2);
        // T7, T17, T27, T37 are not reported
        assertThat(run.notFound()).isEqualTo(4);
        assertThat(run.newEvents()).isEqualTo(41);
        verify(shipments, times(41)).applyTracking(eq("fake"), any(), eq(TrackingSource.POLL));
        verify(shipments).trackedWithout(eq(List.of(open.get(7).id(), open.get(17).id(), open.get(27).id())), any());
        verify(shipments).trackedWithout(eq(List.of(open.get(37).id())), any());
    }

    @Test
    void anOutageStopsTheRunAndARefusedBatchIsNotedWithoutBlockingTheNext() {
        List<ShipmentRepository.Open> open = open(70);
        when(shipments.openForTracking("fake", 900)).thenReturn(open);
        FakeCarrier carrier = new FakeCarrier(batch -> {
            if (batch.contains("T0")) {
                throw new CarrierRejected("fake", "BAD.REQUEST", "refused", "tx-1");
            }
            throw new CarrierCircuitOpen("fake", "open");
        });

        ShipmentTracking.Run run = tracking(carrier).pollOpenShipments();

        assertThat(carrier.batches).hasSize(2);
        verify(shipments).trackedWithout(eq(open.subList(0, 30).stream().map(ShipmentRepository.Open::id).toList()),
                eq("refused"));
        verify(shipments, times(1)).trackedWithout(anyList(), any());
        verify(shipments, never()).applyTracking(any(), any(), any());
        assertThat(run.notFound()).isEqualTo(30);
    }

    private ShipmentTracking tracking(CarrierGateway carrier) {
        return new ShipmentTracking(shipments, new Carriers(List.of(carrier)), 900);
    }

    private static List<ShipmentRepository.Open> open(int n) {
        return IntStream.range(0, n).mapToObj(i -> new ShipmentRepository.Open(UUID.randomUUID(), "T" + i)).toList();
    }

    private static TrackingInfo info(String number) {
        return new TrackingInfo(number, TrackingStatus.IN_TRANSIT, "In transit", List.of());
    }

    /** A carrier that tracks through the given function and records each batch it was asked for. */
    private static final class FakeCarrier implements CarrierGateway {

        final List<List<String>> batches = new ArrayList<>();
        private final Function<List<String>, Map<String, TrackingInfo>> answer;

        FakeCarrier(Function<List<String>, Map<String, TrackingInfo>> answer) {
            this.answer = answer;
        }

        @Override
        public String code() {
            return "fake";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(false, false, true);
        }

        @Override
        public Map<String, TrackingInfo> trackAll(List<String> trackingNumbers) {
            batches.add(List.copyOf(trackingNumbers));
            return answer.apply(trackingNumbers);
        }

        @Override
        public List<RateQuote> quote(RateRequest request) {
            return List.of();
        }

        @Override
        public CreatedShipment createShipment(ShipmentRequest request) {
            throw new UnsupportedOperationException("this test carrier only tracks");
        }

        @Override
        public TrackingInfo track(String trackingNumber) {
            throw new UnsupportedOperationException("the poll tracks in batches (trackAll)");
        }

        @Override
        public void cancel(String trackingNumber) {
        }
    }
}
