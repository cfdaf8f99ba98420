/**
 * Shipments: outbound goods booked with a carrier (labels kept by the {@code LabelStore}) and inbound goods a
 * supplier announced, both tracked by the clustered polling job and the carriers' signed webhooks. The service
 * {@link io.millflow.integration.shipment.Shipments} owns every change; transfers between sites are shipped through
 * {@link io.millflow.integration.shipment.TransferShipments}. See ADR 0014.
 */
package io.millflow.integration.shipment;
