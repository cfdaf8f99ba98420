package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.procurement.ProcurementProblems.OrderNotChangeable;
import io.millflow.procurement.ProcurementProblems.SupplierBlocked;
import io.millflow.procurement.PurchaseOrderCommands.Action;
import io.millflow.procurement.PurchaseOrderCommands.AssignSupplier;
import io.millflow.procurement.PurchaseOrderCommands.Cancel;
import io.millflow.procurement.PurchaseOrderCommands.Change;
import io.millflow.procurement.PurchaseOrderCommands.ChangeLine;
import io.millflow.procurement.PurchaseOrderCommands.ChangeView;
import io.millflow.procurement.PurchaseOrderCommands.OrderLine;
import io.millflow.procurement.PurchaseOrderCommands.OrderView;
import io.millflow.procurement.SupplierViews.PriceQuote;
import io.millflow.security.CurrentUser;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Purchase orders: creation from an approved requisition (one order per supplier of its lines, idempotent per
 * requisition), supplier assignment of DRAFT orders, changes (approved like requisitions when they raise the
 * total) and cancellation. Publishes {@link PurchaseOrderCreated}, {@link PurchaseOrderSupplierAssigned},
 * {@link PurchaseOrderChanged} and {@link PurchaseOrderCancelled} inside the transaction. Reading orders is
 * the fulfilment side's ({@code PurchaseOrderQueries}).
 */
@Service
@Validated
public class PurchaseOrders {

    static final String ENTITY = "PurchaseOrder";
    static final String CHANGE_ENTITY = "PurchaseOrderChange";
    static final String BUYERS = "hasAnyRole('BUYER','ADMIN')";
    static final String CHANGE_READERS = "hasAnyRole('BUYER','MANAGER','DEPARTMENT_HEAD','FINANCE','ADMIN')";
    private static final Logger log = LoggerFactory.getLogger(PurchaseOrders.class);

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository orderLines;
    private final PurchaseRequisitionRepository requisitions;
    private final PurchaseRequisitionLineRepository requisitionLines;
    private final RequisitionApprovalRepository approvals;
    private final PurchaseOrderChangeRepository changes;
    private final PurchaseOrderChangeLineRepository changeLines;
    private final PurchaseOrderChangeApprovalRepository changeApprovals;
    private final Suppliers suppliers;
    private final SupplierCatalogue catalogue;
    private final RequisitionLines pricing;
    private final MasterData masterData;
    private final ExchangeRates rates;
    private final DocumentNumbers numbers;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final RuntimeService runtime;
    private final Clock clock;

    PurchaseOrders(PurchaseOrderRepository orders, PurchaseOrderLineRepository orderLines,
            PurchaseRequisitionRepository requisitions, PurchaseRequisitionLineRepository requisitionLines,
            RequisitionApprovalRepository approvals, PurchaseOrderChangeRepository changes,
            PurchaseOrderChangeLineRepository changeLines, PurchaseOrderChangeApprovalRepository changeApprovals,
            Suppliers suppliers, SupplierCatalogue catalogue, RequisitionLines pricing, MasterData masterData,
            ExchangeRates rates, DocumentNumbers numbers, AuditService audit, ApplicationEventPublisher events,
            RuntimeService runtime, Clock clock) {
        this.orders = orders;
        this.orderLines = orderLines;
        this.requisitions = requisitions;
        this.requisitionLines = requisitionLines;
        this.approvals = approvals;
        this.changes = changes;
        this.changeLines = changeLines;
        this.changeApprovals = changeApprovals;
        this.suppliers = suppliers;
        this.catalogue = catalogue;
        this.pricing = pricing;
        this.masterData = masterData;
        this.rates = rates;
        this.numbers = numbers;
        this.audit = audit;
        this.events = events;
        this.runtime = runtime;
        this.clock = clock;
    }

    // ---- creation

    /**
     * Creates the purchase orders of a fully approved requisition, one per supplier of its lines (lines without
     * a supplier go to one DRAFT order without supplier), and marks the requisition ORDERED; when they exist
     * already (a retried worker), returns them unchanged.
     *
     * @return the orders, by number
     * @throws ProblemException.Conflict when the requisition is not fully approved
     */
    @Transactional
    public List<PurchaseOrder> createForRequisition(UUID requisitionId) {
        PurchaseRequisition req = requisitions.lockById(requisitionId)
                .orElseThrow(() -> new ProblemException.NotFound("No requisition " + requisitionId));
        List<PurchaseOrder> existing = orders.findByRequisitionIdOrderByNumber(requisitionId);
        if (!existing.isEmpty()) {
            log.info("Purchase orders {} of requisition {} exist already",
                    existing.stream().map(PurchaseOrder::getNumber).toList(), req.getNumber());
            return existing;
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
        return createOrders(req, "system", null);
    }

    /**
     * Writes the orders of an approved requisition (the caller checked the approval). An order whose supplier
     * is not blocked is SENT; one without supplier or with a blocked supplier stays DRAFT. Delivery date of a
     * line: its needed-by day, or today plus the supplier item's lead time when that is later.
     */
    List<PurchaseOrder> createOrders(PurchaseRequisition req, String actor, String buyer) {
        List<PurchaseRequisitionLine> lines = new ArrayList<>(requisitionLines.findByRequisitionIdOrderByLineNo(req.getId()));
        if (lines.isEmpty()) {
            // a requisition submitted before requisitions had lines: its header is its one line
            lines.add(requisitionLines.save(new PurchaseRequisitionLine(req.getId(), 1, null, null, null,
                    req.getItemDescription(), req.getQuantity(), RequisitionLines.DEFAULT_UNIT, req.getUnitPrice(),
                    req.getCurrency(), req.getTotalAmount(), req.getNeededBy())));
        }
        Map<Optional<UUID>, List<PurchaseRequisitionLine>> bySupplier = new LinkedHashMap<>();
        lines.stream().filter(l -> l.getSupplierId() != null)
                .forEach(l -> bySupplier.computeIfAbsent(Optional.of(l.getSupplierId()), k -> new ArrayList<>()).add(l));
        lines.stream().filter(l -> l.getSupplierId() == null)
                .forEach(l -> bySupplier.computeIfAbsent(Optional.empty(), k -> new ArrayList<>()).add(l));
        Map<String, Object> before = PurchaseRequisitions.snapshot(req);
        LocalDate today = LocalDate.now(clock);
        List<PurchaseOrder> created = new ArrayList<>();
        for (Map.Entry<Optional<UUID>, List<PurchaseRequisitionLine>> group : bySupplier.entrySet()) {
            Supplier supplier = group.getKey().map(suppliers::find).orElse(null);
            String currency = supplier != null ? supplier.getCurrency() : req.getCurrency();
            List<PurchaseRequisitionLine> its = group.getValue();
            String summary = its.size() == 1 ? its.get(0).getDescription()
                    : its.get(0).getDescription() + " and " + (its.size() - 1) + " more";
            PurchaseOrder po = orders.save(new PurchaseOrder(numbers.next("PO"), req.getId(),
                    supplier == null ? null : supplier.getId(), req.getWarehouseId(), currency, buyer,
                    summary.length() > 500 ? summary.substring(0, 500) : summary, clock.instant()));
            int no = 1;
            BigDecimal total = BigDecimal.ZERO.setScale(2);
            List<Map<String, Object>> lineTrail = new ArrayList<>();
            for (PurchaseRequisitionLine rl : its) {
                SupplierItem si = rl.getSupplierItemId() == null ? null : catalogue.find(rl.getSupplierItemId());
                LocalDate earliest = today.plusDays(si == null ? 0 : si.getLeadTimeDays());
                LocalDate delivery = rl.getNeededBy().isBefore(earliest) ? earliest : rl.getNeededBy();
                BigDecimal unitPrice = pricing.convert(rl.getUnitPrice(), rl.getCurrency(), currency, 4);
                PurchaseOrderLine line = orderLines.save(new PurchaseOrderLine(po.getId(), no++, rl.getId(),
                        rl.getItemId(), rl.getSupplierItemId(), si == null ? null : si.getSupplierSku(),
                        rl.getDescription(), rl.getQuantity(), rl.getUnit(), unitPrice, delivery));
                rl.orderedAs(line.getId());
                total = total.add(line.getLineAmount());
                lineTrail.add(lineSnapshot(line));
            }
            po.total(total, clock.instant());
            if (supplier != null && !supplier.isBlocked()) {
                po.send(clock.instant());
            }
            Map<String, Object> after = snapshot(po);
            after.put("requisition", req.getNumber());
            after.put("lines", lineTrail);
            audit.record(actor, "CREATED", ENTITY, po.getId().toString(), null, after);
            events.publishEvent(new PurchaseOrderCreated(po.getId()));
            created.add(po);
            log.info("Purchase order {} ({}, {} lines, {} {}) created for requisition {}", po.getNumber(),
                    po.getStatus(), its.size(), po.getTotalAmount(), currency, req.getNumber());
        }
        req.ordered(created.get(0).getNumber(), clock.instant());
        audit.record(actor, "ORDERED", PurchaseRequisitions.ENTITY, req.getId().toString(), before,
                PurchaseRequisitions.snapshot(req));
        return created;
    }

    @Transactional(readOnly = true)
    public long countForRequisition(UUID requisitionId) {
        return orders.countByRequisitionId(requisitionId);
    }

    // ---- supplier assignment

    /**
     * Gives a DRAFT order its supplier (or the same one again once it is unblocked) and sends it. Lines for
     * items the supplier sells take its SKU, catalogue price (for the quantity on the delivery day) and lead
     * time; other prices are converted to the supplier's currency. Roles: BUYER, ADMIN.
     *
     * @throws SupplierBlocked (409) when the supplier is blocked: nothing changes
     * @throws OrderNotChangeable (409) when the order is not DRAFT
     */
    @Transactional
    @PreAuthorize(BUYERS)
    public OrderView assignSupplier(UUID orderId, @Valid AssignSupplier cmd) {
        String actor = CurrentUser.get().username();
        PurchaseOrder po = lock(orderId);
        if (po.getStatus() != PurchaseOrderStatus.DRAFT) {
            throw new OrderNotChangeable("Purchase order " + po.getNumber() + " is " + po.getStatus()
                    + "; only a DRAFT order gets a supplier");
        }
        Supplier supplier;
        try {
            supplier = suppliers.find(cmd.supplierId());
        } catch (ProblemException.NotFound e) {
            throw new ProblemException.InvalidInput("supplierId", "is not a known supplier");
        }
        if (supplier.isBlocked()) {
            throw SupplierBlocked.forOrder(supplier);
        }
        Map<String, Object> before = snapshot(po);
        LocalDate today = LocalDate.now(clock);
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (PurchaseOrderLine line : orderLines.findByPurchaseOrderIdOrderByLineNo(orderId)) {
            if (line.isCancelled()) {
                continue;
            }
            Optional<SupplierItem> si = line.getItemId() == null ? Optional.empty()
                    : catalogue.ofSupplierAndItem(supplier.getId(), line.getItemId()).filter(SupplierItem::isActive)
                            .filter(s -> s.getOrderUnit().equals(line.getUnit()));
            BigDecimal price = pricing.convert(line.getUnitPrice(), po.getCurrency(), supplier.getCurrency(), 4);
            LocalDate delivery = line.getDeliveryDate();
            if (si.isPresent()) {
                LocalDate earliest = today.plusDays(si.get().getLeadTimeDays());
                delivery = delivery.isBefore(earliest) ? earliest : delivery;
                try {
                    PriceQuote q = catalogue.quote(si.get(), line.getQuantity(), delivery, "supplierId");
                    price = pricing.convert(q.unitPrice(), q.currency(), supplier.getCurrency(), 4);
                } catch (ProcurementProblems.NoPrice e) {
                    log.info("No catalogue price of {} for line {} of {}; the line keeps its price",
                            supplier.getCode(), line.getLineNo(), po.getNumber());
                }
                line.supplierItem(si.get().getId(), si.get().getSupplierSku());
            } else {
                line.supplierItem(null, null);
            }
            line.change(line.getQuantity(), price, delivery);
            total = total.add(line.getLineAmount());
        }
        po.assignSupplier(supplier.getId(), supplier.getCurrency(), actor, clock.instant());
        po.total(total, clock.instant());
        po.send(clock.instant());
        audit.record(actor, "SUPPLIER_ASSIGNED", ENTITY, orderId.toString(), before, snapshot(po));
        events.publishEvent(new PurchaseOrderSupplierAssigned(orderId));
        return view(po);
    }

    // ---- changes

    /**
     * Changes an order (quantities, prices, delivery dates, added and cancelled lines) that nothing was received
     * for. A change that does not raise the total applies at once ({@link PurchaseOrderChanged}); one that raises
     * it waits for the approval chain of {@code purchase-approval-levels} on the new total (process
     * {@code purchase-order-change}) and applies after the last approval. One change at a time. Roles: BUYER, ADMIN.
     */
    @Transactional
    @PreAuthorize(BUYERS)
    public ChangeView change(UUID orderId, @Valid Change cmd) {
        String actor = CurrentUser.get().username();
        PurchaseOrder po = lock(orderId);
        requireChangeable(po);
        changes.findByPurchaseOrderIdAndStatus(orderId, PurchaseOrderChange.IN_APPROVAL).ifPresent(waiting -> {
            throw new ProblemException.Conflict("A change of " + po.getNumber() + " waits for approval; "
                    + "it must be decided first");
        });
        List<PurchaseOrderLine> current = orderLines.findByPurchaseOrderIdOrderByLineNo(orderId);
        List<PlannedLine> plan = plan(po, current, cmd);
        Map<UUID, BigDecimal> amounts = new LinkedHashMap<>();
        current.stream().filter(l -> !l.isCancelled()).forEach(l -> amounts.put(l.getId(), l.getLineAmount()));
        BigDecimal added = BigDecimal.ZERO;
        for (PlannedLine p : plan) {
            switch (p.action()) {
                case CHANGE -> amounts.put(p.lineId(), PurchaseOrderLine.amount(p.quantity(), p.unitPrice()));
                case CANCEL -> amounts.remove(p.lineId());
                case ADD -> added = added.add(PurchaseOrderLine.amount(p.quantity(), p.unitPrice()));
            }
        }
        if (amounts.isEmpty() && plan.stream().noneMatch(p -> p.action() == Action.ADD)) {
            throw new ProblemException.InvalidInput("lines", "would cancel every line; cancel the order instead");
        }
        BigDecimal newTotal = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).add(added)
                .setScale(2, RoundingMode.HALF_UP);
        BigDecimal newTotalEur = newTotal.multiply(rates.rateToEur(po.getCurrency(), "currency"))
                .setScale(2, RoundingMode.HALF_UP);
        if (newTotalEur.compareTo(PurchaseRequisitions.MAX_TOTAL_EUR) > 0) {
            throw new ProblemException.InvalidInput("lines", "give a total of " + newTotalEur.toPlainString()
                    + " EUR, above the limit of 100,000,000 EUR");
        }
        PurchaseOrderChange change = changes.save(new PurchaseOrderChange(orderId, po.getRevision(), actor,
                Suppliers.blankToNull(cmd.reason()), po.getTotalAmount(), newTotal, newTotalEur, clock.instant()));
        int seq = 1;
        for (PlannedLine p : plan) {
            changeLines.save(new PurchaseOrderChangeLine(change.getId(), seq++, p.action().name(), p.lineId(),
                    p.itemId(), p.supplierItemId(), p.description(), p.quantity(), p.unit(), p.unitPrice(),
                    p.deliveryDate()));
        }
        changes.flush();
        if (change.raisesTotal()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put(Variables.PURCHASE_ORDER_CHANGE_ID, change.getId().toString());
            vars.put(Variables.PURCHASE_ORDER_ID, orderId.toString());
            vars.put(Variables.REQUESTER, actor);
            vars.put(Variables.TOTAL_AMOUNT_EUR, newTotalEur.doubleValue());
            ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.PURCHASE_ORDER_CHANGE,
                    change.getId().toString(), vars);
            Object levels = runtime.getVariable(pi.getId(), Variables.APPROVAL_LEVELS);
            if (!(levels instanceof String s) || s.isBlank()) {
                throw new IllegalStateException("Decision " + ProcessKeys.DECISION_APPROVAL_LEVELS
                        + " gave no approval levels for " + newTotalEur + " EUR");
            }
            change.startedAs(pi.getId(), List.of(s.split(",")));
            audit.record(actor, "CHANGE_REQUESTED", CHANGE_ENTITY, change.getId().toString(), null,
                    changeSnapshot(change, po));
            log.info("Change of {} from {} to {} {} waits for {}", po.getNumber(), change.getOldTotal(), newTotal,
                    po.getCurrency(), change.approvalLevelList());
        } else {
            audit.record(actor, "CHANGE_REQUESTED", CHANGE_ENTITY, change.getId().toString(), null,
                    changeSnapshot(change, po));
            apply(change, po, actor);
        }
        return changeView(change, po);
    }

    /**
     * Records the decision of one approval level of a change, in the transaction that completes its task. The
     * buyer who asked for the change never decides it and nobody decides two levels of one change. A rejection
     * (a reason is required) ends the change REJECTED; the order stays as it was.
     */
    @Transactional
    public void recordChangeDecision(UUID changeId, String approvalRole, CurrentUser user, boolean approved,
            String comment, String taskId) {
        PurchaseOrderChange change = changes.lockById(changeId)
                .orElseThrow(() -> new ProblemException.NotFound("No purchase order change " + changeId));
        if (!PurchaseOrderChange.IN_APPROVAL.equals(change.getStatus())) {
            throw new ProblemException.Conflict("Change " + changeId + " is " + change.getStatus());
        }
        if (change.getRequestedBy().equals(user.username())) {
            throw new ProblemException.Forbidden("Nobody may approve their own change");
        }
        List<PurchaseOrderChangeApproval> previous = changeApprovals.findByChangeIdOrderByLevel(changeId);
        if (previous.stream().anyMatch(a -> a.getDecidedBy().equals(user.username()))) {
            throw new ProblemException.Forbidden("You already decided an earlier level of this change; "
                    + "another person must decide this one");
        }
        String trimmed = comment == null ? null : comment.strip();
        if (!approved && (trimmed == null || trimmed.isEmpty())) {
            throw new ProblemException.InvalidInput("comment", "must give the reason of a rejection");
        }
        if (trimmed != null && trimmed.length() > 2000) {
            throw new ProblemException.InvalidInput("comment", "must have at most 2000 characters");
        }
        int level = change.approvalLevelList().indexOf(approvalRole) + 1;
        if (level == 0) {
            throw new ProblemException.Conflict(approvalRole + " is not an approval level of change " + changeId);
        }
        if (previous.stream().anyMatch(a -> a.getLevel() == level)) {
            throw new ProblemException.Conflict("Level " + level + " of change " + changeId + " is already decided");
        }
        PurchaseOrderChangeApproval a = changeApprovals.save(new PurchaseOrderChangeApproval(changeId, level,
                approvalRole, user.username(), approved, trimmed, clock.instant(), taskId));
        audit.record(user.username(), approved ? "APPROVED" : "REJECTED", "PurchaseOrderChangeApproval",
                changeId + "#" + level, null, Map.of("level", level, "role", approvalRole, "decision", a.getDecision(),
                        "comment", trimmed == null ? "" : trimmed, "taskId", taskId));
        if (!approved) {
            PurchaseOrder po = orders.findById(change.getPurchaseOrderId()).orElseThrow();
            Map<String, Object> before = changeSnapshot(change, po);
            change.rejected(trimmed, clock.instant());
            audit.record(user.username(), "CHANGE_REJECTED", CHANGE_ENTITY, changeId.toString(), before,
                    changeSnapshot(change, po));
        }
    }

    /**
     * Applies a change after its last approval (worker of {@code procurement.applyPurchaseOrderChange}).
     * Idempotent: an applied change is returned as it is; a change whose order was cancelled meanwhile is
     * WITHDRAWN.
     */
    @Transactional
    public ChangeView applyApprovedChange(UUID changeId) {
        PurchaseOrderChange change = changes.lockById(changeId)
                .orElseThrow(() -> new ProblemException.NotFound("No purchase order change " + changeId));
        PurchaseOrder po = lock(change.getPurchaseOrderId());
        if (!PurchaseOrderChange.IN_APPROVAL.equals(change.getStatus())) {
            return changeView(change, po);
        }
        List<PurchaseOrderChangeApproval> decided = changeApprovals.findByChangeIdOrderByLevel(changeId);
        if (decided.size() != change.approvalLevelList().size()
                || !decided.stream().allMatch(PurchaseOrderChangeApproval::isApproved)) {
            throw new ProblemException.Conflict("Change " + changeId + " has " + decided.size() + " of "
                    + change.approvalLevelList().size() + " approvals");
        }
        if (!po.getStatus().isChangeable() || po.getRevision() != change.getBaseRevision()) {
            Map<String, Object> before = changeSnapshot(change, po);
            change.withdrawn(clock.instant());
            audit.record("system", "CHANGE_WITHDRAWN", CHANGE_ENTITY, changeId.toString(), before,
                    changeSnapshot(change, po));
            return changeView(change, po);
        }
        apply(change, po, "system");
        return changeView(change, po);
    }

    /** The changes of an order, newest first. Roles: BUYER, MANAGER, DEPARTMENT_HEAD, FINANCE, ADMIN. */
    @Transactional(readOnly = true)
    @PreAuthorize(CHANGE_READERS)
    public List<ChangeView> changes(UUID orderId) {
        PurchaseOrder po = orders.findById(orderId)
                .orElseThrow(() -> new ProblemException.NotFound("No purchase order " + orderId));
        return changes.findByPurchaseOrderIdOrderByCreatedAtDesc(orderId).stream().map(c -> changeView(c, po))
                .toList();
    }

    /** One change, for the approval task. Roles: as {@link #changes}. */
    @Transactional(readOnly = true)
    @PreAuthorize(CHANGE_READERS)
    public ChangeView getChange(UUID changeId) {
        PurchaseOrderChange c = changes.findById(changeId)
                .orElseThrow(() -> new ProblemException.NotFound("No purchase order change " + changeId));
        return changeView(c, orders.findById(c.getPurchaseOrderId()).orElseThrow());
    }

    // ---- cancellation

    /**
     * Cancels an order nothing was received for; a change waiting for approval is withdrawn. Publishes
     * {@link PurchaseOrderCancelled}. Roles: BUYER, ADMIN.
     */
    @Transactional
    @PreAuthorize(BUYERS)
    public OrderView cancel(UUID orderId, @Valid Cancel cmd) {
        String actor = CurrentUser.get().username();
        PurchaseOrder po = lock(orderId);
        requireChangeable(po);
        List<PurchaseOrderLine> lines = orderLines.findByPurchaseOrderIdOrderByLineNo(orderId);
        if (lines.stream().anyMatch(l -> l.getReceivedQuantity().signum() > 0)) {
            throw new OrderNotChangeable("Goods were received for " + po.getNumber() + "; it cannot be cancelled");
        }
        Map<String, Object> before = snapshot(po);
        changes.findByPurchaseOrderIdAndStatus(orderId, PurchaseOrderChange.IN_APPROVAL).ifPresent(waiting -> {
            Map<String, Object> was = changeSnapshot(waiting, po);
            waiting.withdrawn(clock.instant());
            if (waiting.getProcessInstanceId() != null
                    && runtime.createProcessInstanceQuery().processInstanceId(waiting.getProcessInstanceId()).count() > 0) {
                runtime.deleteProcessInstance(waiting.getProcessInstanceId(), "Purchase order cancelled");
            }
            audit.record(actor, "CHANGE_WITHDRAWN", CHANGE_ENTITY, waiting.getId().toString(), was,
                    changeSnapshot(waiting, po));
        });
        String reason = cmd.reason().strip();
        lines.forEach(PurchaseOrderLine::cancel);
        po.cancel(reason, clock.instant());
        audit.record(actor, "CANCELLED", ENTITY, orderId.toString(), before, snapshot(po));
        events.publishEvent(new PurchaseOrderCancelled(orderId, reason));
        return view(po);
    }

    // ---- helpers

    private record PlannedLine(Action action, UUID lineId, UUID itemId, UUID supplierItemId, String description,
            BigDecimal quantity, String unit, BigDecimal unitPrice, LocalDate deliveryDate) {
    }

    /** Validates the change lines against the order and fills in what stays or comes from the catalogue. */
    private List<PlannedLine> plan(PurchaseOrder po, List<PurchaseOrderLine> current, Change cmd) {
        Map<UUID, PurchaseOrderLine> byId = new HashMap<>();
        current.forEach(l -> byId.put(l.getId(), l));
        LocalDate today = LocalDate.now(clock);
        Set<UUID> touched = new HashSet<>();
        List<PlannedLine> plan = new ArrayList<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            ChangeLine c = cmd.lines().get(i);
            String f = "lines[" + i + "].";
            if (c.deliveryDate() != null && c.deliveryDate().isBefore(today)) {
                throw new ProblemException.InvalidInput(f + "deliveryDate", "must not be in the past");
            }
            if (c.action() == Action.ADD) {
                plan.add(planAdd(po, c, f, today));
                continue;
            }
            if (c.lineId() == null) {
                throw new ProblemException.InvalidInput(f + "lineId", "must name the line to " + c.action().name().toLowerCase());
            }
            PurchaseOrderLine line = byId.get(c.lineId());
            if (line == null) {
                throw new ProblemException.InvalidInput(f + "lineId", "is not a line of " + po.getNumber());
            }
            if (line.isCancelled()) {
                throw new ProblemException.InvalidInput(f + "lineId", "is cancelled already");
            }
            if (!touched.add(line.getId())) {
                throw new ProblemException.InvalidInput(f + "lineId", "appears twice in the change");
            }
            if (c.action() == Action.CANCEL) {
                plan.add(new PlannedLine(Action.CANCEL, line.getId(), null, null, null, null, null, null, null));
                continue;
            }
            if (c.quantity() == null && c.unitPrice() == null && c.deliveryDate() == null) {
                throw new ProblemException.InvalidInput(f + "quantity",
                        "a CHANGE needs a new quantity, unitPrice or deliveryDate");
            }
            if (c.itemId() != null || c.description() != null || c.unit() != null) {
                throw new ProblemException.InvalidInput(f + (c.itemId() != null ? "itemId" : c.description() != null
                        ? "description" : "unit"), "cannot change; cancel the line and add another");
            }
            BigDecimal quantity = c.quantity() == null ? line.getQuantity() : c.quantity();
            if (line.getSupplierItemId() != null && c.quantity() != null) {
                RequisitionLines.checkTerms(f + "quantity", catalogue.find(line.getSupplierItemId()), quantity);
            }
            plan.add(new PlannedLine(Action.CHANGE, line.getId(), null, null, null, quantity, null,
                    c.unitPrice() == null ? line.getUnitPrice() : c.unitPrice(),
                    c.deliveryDate() == null ? line.getDeliveryDate() : c.deliveryDate()));
        }
        return plan;
    }

    private PlannedLine planAdd(PurchaseOrder po, ChangeLine c, String f, LocalDate today) {
        if (c.lineId() != null) {
            throw new ProblemException.InvalidInput(f + "lineId", "must be empty when adding a line");
        }
        if (c.quantity() == null) {
            throw new ProblemException.InvalidInput(f + "quantity", "must not be null when adding a line");
        }
        Optional<SupplierItem> si = c.itemId() == null || po.getSupplierId() == null ? Optional.empty()
                : catalogue.ofSupplierAndItem(po.getSupplierId(), c.itemId()).filter(SupplierItem::isActive);
        String description = Suppliers.blankToNull(c.description());
        if (c.itemId() != null && description == null) {
            ItemView item;
            try {
                item = masterData.item(c.itemId());
            } catch (ProblemException.NotFound e) {
                throw new ProblemException.InvalidInput(f + "itemId", "is not a known item: " + c.itemId());
            }
            description = item.sku() + " " + item.name();
        }
        if (si.isPresent()) {
            SupplierItem s = si.get();
            if (c.unitPrice() != null) {
                throw new ProblemException.InvalidInput(f + "unitPrice",
                        "must be empty: the price comes from the supplier catalogue");
            }
            if (c.unit() != null && !c.unit().equals(s.getOrderUnit())) {
                throw new ProblemException.InvalidInput(f + "unit", "must be " + s.getOrderUnit());
            }
            RequisitionLines.checkTerms(f + "quantity", s, c.quantity());
            LocalDate earliest = today.plusDays(s.getLeadTimeDays());
            LocalDate delivery = c.deliveryDate() == null || c.deliveryDate().isBefore(earliest) ? earliest
                    : c.deliveryDate();
            PriceQuote q = catalogue.quote(s, c.quantity(), delivery, f + "quantity");
            return new PlannedLine(Action.ADD, null, c.itemId(), s.getId(), description, c.quantity(),
                    s.getOrderUnit(), pricing.convert(q.unitPrice(), q.currency(), po.getCurrency(), 4), delivery);
        }
        if (description == null) {
            throw new ProblemException.InvalidInput(f + "description", "must not be blank on a free-text line");
        }
        if (c.unitPrice() == null) {
            throw new ProblemException.InvalidInput(f + "unitPrice", "must not be null: "
                    + (c.itemId() == null ? "a free-text line" : "the order's supplier does not sell the item"));
        }
        String unit = c.unit() == null ? RequisitionLines.DEFAULT_UNIT : c.unit();
        if (masterData.units().stream().noneMatch(u -> u.code().equals(unit))) {
            throw new ProblemException.InvalidInput(f + "unit", "is not a known unit: " + unit);
        }
        return new PlannedLine(Action.ADD, null, c.itemId(), null, description, c.quantity(), unit, c.unitPrice(),
                c.deliveryDate() == null ? today : c.deliveryDate());
    }

    private void apply(PurchaseOrderChange change, PurchaseOrder po, String actor) {
        Map<String, Object> before = snapshot(po);
        List<PurchaseOrderLine> lines = orderLines.findByPurchaseOrderIdOrderByLineNo(po.getId());
        Map<UUID, PurchaseOrderLine> byId = new HashMap<>();
        lines.forEach(l -> byId.put(l.getId(), l));
        int next = lines.stream().mapToInt(PurchaseOrderLine::getLineNo).max().orElse(0) + 1;
        List<Map<String, Object>> trail = new ArrayList<>();
        for (PurchaseOrderChangeLine c : changeLines.findByChangeIdOrderBySeq(change.getId())) {
            switch (c.getAction()) {
                case PurchaseOrderChangeLine.CHANGE -> {
                    PurchaseOrderLine l = byId.get(c.getPurchaseOrderLineId());
                    l.change(c.getQuantity(), c.getUnitPrice(), c.getDeliveryDate());
                    trail.add(lineSnapshot(l));
                }
                case PurchaseOrderChangeLine.CANCEL -> {
                    PurchaseOrderLine l = byId.get(c.getPurchaseOrderLineId());
                    l.cancel();
                    trail.add(lineSnapshot(l));
                }
                default -> {
                    String sku = c.getSupplierItemId() == null ? null : catalogue.find(c.getSupplierItemId()).getSupplierSku();
                    PurchaseOrderLine l = orderLines.save(new PurchaseOrderLine(po.getId(), next++, null, c.getItemId(),
                            c.getSupplierItemId(), sku, c.getDescription(), c.getQuantity(), c.getUnit(),
                            c.getUnitPrice(), c.getDeliveryDate()));
                    lines.add(l);
                    trail.add(lineSnapshot(l));
                }
            }
        }
        BigDecimal total = lines.stream().filter(l -> !l.isCancelled()).map(PurchaseOrderLine::getLineAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        po.revised(total, clock.instant());
        change.applied(clock.instant());
        Map<String, Object> after = snapshot(po);
        after.put("change", change.getId().toString());
        after.put("lines", trail);
        audit.record(actor, "CHANGED", ENTITY, po.getId().toString(), before, after);
        events.publishEvent(new PurchaseOrderChanged(po.getId(), po.getRevision()));
        log.info("Purchase order {} revision {}: total {} {}", po.getNumber(), po.getRevision(), total,
                po.getCurrency());
    }

    private PurchaseOrder lock(UUID orderId) {
        return orders.lockById(orderId)
                .orElseThrow(() -> new ProblemException.NotFound("No purchase order " + orderId));
    }

    private static void requireChangeable(PurchaseOrder po) {
        if (!po.getStatus().isChangeable()) {
            throw new OrderNotChangeable("Purchase order " + po.getNumber() + " is " + po.getStatus()
                    + "; it can no longer be changed or cancelled");
        }
    }

    OrderView view(PurchaseOrder po) {
        return new OrderView(po.getId(), po.getNumber(), po.getStatus(), po.getSupplierId(), po.getCurrency(),
                po.getTotalAmount(), po.getRevision(), po.getCancelReason(),
                orderLines.findByPurchaseOrderIdOrderByLineNo(po.getId()).stream()
                        .map(l -> new OrderLine(l.getId(), l.getLineNo(), l.getItemId(), l.getSupplierSku(),
                                l.getDescription(), l.getQuantity(), l.getUnit(), l.getUnitPrice(), l.getLineAmount(),
                                l.getDeliveryDate(), l.isCancelled()))
                        .toList());
    }

    private ChangeView changeView(PurchaseOrderChange c, PurchaseOrder po) {
        return new ChangeView(c.getId(), po.getId(), po.getNumber(), c.getStatus(), c.getOldTotal(), c.getNewTotal(),
                po.getCurrency(), c.getNewTotalEur(), c.approvalLevelList(), c.getRequestedBy(), c.getReason(),
                c.getRejectionReason(), po.getRevision(), c.getCreatedAt(), c.getDecidedAt());
    }

    static Map<String, Object> snapshot(PurchaseOrder po) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", po.getNumber());
        s.put("status", po.getStatus().name());
        s.put("supplierId", po.getSupplierId() == null ? null : po.getSupplierId().toString());
        s.put("currency", po.getCurrency());
        s.put("totalAmount", po.getTotalAmount());
        s.put("revision", po.getRevision());
        s.put("cancelReason", po.getCancelReason());
        return s;
    }

    private static Map<String, Object> lineSnapshot(PurchaseOrderLine l) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("lineNo", l.getLineNo());
        s.put("description", l.getDescription());
        s.put("quantity", l.getQuantity());
        s.put("unit", l.getUnit());
        s.put("unitPrice", l.getUnitPrice());
        s.put("deliveryDate", l.getDeliveryDate());
        s.put("cancelled", l.isCancelled());
        return s;
    }

    private static Map<String, Object> changeSnapshot(PurchaseOrderChange c, PurchaseOrder po) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("purchaseOrder", po.getNumber());
        s.put("status", c.getStatus());
        s.put("oldTotal", c.getOldTotal());
        s.put("newTotal", c.getNewTotal());
        s.put("approvalLevels", c.approvalLevelList());
        s.put("requestedBy", c.getRequestedBy());
        s.put("rejectionReason", c.getRejectionReason());
        return s;
    }
}
