package io.millflow.integration.carrier;

import java.util.List;

/**
 * What a carrier knows about a tracking number.
 *
 * @param trackingNumber the number asked for
 * @param status         the latest status
 * @param description    the carrier's words for it
 * @param events         the events, oldest first
 */
public record TrackingInfo(String trackingNumber, TrackingStatus status, String description,
        List<TrackingEvent> events) {

    public TrackingInfo {
        events = List.copyOf(events);
    }
}
