package io.millflow.ims;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of the stock ledger. */
public final class StockViews {

    private StockViews() {
    }

    /** Largest number of lines in one posting document. */
    public static final int MAX_LINES = 10_000;

    /** A posting document: one movement type, many lines, posted all or nothing. */
    public record PostingCommand(
            @NotBlank String movementType,
            LocalDate postingDate,
            @Size(max = 100) String reference,
            @Size(max = 500) String reason,
            @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid PostingLine> lines) {
    }

    /**
     * A line: the quantity in {@code unit} (the item's base unit when empty); the shelf locations the type
     * needs (from for issues, to for receipts, both for transfers); the lot (lot-tracked items) and the serial
     * numbers (serial-tracked items, one per unit); the unit cost for receipts; the reservation an issue consumes.
     */
    public record PostingLine(
            @NotNull UUID itemId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 6) BigDecimal quantity,
            @Size(max = 10) String unit,
            UUID fromLocationId,
            UUID toLocationId,
            @Size(max = 40) String lot,
            LocalDate lotExpiry,
            @Size(max = 10_000) List<@NotBlank @Size(max = 60) String> serials,
            @DecimalMin(value = "0") @Digits(integer = 13, fraction = 6) BigDecimal unitCost,
            UUID reservationId) {
    }

    public record MoveView(UUID id, UUID documentId, String documentNumber, int lineNo, String movementType,
            UUID itemId, String sku, BigDecimal quantity, BigDecimal enteredQuantity, String enteredUnit,
            UUID fromLocationId, String fromLocationCode, UUID toLocationId, String toLocationCode, UUID lotId,
            String lot, List<String> serials, BigDecimal unitCost, BigDecimal value, UUID reservationId,
            UUID reversalOf, LocalDate postingDate, Instant postedAt) {
    }

    public record DocumentView(UUID id, String number, String movementType, String movementLabel,
            LocalDate postingDate, String reference, String reason, UUID reversalOf, UUID reversedBy,
            String postedBy, Instant postedAt, int lineCount, List<MoveView> lines) {
    }

    /** On hand, reserved and available of an item at a location and lot (one quant). */
    public record StockRow(UUID itemId, String sku, String itemName, String unit, UUID siteId, String siteCode,
            UUID warehouseId, String warehouseCode, UUID locationId, String locationCode, String locationType,
            UUID lotId, String lot, LocalDate lotExpiry, BigDecimal onHand, BigDecimal reserved,
            BigDecimal available, BigDecimal incoming) {
    }

    /** Totals of a stock query. */
    public record StockTotals(BigDecimal onHand, BigDecimal reserved, BigDecimal available, BigDecimal incoming) {
    }

    /**
     * A page of stock rows. {@code total} is exact up to {@link StockQueries#COUNT_CAP} ({@code totalCapped} says
     * there are more); {@code totals} are given for one item or when the query has at most {@link StockQueries#TOTALS_CAP} rows.
     */
    public record StockPage(List<StockRow> items, int page, int size, long total, boolean totalCapped,
            StockTotals totals) {
    }

    /** Quantity and value of an item at a site (moving average). */
    public record ValuationView(UUID itemId, UUID siteId, String siteCode, BigDecimal quantity, BigDecimal value,
            BigDecimal averageUnitCost) {
    }

    /** One point of an item's stock over time (end of day). */
    public record StockPoint(LocalDate day, BigDecimal onHand) {
    }

    public record ReversalCommand(@Size(max = 500) String reason) {
    }
}
