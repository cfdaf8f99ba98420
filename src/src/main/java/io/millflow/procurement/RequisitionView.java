package io.millflow.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A requisition as the API and the views show it, with its approval trail and lines. {@code itemDescription},
 * {@code quantity} and {@code unitPrice} summarise the first line; {@code totalAmount} is the sum of the lines in
 * {@code currency}; {@code purchaseOrderNumber} is the first of {@code purchaseOrderNumbers} (one per supplier).
 */
public record RequisitionView(
        UUID id,
        String number,
        RequisitionStatus status,
        String requester,
        String itemDescription,
        BigDecimal quantity,
        BigDecimal unitPrice,
        String currency,
        BigDecimal totalAmount,
        BigDecimal totalAmountEur,
        LocalDate neededBy,
        String justification,
        String costCentre,
        List<String> approvalLevels,
        List<Approval> approvals,
        String rejectionReason,
        String purchaseOrderNumber,
        String processInstanceId,
        Instant createdAt,
        RequisitionSource source,
        UUID warehouseId,
        List<Line> lines,
        List<String> purchaseOrderNumbers) {

    /** One line; amounts in the line's currency (a catalogue line: the supplier's). */
    public record Line(int lineNo, UUID itemId, UUID supplierItemId, UUID supplierId, String supplierCode,
            String description, BigDecimal quantity, String unit, BigDecimal unitPrice, String currency,
            BigDecimal lineAmount, LocalDate neededBy) {
    }

    /** One level of the chain: decided (APPROVED / REJECTED) or still PENDING. */
    public record Approval(int level, String role, String decidedBy, String decision, String comment,
            Instant decidedAt, boolean overdue) {
    }
}
