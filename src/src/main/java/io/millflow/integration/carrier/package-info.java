/**
 * Shipping carriers: the {@link io.millflow.integration.carrier.CarrierGateway} port with its carrier-neutral
 * records, the FedEx REST adapter ({@link io.millflow.integration.carrier.FedExCarrier}), the manual carrier for
 * goods sent without an integration, label storage outside the database and the verification of signed webhook
 * calls. Shipment rows, the tracking poll job and the webhook endpoint build on these.
 */
package io.millflow.integration.carrier;
