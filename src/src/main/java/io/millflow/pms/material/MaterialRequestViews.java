package io.millflow.pms.material;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of material requests. Quantities are in the item's base unit; values in EUR. */
public final class MaterialRequestViews {

    private MaterialRequestViews() {
    }

    /**
     * Materials a task needs from a warehouse by a day. {@code taskId} is taken from the path on
     * {@code /api/v1/tasks/{id}/material-requests}.
     */
    public record MaterialRequestCommand(
            UUID taskId,
            @NotNull UUID warehouseId,
            @NotNull LocalDate neededBy,
            @Size(max = 2000) String note,
            @NotEmpty @Size(max = 50, message = "must have at most 50 lines") List<@NotNull @Valid LineCommand> lines) {
    }

    public record LineCommand(
            @NotNull UUID itemId,
            @NotNull @Positive @DecimalMax(value = "1000000", message = "must not exceed 1,000,000")
            @Digits(integer = 7, fraction = 3, message = "must have at most 3 decimals") BigDecimal quantity) {
    }

    /** A line; {@code openReservationIds} are the ims reservations that hold its stock now (what to pick). */
    public record LineView(UUID id, int lineNo, UUID itemId, String sku, String itemName, String unit,
            BigDecimal quantity, BigDecimal reservedQuantity, BigDecimal requisitionedQuantity,
            BigDecimal issuedQuantity, BigDecimal issuedValue, List<UUID> openReservationIds) {
    }

    public record MaterialRequestView(UUID id, String number, UUID projectId, String projectCode, UUID taskId,
            UUID warehouseId, String warehouseCode, LocalDate neededBy, String note, String requestedBy,
            MaterialRequestStatus status, UUID requisitionId, String requisitionNumber, String pickedBy,
            String cancelledBy, BigDecimal issuedQuantity, BigDecimal issuedValue, Instant createdAt,
            Instant updatedAt, List<LineView> lines) {
    }

    /** What the reserve step found: whether something is still short and whether the shortfall was requisitioned. */
    public record ReserveResult(boolean shortOfStock, boolean requisitionRaised) {
    }
}
