package io.millflow.integration.carrier;

import java.time.Instant;

/**
 * One scan or status change of a shipment.
 *
 * @param occurredAt  when it happened
 * @param status      the status it means
 * @param carrierCode the carrier's own event code (e.g. FedEx {@code DL}), kept for people and support calls
 * @param description the carrier's text
 * @param location    where, as "city, country" or null
 */
public record TrackingEvent(Instant occurredAt, TrackingStatus status, String carrierCode, String description,
        String location) {
}
