package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.processes.Messages;
import io.millflow.processes.Variables;
import io.millflow.procurement.FulfilmentViews.ConfirmationCommand;
import io.millflow.procurement.FulfilmentViews.LineAnswer;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The supplier's answer to a sent order: confirm each line with a quantity (at most the ordered one) and a promised
 * date, or decline it with a reason. Lines may be answered in several calls; when none is left open the process
 * goes on (all declined: a buyer reviews). Roles: SUPPLIER of the order's supplier (others' orders answer 404).
 */
@Service
@Validated
public class SupplierConfirmations {

    private final FulfilmentAccess access;
    private final PurchaseOrderLineRepository lines;
    private final PurchaseOrderProcess process;
    private final PurchaseOrderQueries queries;
    private final AuditService audit;
    private final Clock clock;

    SupplierConfirmations(FulfilmentAccess access, PurchaseOrderLineRepository lines, PurchaseOrderProcess process,
            PurchaseOrderQueries queries, AuditService audit, Clock clock) {
        this.access = access;
        this.lines = lines;
        this.process = process;
        this.queries = queries;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('SUPPLIER')")
    public PurchaseOrderView answer(UUID purchaseOrderId, @Valid ConfirmationCommand cmd) {
        String actor = CurrentUser.get().username();
        access.requireSupplier();
        PurchaseOrder po = access.lockedOrder(purchaseOrderId);
        if (po.getStatus() != PurchaseOrderStatus.SENT) {
            throw new FulfilmentProblems.OrderState("Order " + po.getNumber() + " is " + po.getStatus()
                    + "; lines are confirmed while it is SENT");
        }
        Map<UUID, PurchaseOrderLine> byId = lines.findByPurchaseOrderIdOrderByLineNo(po.getId()).stream()
                .collect(Collectors.toMap(PurchaseOrderLine::getId, Function.identity()));
        LocalDate today = LocalDate.now(clock);
        Set<UUID> seen = new HashSet<>();
        // check everything before changing anything
        for (int i = 0; i < cmd.lines().size(); i++) {
            LineAnswer a = cmd.lines().get(i);
            String field = "lines[" + i + "]";
            PurchaseOrderLine line = byId.get(a.purchaseOrderLineId());
            if (line == null || line.isCancelled()) {
                throw new ProblemException.InvalidInput(field + ".purchaseOrderLineId",
                        "is not an open line of order " + po.getNumber());
            }
            if (!seen.add(line.getId())) {
                throw new ProblemException.InvalidInput(field + ".purchaseOrderLineId", "is answered twice");
            }
            if ("CONFIRM".equals(a.decision())) {
                if (a.confirmedQuantity() == null) {
                    throw new ProblemException.InvalidInput(field + ".confirmedQuantity", "is required to confirm");
                }
                if (a.confirmedQuantity().compareTo(line.getQuantity()) > 0) {
                    throw new ProblemException.InvalidInput(field + ".confirmedQuantity", "must not exceed the ordered "
                            + line.getQuantity().stripTrailingZeros().toPlainString() + " " + line.getUnit());
                }
                if (a.promisedDate() == null || a.promisedDate().isBefore(today)) {
                    throw new ProblemException.InvalidInput(field + ".promisedDate", "is required and not in the past");
                }
            } else if (a.declineReason() == null || a.declineReason().isBlank()) {
                throw new ProblemException.InvalidInput(field + ".declineReason", "is required to decline");
            }
        }
        for (LineAnswer a : cmd.lines()) {
            PurchaseOrderLine line = byId.get(a.purchaseOrderLineId());
            Map<String, Object> before = snapshot(line);
            if ("CONFIRM".equals(a.decision())) {
                line.confirm(a.confirmedQuantity(), a.promisedDate());
            } else {
                line.decline(a.declineReason().strip());
            }
            audit.record(actor, "LINE_" + line.getConfirmation().name(), "PurchaseOrderLine", line.getId().toString(),
                    before, snapshot(line));
        }
        List<PurchaseOrderLine> open = byId.values().stream().filter(l -> !l.isCancelled()).toList();
        if (open.stream().noneMatch(l -> l.getConfirmation() == LineConfirmation.OPEN)) {
            boolean allDeclined = open.stream().allMatch(l -> l.getConfirmation() == LineConfirmation.DECLINED);
            if (!allDeclined) {
                po.confirmed(clock.instant());
                audit.record(actor, "CONFIRMED", PurchaseOrderFulfilment.ENTITY, po.getId().toString(),
                        Map.of("status", "SENT"), Map.of("status", "CONFIRMED"));
            } else {
                audit.record(actor, "DECLINED", PurchaseOrderFulfilment.ENTITY, po.getId().toString(),
                        Map.of("status", "SENT"), Map.of("status", "SENT", "allLinesDeclined", true));
            }
            process.correlate(po.getId(), Messages.PURCHASE_ORDER_CONFIRMED, Map.of(Variables.ALL_DECLINED, allDeclined));
        }
        return queries.view(po);
    }

    private static Map<String, Object> snapshot(PurchaseOrderLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lineNo", l.getLineNo());
        m.put("confirmation", l.getConfirmation().name());
        m.put("confirmedQuantity", l.getConfirmedQuantity());
        m.put("promisedDate", l.getPromisedDate() == null ? null : l.getPromisedDate().toString());
        m.put("declineReason", l.getDeclineReason());
        return m;
    }
}
