package io.millflow.ims.replenishment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns accepted replenishment proposals into purchasing documents. Procurement implements this port
 * (inventory does not depend on procurement): it raises requisitions for the proposals, already approved,
 * and purchase orders grouped per supplier.
 */
public interface ReplenishmentOrdering {

    /**
     * Raises requisitions for the given proposals. Idempotent per proposal id: a proposal ordered before
     * returns the document number it got then.
     *
     * @return for each proposal id, the number of the requisition that now covers it
     */
    Map<UUID, String> order(List<AcceptedProposal> proposals);

    /**
     * A proposal a buyer (or the auto-approval decision) accepted.
     *
     * @param quantity in the item's base unit, already rounded to MOQ and pack size
     * @param supplierId the supplier whose terms the proposal used, or {@code null} for "preferred"
     * @param approvedBy the user name of the buyer, or {@code "system"} for automatic approval
     */
    record AcceptedProposal(UUID proposalId, UUID itemId, UUID warehouseId, BigDecimal quantity, UUID supplierId,
            LocalDate neededBy, String approvedBy) {
    }
}
