package io.millflow.ims.replenishment;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The purchasing terms replenishment needs from procurement: for each item, its preferred supplier's lead
 * time, minimum order quantity, pack size and price. Procurement implements this port (inventory does not
 * depend on procurement); a reorder rule's own values, when set, take precedence.
 */
public interface SupplyTerms {

    /** The terms of the preferred supplier of each given item that has one; items without one are absent. */
    Map<UUID, Terms> preferred(Collection<UUID> itemIds);

    /**
     * Terms of one supplier for one item.
     *
     * @param leadTimeDays days from order to goods on the shelf
     * @param minimumOrderQuantity in the item's base unit, {@code 0} when there is none
     * @param packSize in the item's base unit, {@code 1} when the item is sold singly
     * @param unitPrice price per base unit in {@code currency} for the minimum order quantity
     */
    record Terms(UUID supplierId, String supplierName, int leadTimeDays, BigDecimal minimumOrderQuantity,
            BigDecimal packSize, BigDecimal unitPrice, String currency) {
    }
}
