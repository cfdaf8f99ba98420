package io.millflow.ims;

import io.millflow.ims.ReservationViews.ConsumptionCommand;
import io.millflow.ims.ReservationViews.PurposeType;
import io.millflow.ims.ReservationViews.ReservationCommand;
import io.millflow.ims.ReservationViews.ReservationView;
import io.millflow.ims.StockViews.DocumentView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reservations. Roles: WAREHOUSE and MANAGER reserve, release and consume; the stock readers read. */
@RestController
@RequestMapping("/api/v1/reservations")
@Tag(name = "Reservations")
class ReservationController {

    private final Reservations reservations;

    ReservationController(Reservations reservations) {
        this.reservations = reservations;
    }

    @PostMapping
    @Operation(summary = "Reserve stock of an item in a warehouse for a purpose; 409 when not enough is available")
    ResponseEntity<ReservationView> reserve(@Valid @RequestBody ReservationCommand body,
            @RequestHeader(name = StockController.IDEMPOTENCY_KEY, required = false) String key) {
        ReservationView r = reservations.reserve(body, key);
        return ResponseEntity.created(URI.create("/api/v1/reservations/" + r.id())).body(r);
    }

    @GetMapping
    @Operation(summary = "Reservations by item, status, purpose; newest first; paged")
    PageView<ReservationView> list(@RequestParam(required = false) UUID itemId,
            @RequestParam(required = false) String status, @RequestParam(required = false) PurposeType purposeType,
            @RequestParam(required = false) String purposeRef, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return reservations.list(itemId, status, purposeType, purposeRef, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One reservation with the quants that hold it")
    ReservationView get(@PathVariable UUID id) {
        return reservations.get(id);
    }

    @PostMapping("/{id}/release")
    @Operation(summary = "Give the open part back to available stock")
    ReservationView release(@PathVariable UUID id) {
        return reservations.release(id);
    }

    @PostMapping("/{id}/consumption")
    @Operation(summary = "Issue the reserved stock to its purpose (221, 261 or 201); Idempotency-Key honoured")
    ResponseEntity<DocumentView> consume(@PathVariable UUID id, @Valid @RequestBody(required = false) ConsumptionCommand body,
            @RequestHeader(name = StockController.IDEMPOTENCY_KEY, required = false) String key) {
        return StockController.created(reservations.consume(id, body, key));
    }
}
