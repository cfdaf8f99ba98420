package io.millflow.ims;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of reservations. */
public final class ReservationViews {

    private ReservationViews() {
    }

    public enum PurposeType {
        PROJECT, TASK, ORDER, COST_CENTRE
    }

    /** Reserve {@code quantity} (base unit) of an item in a warehouse, optionally of one lot, for a purpose. */
    public record ReservationCommand(
            @NotNull UUID itemId,
            @NotNull UUID warehouseId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6) BigDecimal quantity,
            @Size(max = 40) String lot,
            @NotNull PurposeType purposeType,
            @NotBlank @Size(max = 100) String purposeRef,
            LocalDate neededBy) {
    }

    /** Issue (part of) a reservation's stock; the whole open quantity when {@code quantity} is empty. */
    public record ConsumptionCommand(
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6) BigDecimal quantity,
            @Size(max = 500) String reason) {
    }

    /** What consuming a reservation posted: the issue document, its quantity (base unit) and ledger value (EUR). */
    public record Issued(StockViews.DocumentView document, BigDecimal quantity, BigDecimal value) {
    }

    public record AllocationView(UUID quantId, UUID locationId, String locationCode, UUID lotId, String lot,
            BigDecimal quantity) {
    }

    public record ReservationView(UUID id, String number, UUID itemId, String sku, UUID warehouseId, UUID lotId,
            String lot, BigDecimal quantity, BigDecimal consumedQuantity, BigDecimal openQuantity,
            PurposeType purposeType, String purposeRef, LocalDate neededBy, String status, String createdBy,
            Instant createdAt, Instant closedAt, List<AllocationView> allocations) {
    }
}
