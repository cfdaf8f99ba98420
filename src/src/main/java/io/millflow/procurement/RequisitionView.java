package io.millflow.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A requisition as the API and the views show it, with its approval trail. */
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
        Instant createdAt) {

    /** One level of the chain: decided (APPROVED / REJECTED) or still PENDING. */
    public record Approval(int level, String role, String decidedBy, String decision, String comment,
            Instant decidedAt, boolean overdue) {
    }
}
