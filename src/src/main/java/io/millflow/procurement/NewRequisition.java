package io.millflow.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What an employee submits to ask for a purchase: either {@code lines} (catalogue and free-text lines), or the
 * one-line shape of before (item description, quantity, unit price, currency), which becomes one free-text line.
 * With lines, {@code currency} (optional) is the requisition's currency, in which its total is kept; it
 * defaults to the first line's.
 */
public record NewRequisition(
        @Size(max = 500) String itemDescription,
        @Positive @DecimalMax(value = "1000000", message = "must not exceed 1,000,000")
        @Digits(integer = 7, fraction = 3, message = "must have at most 3 decimals") BigDecimal quantity,
        @Positive @DecimalMax(value = "10000000", message = "must not exceed 10,000,000")
        @Digits(integer = 8, fraction = 2, message = "must have at most 2 decimals") BigDecimal unitPrice,
        @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as EUR") String currency,
        @NotNull @FutureOrPresent LocalDate neededBy,
        @NotBlank @Size(max = 2000) String justification,
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 upper-case letters, digits or '-'")
        String costCentre,
        UUID warehouseId,
        @Size(max = 100, message = "must have at most 100 lines") List<@NotNull @Valid NewRequisitionLine> lines) {

    /** The one-line shape of before. */
    public NewRequisition(String itemDescription, BigDecimal quantity, BigDecimal unitPrice, String currency,
            LocalDate neededBy, String justification, String costCentre) {
        this(itemDescription, quantity, unitPrice, currency, neededBy, justification, costCentre, null, null);
    }

    boolean hasLines() {
        return lines != null && !lines.isEmpty();
    }
}
