package io.millflow.procurement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Commands and views of purchase-order fulfilment: confirmation, shipping notices, receipts, invoices, returns. */
public final class FulfilmentViews {

    private FulfilmentViews() {
    }

    // ---- purchase orders

    /** A purchase order in a list. */
    public record PurchaseOrderSummary(UUID id, String number, String status, UUID supplierId, String supplierCode,
            String supplierName, String currency, BigDecimal totalAmount, int revision, String buyer, Instant createdAt,
            Instant sentAt, Instant closedAt) {
    }

    public record PurchaseOrderLineView(UUID id, int lineNo, UUID itemId, String sku, String supplierSku,
            String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal lineAmount,
            LocalDate deliveryDate, String confirmation, BigDecimal confirmedQuantity, LocalDate promisedDate,
            String declineReason, BigDecimal receivedQuantity, BigDecimal returnedQuantity, BigDecimal invoicedQuantity,
            BigDecimal openQuantity, boolean cancelled, boolean lotTracked) {
    }

    public record ReminderView(String kind, String note, String createdBy, Instant createdAt) {
    }

    /** A purchase order with everything that happened to it. */
    public record PurchaseOrderView(UUID id, String number, String status, UUID supplierId, String supplierCode,
            String supplierName, UUID warehouseId, String currency, BigDecimal totalAmount, int revision,
            Integer sentRevision, String buyer, Instant createdAt, Instant sentAt, Instant confirmedAt, Instant closedAt,
            String cancelReason, List<PurchaseOrderLineView> lines, List<ReminderView> reminders,
            List<ShippingNoticeView> shippingNotices, List<GoodsReceiptView> receipts, List<PutAwayView> putAways,
            List<InvoiceView> invoices, List<MatchView> matches, List<ReturnView> returns) {
    }

    // ---- confirmation

    public record ConfirmationCommand(@NotEmpty @Size(max = 500) List<@NotNull @Valid LineAnswer> lines) {
    }

    /** The supplier's answer to one line: CONFIRM with quantity and promised date, or DECLINE with a reason. */
    public record LineAnswer(
            @NotNull UUID purchaseOrderLineId,
            @NotBlank @Pattern(regexp = "CONFIRM|DECLINE", message = "must be CONFIRM or DECLINE") String decision,
            @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal confirmedQuantity,
            LocalDate promisedDate,
            @Size(max = 500) String declineReason) {
    }

    // ---- advance shipping notices

    public record ShippingNoticeCommand(
            @NotNull UUID purchaseOrderId,
            @NotBlank @Size(max = 40) String carrierCode,
            @Size(max = 60) String trackingNumber,
            @NotNull LocalDate shipDate,
            LocalDate expectedDate,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid ShippingNoticeLineCommand> lines) {
    }

    public record ShippingNoticeLineCommand(
            @NotNull UUID purchaseOrderLineId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            @Size(max = 40) String lot,
            LocalDate lotExpiry) {
    }

    public record ShippingNoticeLineView(UUID id, int lineNo, UUID purchaseOrderLineId, int purchaseOrderLineNo,
            UUID itemId, String description, BigDecimal quantity, String unit, String lot, LocalDate lotExpiry,
            BigDecimal receivedQuantity) {
    }

    public record ShippingNoticeView(UUID id, String number, UUID purchaseOrderId, String purchaseOrderNumber,
            UUID supplierId, String carrierCode, String trackingNumber, LocalDate shipDate, LocalDate expectedDate,
            String status, String submittedBy, Instant submittedAt, Instant receivedAt,
            List<ShippingNoticeLineView> lines) {
    }

    // ---- goods receipts and put-away

    public record GoodsReceiptCommand(
            @NotNull UUID asnId,
            @NotNull UUID receivingLocationId,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid GoodsReceiptLineCommand> lines) {
    }

    /** What arrived for one shipping-notice line (0 when nothing came); lot and expiry for lot-tracked items. */
    public record GoodsReceiptLineCommand(
            @NotNull UUID asnLineId,
            @NotNull @DecimalMin(value = "0") @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            @Size(max = 40) String lot,
            LocalDate lotExpiry,
            @Size(max = 10_000) List<@NotBlank @Size(max = 60) String> serials) {
    }

    public record GoodsReceiptLineView(UUID id, int lineNo, UUID purchaseOrderLineId, UUID asnLineId, UUID itemId,
            String description, BigDecimal quantity, String unit, String lot, LocalDate lotExpiry,
            BigDecimal putAwayQuantity) {
    }

    public record GoodsReceiptView(UUID id, String number, UUID purchaseOrderId, String purchaseOrderNumber,
            UUID asnId, String asnNumber, UUID receivingLocationId, String receivingLocationCode,
            UUID stockDocumentId, String stockDocumentNumber, String receivedBy, Instant receivedAt,
            List<GoodsReceiptLineView> lines) {
    }

    public record PutAwayCommand(@NotEmpty @Size(max = 500) List<@NotNull @Valid PutAwayLineCommand> lines) {
    }

    public record PutAwayLineCommand(
            @NotNull UUID goodsReceiptLineId,
            @NotNull UUID toLocationId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity) {
    }

    public record PutAwayView(UUID id, String number, UUID purchaseOrderId, UUID stockDocumentId,
            String stockDocumentNumber, String putAwayBy, Instant putAwayAt) {
    }

    // ---- returns

    public record ReturnCommand(
            @NotBlank @Size(max = 500) String reason,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid ReturnLineCommand> lines) {
    }

    public record ReturnLineCommand(
            @NotNull UUID purchaseOrderLineId,
            @NotNull UUID fromLocationId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            @Size(max = 40) String lot) {
    }

    public record ReturnView(UUID id, String number, UUID purchaseOrderId, UUID stockDocumentId,
            String stockDocumentNumber, String reason, String returnedBy, Instant returnedAt) {
    }

    // ---- invoices

    /** A supplier invoice with its PDF (base64; at most {@link SupplierInvoices#MAX_FILE_BYTES} bytes). */
    public record InvoiceCommand(
            @NotNull UUID purchaseOrderId,
            @NotBlank @Size(max = 40) String invoiceNumber,
            @NotNull LocalDate invoiceDate,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be a three-letter ISO currency code") String currency,
            @DecimalMin(value = "0") @Digits(integer = 17, fraction = 2) BigDecimal taxAmount,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid InvoiceLineCommand> lines,
            @NotNull @Valid InvoiceFile file) {
    }

    public record InvoiceLineCommand(
            @NotNull UUID purchaseOrderLineId,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 12, fraction = 3) BigDecimal quantity,
            @NotNull @DecimalMin(value = "0") @Digits(integer = 11, fraction = 4) BigDecimal unitPrice) {
    }

    public record InvoiceFile(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 100) String contentType,
            @NotBlank String contentBase64) {
    }

    public record InvoiceLineView(int lineNo, UUID purchaseOrderLineId, int purchaseOrderLineNo, BigDecimal quantity,
            BigDecimal unitPrice, BigDecimal lineAmount) {
    }

    /** An invoice and its payment status (due date, paid). */
    public record InvoiceView(UUID id, UUID purchaseOrderId, String purchaseOrderNumber, UUID supplierId,
            String invoiceNumber, LocalDate invoiceDate, LocalDate dueDate, String currency, BigDecimal netAmount,
            BigDecimal taxAmount, BigDecimal totalAmount, String status, String paymentStatus, String decidedBy,
            String decisionComment, Instant paidAt, String paymentReference, String fileName, Integer fileSize,
            String submittedBy, Instant submittedAt, List<InvoiceLineView> lines) {
    }

    public record PaymentCommand(@NotBlank @Size(max = 60) String paymentReference) {
    }

    /** The PDF of an invoice. */
    public record InvoiceDocument(String fileName, String contentType, byte[] content) {
    }

    // ---- three-way match

    public record MatchLineView(UUID purchaseOrderLineId, int lineNo, BigDecimal orderedQuantity,
            BigDecimal receivedQuantity, BigDecimal invoicedQuantity, BigDecimal orderPrice, BigDecimal invoicePrice,
            BigDecimal priceTolerancePercent, BigDecimal quantityTolerancePercent, boolean quantityOk, boolean priceOk) {
    }

    public record MatchView(UUID id, UUID invoiceId, boolean matched, String summary, Instant matchedAt,
            List<MatchLineView> lines) {
    }
}
