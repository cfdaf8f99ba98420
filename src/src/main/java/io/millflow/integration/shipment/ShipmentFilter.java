package io.millflow.integration.shipment;

import java.util.UUID;

/**
 * Filters of the shipment list; null means any.
 *
 * @param open  true for shipments still on their way, false for delivered, returned or cancelled ones
 * @param text  a fragment of the shipment or tracking number
 */
public record ShipmentFilter(ShipmentStatus status, Boolean open, String direction, String carrier,
        String referenceType, UUID referenceId, String text) {

    public ShipmentFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        carrier = carrier == null || carrier.isBlank() ? null : carrier.strip();
        referenceType = referenceType == null || referenceType.isBlank() ? null : referenceType.strip();
        direction = direction == null || direction.isBlank() ? null : direction.strip();
    }

    public static ShipmentFilter all() {
        return new ShipmentFilter(null, null, null, null, null, null, null);
    }
}
