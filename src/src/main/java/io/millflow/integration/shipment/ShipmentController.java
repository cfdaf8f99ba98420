package io.millflow.integration.shipment;

import io.millflow.integration.carrier.RateQuote;
import io.millflow.integration.carrier.TrackingStatus;
import io.millflow.integration.shipment.ShipmentView.EventView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipments. Roles: WAREHOUSE and BUYER quote, book, cancel and set the status of untracked shipments;
 * WAREHOUSE, BUYER, MANAGER and ADMIN read; SUPPLIER may announce inbound shipments.
 */
@RestController
@RequestMapping("/api/v1/shipments")
@Tag(name = "Shipments")
class ShipmentController {

    private final Shipments shipments;

    ShipmentController(Shipments shipments) {
        this.shipments = shipments;
    }

    /** An inbound shipment a supplier announced. */
    record InboundShipment(String referenceType, UUID referenceId, String carrierCode, String trackingNumber) {
    }

    /** A status a person sets for a shipment its carrier does not track. */
    record StatusUpdate(TrackingStatus status, String note) {
    }

    @GetMapping
    @Operation(summary = "Shipments, newest first, paged; filters status, open, direction, carrier, referenceType, "
            + "referenceId, q (shipment or tracking number fragment)")
    PageView<ShipmentView> list(@RequestParam(required = false) ShipmentStatus status,
            @RequestParam(required = false) Boolean open, @RequestParam(required = false) String direction,
            @RequestParam(required = false) String carrier, @RequestParam(required = false) String referenceType,
            @RequestParam(required = false) UUID referenceId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return shipments.list(new ShipmentFilter(status, open, direction, carrier, referenceType, referenceId, q), page,
                size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One shipment with its parcels")
    ShipmentView get(@PathVariable UUID id) {
        return shipments.get(id);
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "The tracking events of a shipment, oldest first")
    List<EventView> events(@PathVariable UUID id) {
        return shipments.events(id);
    }

    @GetMapping(value = "/{id}/label", produces = {MediaType.APPLICATION_PDF_VALUE, "application/problem+json"})
    @Operation(summary = "The PDF label of a parcel (parcel 1 unless named)")
    ResponseEntity<byte[]> label(@PathVariable UUID id, @RequestParam(defaultValue = "1") int parcel) {
        byte[] pdf = shipments.label(id, parcel);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("label-" + id + "-" + parcel + ".pdf").build().toString())
                .body(pdf);
    }

    @PostMapping("/quotes")
    @Operation(summary = "Prices of a carrier's services for parcels on a lane, cheapest first")
    List<RateQuote> quote(@RequestBody QuoteRequest body) {
        return shipments.quote(body);
    }

    @PostMapping
    @Operation(summary = "Book an outbound shipment at the carrier; labels are stored")
    ResponseEntity<ShipmentView> book(@RequestBody OutboundShipment body) {
        ShipmentView view = shipments.bookOutbound(body);
        return ResponseEntity.created(URI.create("/api/v1/shipments/" + view.id())).body(view);
    }

    @PostMapping("/inbound")
    @Operation(summary = "Announce an inbound shipment (ASN); the same reference and tracking number answer the "
            + "shipment already kept")
    ShipmentView inbound(@RequestBody InboundShipment body) {
        return shipments.registerInbound(body.referenceType(), body.referenceId(), body.carrierCode(),
                body.trackingNumber());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a shipment the carrier has not taken yet (outbound ones at the carrier too)")
    ShipmentView cancel(@PathVariable UUID id) {
        shipments.cancel(id);
        return shipments.get(id);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Set the status of a shipment whose carrier does not track (manual carrier)")
    ShipmentView status(@PathVariable UUID id, @RequestBody StatusUpdate body) {
        return shipments.recordStatus(id, body.status(), body.note());
    }
}
