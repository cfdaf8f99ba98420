package io.millflow.ims;

import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.TransferViews.TransferCommand;
import io.millflow.ims.TransferViews.TransferView;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Transfers (pickings). Roles: WAREHOUSE creates and works them; the stock readers read. */
@RestController
@RequestMapping("/api/v1/transfers")
@Tag(name = "Transfers")
class TransferController {

    private final Transfers transfers;

    TransferController(Transfers transfers) {
        this.transfers = transfers;
    }

    @PostMapping
    @Operation(summary = "Create a DRAFT transfer")
    ResponseEntity<TransferView> create(@Valid @RequestBody TransferCommand body) {
        TransferView t = transfers.create(body);
        return ResponseEntity.created(URI.create("/api/v1/transfers/" + t.id())).body(t);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace the lines of a DRAFT transfer")
    TransferView update(@PathVariable UUID id, @Valid @RequestBody TransferCommand body) {
        return transfers.update(id, body);
    }

    @PostMapping("/{id}/ready")
    @Operation(summary = "DRAFT → READY (lines checked again)")
    TransferView ready(@PathVariable UUID id) {
        return transfers.ready(id);
    }

    @PostMapping("/{id}/done")
    @Operation(summary = "Post the transfer's 311 document and mark it DONE; Idempotency-Key honoured")
    ResponseEntity<DocumentView> done(@PathVariable UUID id,
            @RequestHeader(name = StockController.IDEMPOTENCY_KEY, required = false) String key) {
        return StockController.created(transfers.done(id, key));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a DRAFT or READY transfer")
    TransferView cancel(@PathVariable UUID id) {
        return transfers.cancel(id);
    }

    @GetMapping
    @Operation(summary = "Transfers by status or number/reference fragment; newest first; paged")
    PageView<TransferView> list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return transfers.list(status, q, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One transfer with its lines")
    TransferView get(@PathVariable UUID id) {
        return transfers.get(id);
    }
}
