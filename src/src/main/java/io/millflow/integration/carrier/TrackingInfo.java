package io.millflow.integration.carrier;

import java.time.Instant;
import java.util.List;

/**
 * What a carrier knows about a tracking number.
 *
 * @param trackingNumber the number asked for
 * @param status         the latest status
 * @param description    the carrier's words for it
 * @param events         the events, oldest first
 * @param estimatedDelivery when the carrier expects to deliver, or null when it did not say
 */
public record TrackingInfo(String trackingNumber, TrackingStatus status, String description,
        List<TrackingEvent> events, Instant estimatedDelivery) {

    public TrackingInfo {
        events = List.copyOf(events);
    }

    /** Without an estimated delivery. */
    public TrackingInfo(String trackingNumber, TrackingStatus status, String description, List<TrackingEvent> events) {
        this(trackingNumber, status, description, events, null);
    }
}
