package io.millflow.ims;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of transfers (pickings). */
public final class TransferViews {

    private TransferViews() {
    }

    public record TransferCommand(
            @Size(max = 100) String reference,
            @Size(max = 500) String note,
            LocalDate scheduledFor,
            @NotEmpty @Size(max = 1000) List<@NotNull @Valid TransferLineCommand> lines) {
    }

    public record TransferLineCommand(
            @NotNull UUID itemId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6) BigDecimal quantity,
            @Size(max = 10) String unit,
            @NotNull UUID fromLocationId,
            @NotNull UUID toLocationId,
            @Size(max = 40) String lot,
            @Size(max = 1000) List<@Size(max = 60) String> serials) {
    }

    public record TransferLineView(int lineNo, UUID itemId, String sku, BigDecimal quantity, String unit,
            BigDecimal baseQuantity, UUID fromLocationId, String fromLocationCode, UUID toLocationId,
            String toLocationCode, String lot, List<String> serials) {
    }

    public record TransferView(UUID id, String number, String status, String reference, String note,
            LocalDate scheduledFor, UUID documentId, String createdBy, Instant createdAt, Instant updatedAt, long version,
            List<TransferLineView> lines) {
    }
}
