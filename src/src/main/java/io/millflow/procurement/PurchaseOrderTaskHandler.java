package io.millflow.procurement;

import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import io.millflow.shared.inbox.InboxTask;
import io.millflow.shared.inbox.TaskDecision;
import io.millflow.shared.inbox.TaskDecisionHandler;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decisions on the buyer tasks of {@code purchase-order} in the inbox. "Receive goods" and "Put away" are not
 * decided here: posting the receipt or the put-away completes them.
 */
@Component
class PurchaseOrderTaskHandler implements TaskDecisionHandler {

    private final PurchaseOrderFulfilment fulfilment;
    private final SupplierInvoices invoices;
    private final PurchaseOrderRepository orders;

    PurchaseOrderTaskHandler(PurchaseOrderFulfilment fulfilment, SupplierInvoices invoices,
            PurchaseOrderRepository orders) {
        this.fulfilment = fulfilment;
        this.invoices = invoices;
        this.orders = orders;
    }

    @Override
    public String processKey() {
        return ProcessKeys.PURCHASE_ORDER;
    }

    @Override
    public Map<String, Object> decide(InboxTask task, CurrentUser user, TaskDecision decision, boolean overdue) {
        UUID poId = UUID.fromString(task.businessKey());
        boolean approved = decision.approved();
        String comment = decision.comment();
        return switch (task.activityId()) {
            case "AssignSupplier" -> {
                PurchaseOrder po = orders.findById(poId).orElseThrow(() -> FulfilmentAccess.notFound(poId));
                if (!approved) {
                    throw new ProblemException.Conflict("To drop order " + po.getNumber() + ", cancel it");
                }
                if (!fulfilment.supplierReady(po)) {
                    throw new ProblemException.Conflict("Order " + po.getNumber()
                            + " has no supplier or its supplier is blocked; assign an unblocked supplier first");
                }
                yield Map.of(Variables.SUPPLIER_READY, true);
            }
            case "ChaseConfirmation" -> {
                fulfilment.recordChase(poId, comment, user.username());
                yield Map.of();
            }
            case "ReviewDeclinedOrder" -> {
                if (!approved) {
                    if (comment == null || comment.isBlank()) {
                        throw new ProblemException.InvalidInput("comment", "is required to drop the order");
                    }
                    fulfilment.dropDeclined(poId, comment.strip(), user.username());
                }
                yield Map.of(Variables.APPROVED, approved);
            }
            case "ResolveInvoiceMismatch" -> {
                boolean pending = invoices.decideMismatch(poId, approved, comment, user.username());
                yield Map.of(Variables.APPROVED, approved, Variables.INVOICE_PENDING, pending);
            }
            case "ReceiveGoods" -> throw new ProblemException.Conflict(
                    "Post the goods receipt (Receive goods panel, or POST /api/v1/goods-receipts); it completes this task");
            case "PutAway" -> throw new ProblemException.Conflict(
                    "Post the put-away (Put away panel, or POST /api/v1/purchase-orders/{id}/put-away); it completes "
                            + "this task");
            default -> throw new ProblemException.Conflict("Task " + task.name() + " cannot be decided here");
        };
    }
}
