package io.millflow.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and answers of purchase order assignment, change and cancellation (reading orders: fulfilment). */
public final class PurchaseOrderCommands {

    private PurchaseOrderCommands() {
    }

    public record AssignSupplier(@NotNull UUID supplierId) {
    }

    public record Cancel(@NotBlank @Size(max = 2000) String reason) {
    }

    /** What a change does to one line. */
    public enum Action {
        /** New quantity, unit price and/or delivery date of an open line (empty fields stay). */
        CHANGE,
        /** A new line: catalogue ({@code itemId}, price from the order's supplier) or free text. */
        ADD,
        /** Cancel an open line (it stays on the order, no longer counted). */
        CANCEL
    }

    /** A change of a purchase order: one or more line actions, applied together or not at all. */
    public record Change(@Size(max = 2000) String reason,
            @NotEmpty @Size(max = 100) List<@NotNull @Valid ChangeLine> lines) {
    }

    public record ChangeLine(
            @NotNull Action action,
            UUID lineId,
            UUID itemId,
            @Size(max = 500) String description,
            @Positive @DecimalMax(value = "1000000", message = "must not exceed 1,000,000")
            @Digits(integer = 7, fraction = 3, message = "must have at most 3 decimals") BigDecimal quantity,
            @Size(max = 10) String unit,
            @Positive @DecimalMax(value = "10000000", message = "must not exceed 10,000,000")
            @Digits(integer = 8, fraction = 4, message = "must have at most 4 decimals") BigDecimal unitPrice,
            LocalDate deliveryDate) {
    }

    /** A change as recorded: APPLIED at once (total not raised), or IN_APPROVAL with its levels, later APPLIED / REJECTED. */
    public record ChangeView(UUID id, UUID purchaseOrderId, String purchaseOrderNumber, String status,
            BigDecimal oldTotal, BigDecimal newTotal, String currency, BigDecimal newTotalEur,
            List<String> approvalLevels, String requestedBy, String reason, String rejectionReason, int revision,
            Instant createdAt, Instant decidedAt) {
    }

    /** An order after assignment, change or cancellation: header and lines. */
    public record OrderView(UUID id, String number, PurchaseOrderStatus status, UUID supplierId, String currency,
            BigDecimal totalAmount, int revision, String cancelReason, List<OrderLine> lines) {
    }

    public record OrderLine(UUID id, int lineNo, UUID itemId, String supplierSku, String description,
            BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal lineAmount, LocalDate deliveryDate,
            boolean cancelled) {
    }
}
