package io.millflow.procurement;

import io.millflow.processes.Roles;
import io.millflow.security.CurrentUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.ProblemException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which supplier the signed-in person belongs to. Internal users belong to none; a SUPPLIER user belongs to
 * the supplier of {@code app_user.supplier_id} and sees only that supplier's records (others answer 404).
 */
@Component
public class SupplierScope {

    private final UserAccounts accounts;

    SupplierScope(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * The supplier of the signed-in SUPPLIER user; empty for anyone who is not a SUPPLIER user.
     *
     * @throws ProblemException.Forbidden for a SUPPLIER user that is linked to no supplier
     */
    public Optional<UUID> currentSupplierId() {
        CurrentUser user = CurrentUser.get();
        if (!isSupplierOnly(user)) {
            return Optional.empty();
        }
        UUID supplierId = accounts.supplierOf(user.username()).orElse(null);
        if (supplierId == null) {
            throw new ProblemException.Forbidden("User " + user.username() + " belongs to no supplier");
        }
        return Optional.of(supplierId);
    }

    /** Whether the user acts for a supplier: role SUPPLIER and no internal role. */
    static boolean isSupplierOnly(CurrentUser user) {
        return user.hasRole(Roles.SUPPLIER) && Roles.INTERNAL.stream().noneMatch(user::hasRole);
    }
}
