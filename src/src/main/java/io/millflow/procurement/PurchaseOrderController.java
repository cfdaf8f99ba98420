package io.millflow.procurement;

import io.millflow.procurement.PurchaseOrderCommands.AssignSupplier;
import io.millflow.procurement.PurchaseOrderCommands.Cancel;
import io.millflow.procurement.PurchaseOrderCommands.Change;
import io.millflow.procurement.PurchaseOrderCommands.ChangeView;
import io.millflow.procurement.PurchaseOrderCommands.OrderView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buyers' changes of purchase orders (reading orders is the fulfilment side's). Roles (checked in
 * {@link PurchaseOrders}): assignment, change and cancellation BUYER, ADMIN; reading changes BUYER, MANAGER,
 * DEPARTMENT_HEAD, FINANCE, ADMIN.
 */
@RestController
@RequestMapping("/api/v1/purchase-orders")
@Tag(name = "Purchase order changes")
class PurchaseOrderChangeController {

    private final PurchaseOrders orders;

    PurchaseOrderChangeController(PurchaseOrders orders) {
        this.orders = orders;
    }

    @PostMapping("/{id}/supplier")
    @Operation(summary = "Give a DRAFT order its supplier and send it; 409 supplier-blocked when it is blocked")
    OrderView assignSupplier(@PathVariable UUID id, @Valid @RequestBody AssignSupplier body) {
        return orders.assignSupplier(id, body);
    }

    @PostMapping("/{id}/changes")
    @Operation(summary = "Change lines: applies at once (200) unless the total rises, then waits for approval (202)")
    ResponseEntity<ChangeView> change(@PathVariable UUID id, @Valid @RequestBody Change body) {
        ChangeView change = orders.change(id, body);
        HttpStatus status = PurchaseOrderChange.IN_APPROVAL.equals(change.status()) ? HttpStatus.ACCEPTED
                : HttpStatus.OK;
        return ResponseEntity.status(status)
                .location(URI.create("/api/v1/purchase-orders/" + id + "/changes/" + change.id())).body(change);
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "The changes of an order, newest first")
    List<ChangeView> changes(@PathVariable UUID id) {
        return orders.changes(id);
    }

    @GetMapping("/{id}/changes/{changeId}")
    @Operation(summary = "One change of an order")
    ChangeView change(@PathVariable UUID id, @PathVariable UUID changeId) {
        ChangeView c = orders.getChange(changeId);
        if (!c.purchaseOrderId().equals(id)) {
            throw new io.millflow.shared.ProblemException.NotFound("No change " + changeId + " of order " + id);
        }
        return c;
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel an order nothing was received for (409 order-not-changeable otherwise)")
    OrderView cancel(@PathVariable UUID id, @Valid @RequestBody Cancel body) {
        return orders.cancel(id, body);
    }
}
