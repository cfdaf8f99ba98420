/**
 * Predictive reordering (issue #5) as a plain library: demand history per item and warehouse
 * ({@link io.millflow.ims.replenishment.DemandSeries}), its Syntetos–Boylan class, forecasting methods
 * chosen per series by a rolling-origin backtest ({@link io.millflow.ims.replenishment.DemandForecaster}),
 * reorder levels from a {@link io.millflow.ims.replenishment.ReorderRule}
 * ({@link io.millflow.ims.replenishment.ReorderPolicy}), and the tools that check the whole on generated
 * demand: {@link io.millflow.ims.replenishment.DemandGenerator},
 * {@link io.millflow.ims.replenishment.InventorySimulation} and
 * {@link io.millflow.ims.replenishment.PolicyBacktest}.
 * <p>
 * Nothing here touches the database or Spring, except the ports other capabilities implement
 * ({@link io.millflow.ims.replenishment.SupplyTerms}, {@link io.millflow.ims.replenishment.ReplenishmentOrdering},
 * {@link io.millflow.ims.replenishment.OpenInbound}). {@code io.millflow.ims.ReplenishmentRuns} feeds it from the
 * stock ledger's issue moves and runs it from a Quartz job and the {@code stock-replenishment} process (ADR 15).
 * <p>
 * Conventions: day {@code 0} is the first day of a series; quantities are in the item's base unit; a lead
 * time of {@code L} days means that an order placed at the end of day {@code t} is on the shelf at the
 * start of day {@code t + L}.
 */
package io.millflow.ims.replenishment;
