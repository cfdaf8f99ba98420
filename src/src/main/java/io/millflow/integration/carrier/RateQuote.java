package io.millflow.integration.carrier;

/**
 * The price of one service.
 *
 * @param service    the carrier's service; its code books it
 * @param charge     what the account pays (the negotiated rate where the carrier returns one, else the list rate)
 * @param listCharge the published list rate, or null when the carrier did not return one
 */
public record RateQuote(ServiceType service, Money charge, Money listCharge) {
}
