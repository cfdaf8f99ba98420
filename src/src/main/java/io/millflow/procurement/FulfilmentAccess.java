package io.millflow.procurement;

import io.millflow.shared.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see which purchase order. Internal users see every order; a SUPPLIER user sees only the sent orders of
 * their own supplier, and anything else answers 404 as if it did not exist (so ids of other suppliers' orders,
 * notices and invoices reveal nothing).
 */
@Component
class FulfilmentAccess {

    /** Roles that read purchase orders, notices and invoices besides the supplier portal. */
    static final String INTERNAL_READERS = "hasAnyRole('BUYER','MANAGER','FINANCE','WAREHOUSE','ADMIN')";
    static final String READERS = "hasAnyRole('BUYER','MANAGER','FINANCE','WAREHOUSE','ADMIN','SUPPLIER')";

    private final SupplierScope scope;
    private final PurchaseOrderRepository orders;

    FulfilmentAccess(SupplierScope scope, PurchaseOrderRepository orders) {
        this.scope = scope;
        this.orders = orders;
    }

    /**
     * Empty for internal users; the caller's supplier for supplier users ({@link SupplierScope}: a SUPPLIER user
     * linked to no supplier is refused with 403).
     */
    Optional<UUID> supplierFilter() {
        return scope.currentSupplierId();
    }

    /** The caller's supplier; 403 for anyone who does not act for a supplier (portal writes). */
    UUID requireSupplier() {
        return scope.currentSupplierId().orElseThrow(() -> new ProblemException.Forbidden(
                "Only a supplier's own users confirm, notify shipping and invoice"));
    }

    /** Whether the caller may see an order of this supplier in this status. */
    boolean visible(UUID supplierId, PurchaseOrderStatus status) {
        Optional<UUID> filter = supplierFilter();
        return filter.isEmpty()
                || (filter.get().equals(supplierId) && status != PurchaseOrderStatus.DRAFT);
    }

    /** The order, or 404 when it does not exist or the caller may not see it. */
    PurchaseOrder order(UUID id) {
        PurchaseOrder po = orders.findById(id).orElseThrow(() -> notFound(id));
        if (!visible(po.getSupplierId(), po.getStatus())) {
            throw notFound(id);
        }
        return po;
    }

    /** The order locked for a change, or 404 like {@link #order}. */
    PurchaseOrder lockedOrder(UUID id) {
        PurchaseOrder po = orders.lockById(id).orElseThrow(() -> notFound(id));
        if (!visible(po.getSupplierId(), po.getStatus())) {
            throw notFound(id);
        }
        return po;
    }

    static ProblemException notFound(UUID id) {
        return new ProblemException.NotFound("No purchase order " + id);
    }
}
