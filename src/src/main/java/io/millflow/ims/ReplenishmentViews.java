package io.millflow.ims;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of reorder rules, replenishment runs, their proposals and the forecast chart. */
public final class ReplenishmentViews {

    private ReplenishmentViews() {
    }

    /**
     * A reorder rule to create or change. FIXED_MIN_MAX needs {@code min} and {@code max}; FORECAST needs
     * {@code serviceLevel} in percent (50 to 99.9). Lead time, MOQ and pack size override the preferred supplier's
     * terms when given. {@code version} (on change only) guards against overwriting someone else's change.
     */
    public record ReorderRuleCommand(
            @NotNull UUID itemId,
            @NotNull UUID warehouseId,
            @NotBlank String type,
            @Digits(integer = 12, fraction = 6) BigDecimal min,
            @Digits(integer = 12, fraction = 6) BigDecimal max,
            @Digits(integer = 3, fraction = 2) BigDecimal serviceLevel,
            Integer coverDays,
            Integer leadTimeDays,
            @Digits(integer = 12, fraction = 6) BigDecimal minimumOrderQuantity,
            @Digits(integer = 12, fraction = 6) BigDecimal packSize,
            Boolean active,
            Long version) {
    }

    public record ReorderRuleView(UUID id, UUID itemId, String sku, String itemName, String baseUnit, UUID warehouseId,
            String warehouseCode, String type, BigDecimal min, BigDecimal max, BigDecimal serviceLevel, int coverDays,
            Integer leadTimeDays, BigDecimal minimumOrderQuantity, BigDecimal packSize, boolean active,
            String updatedBy, Instant updatedAt, long version) {
    }

    public record RunView(UUID id, String trigger, String startedBy, Instant startedAt, Instant finishedAt,
            String status, LocalDate asOf, Integer pairs, Integer proposals, Integer autoProposals,
            Integer reviewProposals, Long loadMs, Long planMs, Long writeMs, Long durationMs,
            String processInstanceId) {
    }

    public record ProposalView(UUID id, UUID runId, UUID itemId, String sku, String itemName, String baseUnit,
            String abcClass, UUID warehouseId, String warehouseCode, String ruleType, BigDecimal onHand,
            BigDecimal reserved, BigDecimal inbound, BigDecimal inventoryPosition, BigDecimal reorderPoint,
            BigDecimal safetyStock, BigDecimal orderUpTo, int leadTimeDays, String forecastMethod,
            String demandClass, BigDecimal forecastPerDay, BigDecimal proposedQuantity, BigDecimal quantity,
            UUID supplierId, String supplierName, BigDecimal unitPrice, String currency, BigDecimal valueEur,
            String decision, String status, String requisitionNumber, String decidedBy, Instant decidedAt,
            String comment, long version) {
    }

    /**
     * A buyer's decision on one proposal: APPROVE (optionally with another quantity) or REJECT.
     */
    public record ProposalDecision(
            @NotBlank String action,
            @Digits(integer = 12, fraction = 6) BigDecimal quantity,
            @Size(max = 2000) String comment) {
    }

    /** Counts a run's computation ends with, for the process. */
    public record RunCounts(int pairs, int proposals, int autoProposals, int reviewProposals) {
    }

    /** Demand per day (history) and the forecast from the next day on. */
    public record DemandPoint(LocalDate day, double quantity) {
    }

    /**
     * What the item page's chart shows for one item in one warehouse: daily demand, the forecast, and the
     * reorder levels now, with the stock on hand over time.
     */
    public record ForecastView(UUID itemId, UUID warehouseId, String warehouseCode, UUID ruleId, String ruleType,
            String demandClass, String method, double forecastPerDay, int leadTimeDays, double serviceLevel,
            double leadTimeDemand, double safetyStock, double reorderPoint, double orderUpTo, double onHand,
            double inventoryPosition, List<DemandPoint> history, List<DemandPoint> forecast,
            List<StockViews.StockPoint> stock) {
    }
}
