package io.millflow.integration.shipment;

import io.millflow.integration.carrier.CarrierGateway;
import io.millflow.integration.carrier.CarrierProblems.CarrierProblem;
import io.millflow.integration.carrier.CarrierProblems.CarrierUnavailable;
import io.millflow.integration.carrier.Carriers;
import io.millflow.integration.carrier.TrackingInfo;
import io.millflow.integration.shipment.Shipments.TrackingSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The tracking poll: asks each carrier that tracks about its open shipments, {@value #BATCH} tracking numbers per
 * call (FedEx's Track API takes up to 30), least recently tracked first, and applies the answers through
 * {@link Shipments#applyTracking}. Each batch commits on its own, so an outage halfway keeps what was done. Runs
 * in {@link ShipmentTrackingJob}, once per cluster at a time.
 */
@Component
class ShipmentTracking {

    static final int BATCH = 30;
    private static final Logger log = LoggerFactory.getLogger(ShipmentTracking.class);

    private final Shipments shipments;
    private final Carriers carriers;
    private final int maxPerRun;

    ShipmentTracking(Shipments shipments, Carriers carriers,
            @Value("${millflow.carriers.tracking.max-per-run:900}") int maxPerRun) {
        this.shipments = shipments;
        this.carriers = carriers;
        this.maxPerRun = maxPerRun;
    }

    /** What one run did. */
    record Run(int shipments, int calls, int newEvents, int notFound) {
    }

    Run pollOpenShipments() {
        int asked = 0;
        int calls = 0;
        int stored = 0;
        int notFound = 0;
        for (String code : carriers.codes()) {
            CarrierGateway carrier = carriers.get(code);
            if (!carrier.capabilities().tracking()) {
                continue;
            }
            List<ShipmentRepository.Open> open = shipments.openForTracking(code, maxPerRun);
            for (int from = 0; from < open.size(); from += BATCH) {
                List<ShipmentRepository.Open> batch = open.subList(from, Math.min(from + BATCH, open.size()));
                Map<String, TrackingInfo> found;
                try {
                    found = carrier.trackAll(batch.stream().map(ShipmentRepository.Open::trackingNumber).distinct()
                            .toList());
                    calls++;
                } catch (CarrierUnavailable e) {
                    log.warn("Tracking poll of {} stopped after {} calls: {}", code, calls, e.getMessage());
                    break;
                } catch (CarrierProblem e) {
                    // the carrier refused this batch as a whole: note it and go on, so that it cannot block the rest
                    log.warn("Tracking poll of {}: a batch of {} was refused: {}", code, batch.size(), e.getMessage());
                    calls++;
                    asked += batch.size();
                    notFound += batch.size();
                    shipments.trackedWithout(batch.stream().map(ShipmentRepository.Open::id).toList(),
                            e.getMessage());
                    continue;
                }
                List<UUID> missing = new ArrayList<>();
                for (ShipmentRepository.Open shipment : batch) {
                    asked++;
                    TrackingInfo info = found.get(shipment.trackingNumber());
                    if (info == null) {
                        missing.add(shipment.id());
                    }
                }
                for (TrackingInfo info : found.values()) {
                    stored += shipments.applyTracking(code, info, TrackingSource.POLL);
                }
                notFound += missing.size();
                shipments.trackedWithout(missing, "The carrier reported nothing for this tracking number");
            }
        }
        Run run = new Run(asked, calls, stored, notFound);
        if (asked > 0) {
            log.info("Tracking poll: {} shipments in {} carrier calls, {} new events, {} not found", run.shipments(),
                    run.calls(), run.newEvents(), run.notFound());
        }
        return run;
    }
}
