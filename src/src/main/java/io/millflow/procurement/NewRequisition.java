package io.millflow.procurement;

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

/** What an employee submits to ask for a purchase. */
public record NewRequisition(
        @NotBlank @Size(max = 500) String itemDescription,
        @NotNull @Positive @DecimalMax(value = "1000000", message = "must not exceed 1,000,000")
        @Digits(integer = 7, fraction = 3, message = "must have at most 3 decimals") BigDecimal quantity,
        @NotNull @Positive @DecimalMax(value = "10000000", message = "must not exceed 10,000,000")
        @Digits(integer = 8, fraction = 2, message = "must have at most 2 decimals") BigDecimal unitPrice,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO 4217 code such as EUR") String currency,
        @NotNull @FutureOrPresent LocalDate neededBy,
        @NotBlank @Size(max = 2000) String justification,
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,19}", message = "must be 2-20 upper-case letters, digits or '-'")
        String costCentre) {
}
