package io.millflow.integration.shipment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shipping a transfer to another site with a carrier. Roles: WAREHOUSE ships; shipment readers read. */
@RestController
@RequestMapping("/api/v1/transfers/{transferId}/shipments")
@Tag(name = "Transfers")
class TransferShipmentController {

    private final TransferShipments transferShipments;

    TransferShipmentController(TransferShipments transferShipments) {
        this.transferShipments = transferShipments;
    }

    @PostMapping
    @Operation(summary = "Ship a READY or DONE transfer between two sites with a carrier (label stored)")
    ResponseEntity<ShipmentView> ship(@PathVariable UUID transferId, @RequestBody TransferShipment body) {
        ShipmentView view = transferShipments.ship(transferId, body);
        return ResponseEntity.created(URI.create("/api/v1/shipments/" + view.id())).body(view);
    }

    @GetMapping
    @Operation(summary = "The shipments of a transfer, oldest first")
    List<ShipmentView> list(@PathVariable UUID transferId) {
        return transferShipments.of(transferId);
    }
}
