package io.millflow.procurement;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchase requisitions. Roles: POST by every internal role (not SUPPLIER); GET one by its requester
 * and MANAGER, DEPARTMENT_HEAD, FINANCE, BUYER, ADMIN; GET the list: the caller's own.
 */
@RestController
@RequestMapping("/api/v1/purchase-requisitions")
@Tag(name = "Purchase requisitions")
class RequisitionController {

    private final PurchaseRequisitions requisitions;

    RequisitionController(PurchaseRequisitions requisitions) {
        this.requisitions = requisitions;
    }

    @PostMapping
    @Operation(summary = "Submit a requisition; starts its approval")
    ResponseEntity<RequisitionView> submit(@Valid @RequestBody NewRequisition body) {
        RequisitionView created = requisitions.submit(body);
        return ResponseEntity.created(URI.create("/api/v1/purchase-requisitions/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One requisition with its approval trail and purchase order number")
    RequisitionView get(@PathVariable UUID id) {
        return requisitions.get(id);
    }

    record RequisitionPage(List<RequisitionView> items, int page, int size, long total) {
    }

    @GetMapping
    @Operation(summary = "The caller's own requisitions, newest first")
    RequisitionPage mine(@RequestParam(required = false) RequisitionStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Page<RequisitionView> result = requisitions.mine(status, PageRequest.of(Math.max(page, 0),
                Math.min(Math.max(size, 1), 200), Sort.by(Sort.Direction.DESC, "createdAt")));
        return new RequisitionPage(result.getContent(), result.getNumber(), result.getSize(),
                result.getTotalElements());
    }
}
