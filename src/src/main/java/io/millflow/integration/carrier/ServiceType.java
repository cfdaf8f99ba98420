package io.millflow.integration.carrier;

/**
 * A carrier's service, such as FedEx's {@code FEDEX_INTERNATIONAL_PRIORITY}. The code is the carrier's own, so
 * that a quoted service can be booked unchanged; the name is for people.
 */
public record ServiceType(String code, String name) {
}
