package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Purchase orders. Creation is idempotent per requisition: a retried worker finds the first order. */
@Service
public class PurchaseOrders {

    private static final Logger log = LoggerFactory.getLogger(PurchaseOrders.class);

    private final PurchaseOrderRepository orders;
    private final PurchaseRequisitionRepository requisitions;
    private final RequisitionApprovalRepository approvals;
    private final DocumentNumbers numbers;
    private final AuditService audit;
    private final Clock clock;

    PurchaseOrders(PurchaseOrderRepository orders, PurchaseRequisitionRepository requisitions,
            RequisitionApprovalRepository approvals, DocumentNumbers numbers, AuditService audit, Clock clock) {
        this.orders = orders;
        this.requisitions = requisitions;
        this.approvals = approvals;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Creates the one purchase order of a fully approved requisition and marks it ORDERED; when the
     * order exists already (a retry), returns it unchanged.
     *
     * @throws ProblemException.Conflict when the requisition is not fully approved
     */
    @Transactional
    public PurchaseOrder createForRequisition(UUID requisitionId) {
        PurchaseRequisition req = requisitions.lockById(requisitionId)
                .orElseThrow(() -> new ProblemException.NotFound("No requisition " + requisitionId));
        List<PurchaseOrder> existing = orders.findByRequisitionIdOrderByNumber(requisitionId);
        if (!existing.isEmpty()) {
            log.info("Purchase order {} of requisition {} exists already", existing.get(0).getNumber(), req.getNumber());
            return existing.get(0);
        }
        if (req.getStatus() != RequisitionStatus.IN_APPROVAL) {
            throw new ProblemException.Conflict("Requisition " + req.getNumber() + " is " + req.getStatus());
        }
        List<RequisitionApproval> decided = approvals.findByRequisitionIdOrderByLevel(requisitionId);
        long approvedLevels = decided.stream().filter(RequisitionApproval::isApproved).count();
        if (approvedLevels != req.approvalLevelList().size() || decided.size() != approvedLevels) {
            throw new ProblemException.Conflict("Requisition " + req.getNumber() + " has " + approvedLevels + " of "
                    + req.approvalLevelList().size() + " approvals");
        }
        Map<String, Object> before = PurchaseRequisitions.snapshot(req);
        PurchaseOrder po = orders.save(new PurchaseOrder(numbers.next("PO"), req.getId(), null, null,
                req.getCurrency(), null, req.getItemDescription(), clock.instant()));
        po.total(req.getTotalAmount(), clock.instant());
        req.ordered(po.getNumber(), clock.instant());
        audit.record("system", "CREATED", "PurchaseOrder", po.getId().toString(), null,
                Map.of("number", po.getNumber(), "requisition", req.getNumber(), "totalAmount", po.getTotalAmount(),
                        "currency", po.getCurrency()));
        audit.record("system", "ORDERED", PurchaseRequisitions.ENTITY, req.getId().toString(), before,
                PurchaseRequisitions.snapshot(req));
        log.info("Purchase order {} created for requisition {}", po.getNumber(), req.getNumber());
        return po;
    }

    @Transactional(readOnly = true)
    public long countForRequisition(UUID requisitionId) {
        return orders.countByRequisitionId(requisitionId);
    }
}
