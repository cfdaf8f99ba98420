package io.millflow.ims.replenishment;

/**
 * The levels a reorder rule sets for now.
 *
 * @param leadTimeDemand expected demand over the lead time, undershoot included (see {@link ReorderPolicy}; 0
 *        for fixed levels, which do not know it)
 * @param safetyStock stock held against demand above that expectation (0 for fixed levels)
 * @param reorderPoint order when the inventory position is at or below this
 * @param orderUpTo bring the inventory position up to this (before rounding to order multiples)
 */
public record ReorderLevels(double leadTimeDemand, double safetyStock, double reorderPoint, double orderUpTo) {
}
