package io.millflow.procurement;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One requisition line. A <b>catalogue line</b> names {@code itemId} and optionally {@code supplierItemId} or
 * {@code supplierId} (default: the item's preferred supplier); unit (the supplier item's order unit), price
 * and currency come from the catalogue for the quantity on the needed-by day, so {@code unitPrice} and
 * {@code currency} stay empty. A <b>free-text line</b> has no {@code itemId}: {@code description},
 * {@code unitPrice}, {@code currency} (default: the requisition's), {@code unit} (default PCS) and optionally
 * {@code supplierId}. {@code neededBy} defaults to the requisition's.
 */
public record NewRequisitionLine(
        UUID itemId,
        UUID supplierItemId,
        UUID supplierId,
        @Size(max = 500) String description,
        @NotNull @Positive @DecimalMax(value = "1000000", message = "must not exceed 1,000,000")
        @Digits(integer = 7, fraction = 3, message = "must have at most 3 decimals") BigDecimal quantity,
        @Size(max = 10) String unit,
        @Positive @DecimalMax(value = "10000000", message = "must not exceed 10,000,000")
        @Digits(integer = 8, fraction = 4, message = "must have at most 4 decimals") BigDecimal unitPrice,
        @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as EUR") String currency,
        @FutureOrPresent LocalDate neededBy) {

    /** A catalogue line for the item's preferred supplier. */
    public static NewRequisitionLine catalogue(UUID itemId, BigDecimal quantity) {
        return new NewRequisitionLine(itemId, null, null, null, quantity, null, null, null, null);
    }

    /** A free-text line. */
    public static NewRequisitionLine freeText(String description, BigDecimal quantity, String unit,
            BigDecimal unitPrice, String currency, UUID supplierId) {
        return new NewRequisitionLine(null, null, supplierId, description, quantity, unit, unitPrice, currency, null);
    }
}
