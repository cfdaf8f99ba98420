package io.millflow.procurement;

import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
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

    /** Matches no supplier: the scope of a SUPPLIER user who is not linked to one. */
    static final UUID NO_SUPPLIER = new UUID(0L, 0L);

    /** Roles that read purchase orders, notices and invoices besides the supplier portal. */
    static final String INTERNAL_READERS = "hasAnyRole('BUYER','MANAGER','FINANCE','WAREHOUSE','ADMIN')";
    static final String READERS = "hasAnyRole('BUYER','MANAGER','FINANCE','WAREHOUSE','ADMIN','SUPPLIER')";

    private final SupplierScope scope;
    private final PurchaseOrderRepository orders;

    FulfilmentAccess(SupplierScope scope, PurchaseOrderRepository orders) {
        this.scope = scope;
        this.orders = orders;
    }

    /** Empty for internal users; the caller's supplier for SUPPLIER users ({@link #NO_SUPPLIER} when unlinked). */
    Optional<UUID> supplierFilter() {
        CurrentUser user = CurrentUser.get();
        if (!user.hasRole(Roles.SUPPLIER)) {
            return Optional.empty();
        }
        return Optional.of(scope.currentSupplierId().orElse(NO_SUPPLIER));
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
