package io.millflow.ims;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Commands and views of cycle counts. */
public final class CycleCountViews {

    private CycleCountViews() {
    }

    /** A count sheet for a location (and everything under it) or for the items of an ABC class in a warehouse. */
    public record CycleCountCommand(
            @NotNull UUID warehouseId,
            UUID locationId,
            @Pattern(regexp = "[ABC]", message = "must be A, B or C") String abcClass) {
    }

    /** One counted quantity (base unit); entries not on the sheet are stock found where the book has none. */
    public record CountEntry(
            @NotNull UUID locationId,
            @NotNull UUID itemId,
            @Size(max = 40) String lot,
            @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 6) BigDecimal countedQuantity) {
    }

    public record CountSubmission(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid CountEntry> lines) {
    }

    /**
     * A line. While the count is OPEN (blind count) the book quantity, difference and tolerance are not shown;
     * they are taken when the counts are submitted.
     */
    public record CountLineView(int lineNo, UUID locationId, String locationCode, UUID itemId, String sku,
            String itemName, String unit, UUID lotId, String lot, BigDecimal bookQuantity,
            BigDecimal countedQuantity, BigDecimal difference, BigDecimal tolerancePercent, String outcome,
            UUID documentId) {
    }

    public record CycleCountView(UUID id, String number, UUID warehouseId, UUID locationId, String abcClass,
            String status, String createdBy, Instant createdAt, String countedBy, Instant countedAt, String decidedBy,
            Instant decidedAt, String decisionComment, String processInstanceId, List<CountLineView> lines) {
    }
}
