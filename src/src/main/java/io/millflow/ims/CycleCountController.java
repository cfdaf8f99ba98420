package io.millflow.ims;

import io.millflow.ims.CycleCountViews.CountSubmission;
import io.millflow.ims.CycleCountViews.CycleCountCommand;
import io.millflow.ims.CycleCountViews.CycleCountView;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cycle counts. Roles: WAREHOUSE creates sheets, enters counts and (in the inbox) approves large differences
 * of others' counts; the stock readers read. Approval happens through /api/v1/tasks like every user task.
 */
@RestController
@RequestMapping("/api/v1/cycle-counts")
@Tag(name = "Cycle counts")
class CycleCountController {

    private final CycleCounts counts;

    CycleCountController(CycleCounts counts) {
        this.counts = counts;
    }

    @PostMapping
    @Operation(summary = "Create a blind count sheet for a location subtree or an ABC class of a warehouse")
    ResponseEntity<CycleCountView> create(@Valid @RequestBody CycleCountCommand body) {
        CycleCountView c = counts.create(body);
        return ResponseEntity.created(URI.create("/api/v1/cycle-counts/" + c.id())).body(c);
    }

    @PostMapping("/{id}/counts")
    @Operation(summary = "Enter the counts: differences within tolerance post (701/702), larger ones go to approval")
    CycleCountView submit(@PathVariable UUID id, @Valid @RequestBody CountSubmission body) {
        return counts.submit(id, body);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an OPEN count")
    CycleCountView cancel(@PathVariable UUID id) {
        return counts.cancel(id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One count with its lines (book quantities only after counting)")
    CycleCountView get(@PathVariable UUID id) {
        return counts.get(id);
    }

    @GetMapping
    @Operation(summary = "Counts by status and warehouse; newest first; paged")
    PageView<CycleCountView> list(@RequestParam(required = false) String status,
            @RequestParam(required = false) UUID warehouseId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return counts.list(status, warehouseId, page, size);
    }
}
