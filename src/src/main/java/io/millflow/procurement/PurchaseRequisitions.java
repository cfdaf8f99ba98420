package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import io.millflow.ims.MasterData;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Roles;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Purchase requisitions: submission (which starts {@code purchase-requisition}), the approval
 * decisions of each level, escalation of late approvals and reading them back.
 */
@Service
@Validated
public class PurchaseRequisitions {

    /** Largest total a single requisition may have, in EUR. */
    public static final BigDecimal MAX_TOTAL_EUR = new BigDecimal("100000000");
    static final String ENTITY = "PurchaseRequisition";
    private static final Logger log = LoggerFactory.getLogger(PurchaseRequisitions.class);
    private static final List<String> READ_ALL_ROLES = List.of(Roles.MANAGER, Roles.DEPARTMENT_HEAD, Roles.FINANCE,
            Roles.BUYER, Roles.ADMIN);

    private final PurchaseRequisitionRepository requisitions;
    private final RequisitionApprovalRepository approvals;
    private final DocumentNumbers numbers;
    private final ExchangeRates rates;
    private final AuditService audit;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DecisionService decisions;
    private final Clock clock;
    private final PurchaseRequisitionLineRepository requisitionLines;
    private final PurchaseOrderRepository orders;
    private final SupplierRepository suppliers;
    private final RequisitionLines lines;
    private final MasterData masterData;
    private final SupplierCatalogue catalogue;
    private final BusinessEvents businessEvents;

    PurchaseRequisitions(PurchaseRequisitionRepository requisitions, RequisitionApprovalRepository approvals,
            DocumentNumbers numbers, ExchangeRates rates, AuditService audit, RuntimeService runtime,
            TaskService tasks, DecisionService decisions, Clock clock, PurchaseRequisitionLineRepository requisitionLines,
            PurchaseOrderRepository orders, SupplierRepository suppliers, RequisitionLines lines,
            MasterData masterData, SupplierCatalogue catalogue, BusinessEvents businessEvents) {
        this.businessEvents = businessEvents;
        this.catalogue = catalogue;
        this.requisitionLines = requisitionLines;
        this.orders = orders;
        this.suppliers = suppliers;
        this.lines = lines;
        this.masterData = masterData;
        this.requisitions = requisitions;
        this.approvals = approvals;
        this.numbers = numbers;
        this.rates = rates;
        this.audit = audit;
        this.runtime = runtime;
        this.tasks = tasks;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Submits a requisition and starts its approval. Row, audit record and process instance commit
     * together or not at all. Roles: every internal role (not SUPPLIER).
     */
    @Transactional
    @PreAuthorize("hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE','PROCESS_OWNER','ADMIN')")
    public RequisitionView submit(@Valid NewRequisition cmd) {
        return submitAs(cmd, CurrentUser.get().username());
    }

    /** One item a requisition for a shortfall asks for, in the item's base unit. */
    public record Shortfall(UUID itemId, BigDecimal quantity) {
    }

    /**
     * Submits, on behalf of {@code requester}, a requisition for stock that is short (a project's material request):
     * one catalogue line per item from its preferred supplier, the quantity converted to the order unit and rounded
     * up to the minimum order quantity and the pack size, delivered to {@code warehouseId} by {@code neededBy} (today
     * when earlier). It goes through the approval chain of {@code purchase-requisition} like any requisition; the
     * requester may not approve it. No role check: the caller's service authorised the requester.
     *
     * @throws ProblemException.InvalidInput when an item has no active preferred supplier
     */
    @Transactional
    public RequisitionView submitShortfall(String requester, UUID warehouseId, LocalDate neededBy, String justification,
            String costCentre, List<Shortfall> shortfalls) {
        return AsSystem.ifAnonymous(() -> shortfall(requester, warehouseId, neededBy, justification, costCentre,
                shortfalls));
    }

    private RequisitionView shortfall(String requester, UUID warehouseId, LocalDate neededBy, String justification,
            String costCentre, List<Shortfall> shortfalls) {
        LocalDate today = LocalDate.now(clock);
        LocalDate due = neededBy == null || neededBy.isBefore(today) ? today : neededBy;
        List<NewRequisitionLine> wanted = new ArrayList<>();
        for (int i = 0; i < shortfalls.size(); i++) {
            Shortfall s = shortfalls.get(i);
            String f = "lines[" + i + "].itemId";
            io.millflow.ims.MasterDataViews.ItemView item = masterData.item(s.itemId());
            SupplierItem si = catalogue.preferredOf(s.itemId()).filter(SupplierItem::isActive).orElseThrow(() ->
                    new ProblemException.InvalidInput(f, "item " + item.sku() + " has no preferred supplier to buy "
                            + "the shortfall from"));
            BigDecimal factor = CatalogueSupplyTerms.factor(item, si.getOrderUnit());
            if (factor == null || factor.signum() <= 0) {
                throw new ProblemException.InvalidInput(f, "item " + item.sku() + " cannot convert "
                        + si.getOrderUnit() + ", the order unit of " + si.getSupplierSku());
            }
            BigDecimal quantity = s.quantity().divide(factor, 3, RoundingMode.UP);
            BigDecimal pack = si.getPackSize() == null || si.getPackSize().signum() <= 0 ? null : si.getPackSize();
            if (pack != null && quantity.remainder(pack).signum() != 0) {
                quantity = quantity.divide(pack, 0, RoundingMode.UP).multiply(pack);
            }
            if (si.getMinimumOrderQuantity() != null && quantity.compareTo(si.getMinimumOrderQuantity()) < 0) {
                quantity = si.getMinimumOrderQuantity();
                if (pack != null && quantity.remainder(pack).signum() != 0) {
                    quantity = quantity.divide(pack, 0, RoundingMode.UP).multiply(pack);
                }
            }
            wanted.add(new NewRequisitionLine(item.id(), si.getId(), null, null, quantity, null, null, null, due));
        }
        String why = justification.length() > 2000 ? justification.substring(0, 2000) : justification;
        return submitAs(new NewRequisition(null, null, null, null, due, why, costCentre, warehouseId, wanted),
                requester);
    }

    private RequisitionView submitAs(NewRequisition cmd, String username) {
        if (cmd.warehouseId() != null && masterData.warehouses(null).stream()
                .noneMatch(w -> w.id().equals(cmd.warehouseId()))) {
            throw new ProblemException.InvalidInput("warehouseId", "is not a known warehouse");
        }
        List<RequisitionLines.Draft> drafts = lines.resolve(cmd);
        String currency = cmd.currency() != null ? cmd.currency() : drafts.get(0).currency();
        BigDecimal rate = rates.rateToEur(currency, "currency");
        BigDecimal total = lines.total(drafts, currency);
        BigDecimal totalEur = total.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        String amountField = cmd.hasLines() ? "lines" : "unitPrice";
        if (totalEur.compareTo(MAX_TOTAL_EUR) > 0) {
            throw new ProblemException.InvalidInput(amountField, "gives a total of " + totalEur.toPlainString()
                    + " EUR, above the limit of 100,000,000 EUR for one requisition");
        }
        if (totalEur.signum() <= 0) {
            throw new ProblemException.InvalidInput(amountField, "gives a total of 0 EUR");
        }
        PurchaseRequisition req = create(username, drafts, currency, total, totalEur, rate, cmd.neededBy(),
                cmd.justification().strip(), cmd.costCentre(), RequisitionSource.EMPLOYEE, cmd.warehouseId());

        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(Variables.REQUISITION_ID, req.getId().toString());
        vars.put(Variables.REQUESTER, username);
        vars.put(Variables.TOTAL_AMOUNT_EUR, totalEur.doubleValue());
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.PURCHASE_REQUISITION,
                req.getId().toString(), vars);
        Object levels = runtime.getVariable(pi.getId(), Variables.APPROVAL_LEVELS);
        if (levels == null) {
            // a process owner put a wait state before the decision: the same decision, with the same input, tells
            // now what the process will decide when it gets there
            levels = decisions.evaluateDecisionByKey(ProcessKeys.DECISION_APPROVAL_LEVELS).variables(vars).evaluate()
                    .getSingleEntry();
        }
        if (!(levels instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("Decision " + ProcessKeys.DECISION_APPROVAL_LEVELS
                    + " gave no approval levels for " + totalEur + " EUR");
        }
        List<String> levelList = List.of(s.split(","));
        req.startedAs(pi.getId(), levelList, clock.instant());
        audit.record(username, "SUBMITTED", ENTITY, req.getId().toString(), null, snapshot(req));
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("requisitionId", req.getId().toString());
        event.put("number", req.getNumber());
        event.put("requester", username);
        event.put("amount", totalEur);
        event.put("currency", "EUR");
        event.put("approvalLevels", levelList);
        businessEvents.publish(EventTypes.REQUISITION_SUBMITTED, "PurchaseRequisition", req.getId().toString(),
                username, event);
        log.info("Requisition {} submitted by {} for {} EUR, levels {}", req.getNumber(), username, totalEur,
                levelList);
        return view(req);
    }

    /** Writes a requisition (IN_APPROVAL) and its lines; the header summarises the first line. */
    PurchaseRequisition create(String requester, List<RequisitionLines.Draft> drafts, String currency,
            BigDecimal total, BigDecimal totalEur, BigDecimal rate, LocalDate neededBy, String justification,
            String costCentre, RequisitionSource source, UUID warehouseId) {
        RequisitionLines.Draft first = drafts.get(0);
        String summary = drafts.size() == 1 ? first.description()
                : first.description() + " and " + (drafts.size() - 1) + " more line" + (drafts.size() > 2 ? "s" : "");
        if (summary.length() > 500) {
            summary = summary.substring(0, 499) + "…";
        }
        PurchaseRequisition req = new PurchaseRequisition(numbers.next("PR"), requester, summary, first.quantity(),
                first.unitPrice(), currency, total, totalEur, rate, neededBy, justification, costCentre,
                clock.instant());
        req.raisedBy(source, warehouseId);
        req = requisitions.save(req);
        int no = 1;
        for (RequisitionLines.Draft d : drafts) {
            requisitionLines.save(new PurchaseRequisitionLine(req.getId(), no++, d.itemId(), d.supplierItemId(),
                    d.supplierId(), d.description(), d.quantity(), d.unit(), d.unitPrice(), d.currency(),
                    d.lineAmount(), d.neededBy()));
        }
        return req;
    }

    /** One requisition. Roles: its requester, or MANAGER, DEPARTMENT_HEAD, FINANCE, BUYER, ADMIN. */
    @Transactional(readOnly = true)
    public RequisitionView get(UUID id) {
        PurchaseRequisition req = requisitions.findById(id)
                .orElseThrow(() -> new ProblemException.NotFound("No requisition " + id));
        CurrentUser user = CurrentUser.get();
        if (!req.getRequester().equals(user.username()) && READ_ALL_ROLES.stream().noneMatch(user::hasRole)) {
            throw new ProblemException.Forbidden("Only the requester and approvers may read requisition "
                    + req.getNumber());
        }
        return view(req);
    }

    /**
     * Several requisitions at once (two queries), e.g. for the inbox; those the caller may not read
     * (see {@link #get}) are left out.
     */
    @Transactional(readOnly = true)
    public Map<UUID, RequisitionView> getAll(Collection<UUID> ids) {
        CurrentUser user = CurrentUser.get();
        boolean readAll = READ_ALL_ROLES.stream().anyMatch(user::hasRole);
        List<PurchaseRequisition> readable = requisitions.findAllById(ids).stream()
                .filter(r -> readAll || r.getRequester().equals(user.username()))
                .toList();
        Map<UUID, List<RequisitionApproval>> decided = decisionsOf(readable);
        Map<UUID, RequisitionView> views = new LinkedHashMap<>();
        readable.forEach(r -> views.put(r.getId(), view(r, decided.getOrDefault(r.getId(), List.of()))));
        return views;
    }

    /** The caller's own requisitions, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Page<RequisitionView> mine(RequisitionStatus status, Pageable pageable) {
        String me = CurrentUser.get().username();
        Page<PurchaseRequisition> page = status == null ? requisitions.findByRequester(me, pageable)
                : requisitions.findByRequesterAndStatus(me, status, pageable);
        Map<UUID, List<RequisitionApproval>> decided = decisionsOf(page.getContent());
        return page.map(r -> view(r, decided.getOrDefault(r.getId(), List.of())));
    }

    private Map<UUID, List<RequisitionApproval>> decisionsOf(Collection<PurchaseRequisition> reqs) {
        if (reqs.isEmpty()) {
            return Map.of();
        }
        return approvals.findByRequisitionIdInOrderByLevel(reqs.stream().map(PurchaseRequisition::getId).toList())
                .stream().collect(Collectors.groupingBy(RequisitionApproval::getRequisitionId));
    }

    /**
     * Records the decision of one approval level, in the transaction that completes its task. The
     * requester never decides their own requisition and nobody decides two levels of one.
     */
    @Transactional
    public void recordDecision(UUID requisitionId, String approvalRole, CurrentUser user, boolean approved,
            String comment, String taskId, boolean overdue) {
        PurchaseRequisition req = requisitions.lockById(requisitionId)
                .orElseThrow(() -> new ProblemException.NotFound("No requisition " + requisitionId));
        if (req.getStatus() != RequisitionStatus.IN_APPROVAL) {
            throw new ProblemException.Conflict("Requisition " + req.getNumber() + " is " + req.getStatus());
        }
        if (req.getRequester().equals(user.username())) {
            throw new ProblemException.Forbidden("Nobody may approve their own requisition");
        }
        List<RequisitionApproval> previous = approvals.findByRequisitionIdOrderByLevel(requisitionId);
        if (previous.stream().anyMatch(a -> a.getDecidedBy().equals(user.username()))) {
            throw new ProblemException.Forbidden("You already decided an earlier level of " + req.getNumber()
                    + "; another person must decide this one");
        }
        String trimmed = comment == null ? null : comment.strip();
        if (!approved && (trimmed == null || trimmed.isEmpty())) {
            throw new ProblemException.InvalidInput("comment", "must give the reason of a rejection");
        }
        if (trimmed != null && trimmed.length() > 2000) {
            throw new ProblemException.InvalidInput("comment", "must have at most 2000 characters");
        }
        int level = req.approvalLevelList().indexOf(approvalRole) + 1;
        if (level == 0) {
            throw new ProblemException.Conflict(approvalRole + " is not an approval level of " + req.getNumber());
        }
        if (previous.stream().anyMatch(a -> a.getLevel() == level)) {
            throw new ProblemException.Conflict("Level " + level + " of " + req.getNumber() + " is already decided");
        }
        Map<String, Object> before = snapshot(req);
        RequisitionApproval approval = approvals.save(new RequisitionApproval(requisitionId, level, approvalRole,
                user.username(), approved, trimmed, clock.instant(), taskId, overdue));
        audit.record(user.username(), approved ? "APPROVED" : "REJECTED", "RequisitionApproval",
                requisitionId + "#" + level, null, Map.of("level", level, "role", approvalRole,
                        "decision", approval.getDecision(), "comment", trimmed == null ? "" : trimmed,
                        "taskId", taskId));
        if (!approved) {
            req.reject(trimmed, clock.instant());
            audit.record(user.username(), "REJECTED", ENTITY, requisitionId.toString(), before, snapshot(req));
        }
    }

    /**
     * Hands a late approval task of {@code approvalRole} to the next level's group as well (decision
     * {@code purchase-approval-escalation}) and marks it overdue. A task decided in the meantime is left alone.
     */
    @Transactional
    public String escalate(UUID requisitionId, String approvalRole) {
        String escalateTo = decisions.evaluateDecisionTableByKey(ProcessKeys.DECISION_APPROVAL_ESCALATION,
                Map.of(Variables.APPROVAL_ROLE, approvalRole)).getSingleEntry();
        if (escalateTo == null || !Roles.isKnown(escalateTo)) {
            throw new IllegalStateException("Escalation decision gave no known role for " + approvalRole);
        }
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(requisitionId.toString()).active().list();
        for (Task task : open) {
            if (!approvalRole.equals(tasks.getVariable(task.getId(), Variables.APPROVAL_ROLE))) {
                continue;
            }
            boolean present = tasks.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && escalateTo.equals(l.getGroupId()));
            if (!present) {
                tasks.addCandidateGroup(task.getId(), escalateTo);
            }
            tasks.setVariableLocal(task.getId(), Variables.OVERDUE, true);
            tasks.setVariableLocal(task.getId(), Variables.ESCALATE_TO, escalateTo);
            audit.record("system", "APPROVAL_ESCALATED", ENTITY, requisitionId.toString(),
                    Map.of("taskId", task.getId(), "candidateGroups", candidateGroups(task.getId())),
                    Map.of("taskId", task.getId(), "escalatedTo", escalateTo, "overdue", true));
            log.info("Approval {} of requisition {} escalated to {}", approvalRole, requisitionId, escalateTo);
        }
        return escalateTo;
    }

    private List<String> candidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
    }

    RequisitionView view(PurchaseRequisition req) {
        return view(req, approvals.findByRequisitionIdOrderByLevel(req.getId()));
    }

    private RequisitionView view(PurchaseRequisition req, List<RequisitionApproval> decided) {
        List<RequisitionView.Approval> trail = new ArrayList<>();
        List<String> levels = req.approvalLevelList();
        for (int i = 0; i < levels.size(); i++) {
            int level = i + 1;
            RequisitionApproval a = decided.stream().filter(d -> d.getLevel() == level).findFirst().orElse(null);
            if (a != null) {
                trail.add(new RequisitionView.Approval(level, a.getRole(), a.getDecidedBy(), a.getDecision(),
                        a.getComment(), a.getDecidedAt(), a.isOverdue()));
            } else {
                String state = req.getStatus() == RequisitionStatus.IN_APPROVAL ? "PENDING" : "NOT_REQUIRED";
                trail.add(new RequisitionView.Approval(level, levels.get(i), null, state, null, null, false));
            }
        }
        Map<UUID, String> supplierCodes = new HashMap<>();
        List<RequisitionView.Line> lineViews = requisitionLines.findByRequisitionIdOrderByLineNo(req.getId()).stream()
                .map(l -> new RequisitionView.Line(l.getLineNo(), l.getItemId(), l.getSupplierItemId(),
                        l.getSupplierId(), l.getSupplierId() == null ? null : supplierCodes.computeIfAbsent(
                                l.getSupplierId(), id -> suppliers.findById(id).map(Supplier::getCode).orElse(null)),
                        l.getDescription(), l.getQuantity(), l.getUnit(), l.getUnitPrice(), l.getCurrency(),
                        l.getLineAmount(), l.getNeededBy()))
                .toList();
        List<String> orderNumbers = req.getStatus() == RequisitionStatus.ORDERED
                ? orders.findByRequisitionIdOrderByNumber(req.getId()).stream().map(PurchaseOrder::getNumber).toList()
                : List.of();
        return new RequisitionView(req.getId(), req.getNumber(), req.getStatus(), req.getRequester(),
                req.getItemDescription(), req.getQuantity(), req.getUnitPrice(), req.getCurrency(),
                req.getTotalAmount(), req.getTotalAmountEur(), req.getNeededBy(), req.getJustification(),
                req.getCostCentre(), levels, trail, req.getRejectionReason(), req.getPurchaseOrderNumber(),
                req.getProcessInstanceId(), req.getCreatedAt(), req.getSource(), req.getWarehouseId(), lineViews,
                orderNumbers);
    }

    static Map<String, Object> snapshot(PurchaseRequisition req) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", req.getNumber());
        s.put("status", req.getStatus().name());
        s.put("requester", req.getRequester());
        s.put("itemDescription", req.getItemDescription());
        s.put("quantity", req.getQuantity());
        s.put("unitPrice", req.getUnitPrice());
        s.put("currency", req.getCurrency());
        s.put("totalAmount", req.getTotalAmount());
        s.put("totalAmountEur", req.getTotalAmountEur());
        s.put("neededBy", req.getNeededBy());
        s.put("costCentre", req.getCostCentre());
        s.put("approvalLevels", req.approvalLevelList());
        s.put("rejectionReason", req.getRejectionReason());
        s.put("purchaseOrderNumber", req.getPurchaseOrderNumber());
        s.put("source", req.getSource().name());
        return s;
    }
}
