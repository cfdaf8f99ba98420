package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.replenishment.ReplenishmentOrdering;
import io.millflow.procurement.SupplierViews.PriceQuote;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ReplenishmentOrdering}: accepted replenishment proposals become one requisition per warehouse (source
 * REPLENISHMENT), approved when accepted (the approver is recorded as its one approval; no approval chain), and
 * at once purchase orders grouped per supplier through the same path as approved requisitions. Each line is a
 * catalogue line of the proposal's supplier (or the item's preferred one), the quantity converted from the base
 * unit to the order unit, priced for the needed-by day. Idempotent per proposal id (the line keeps it).
 */
@Service
class ReplenishmentOrders implements ReplenishmentOrdering {

    static final String COST_CENTRE = "REPLENISHMENT";
    private static final Logger log = LoggerFactory.getLogger(ReplenishmentOrders.class);

    private final PurchaseRequisitions requisitions;
    private final PurchaseRequisitionRepository requisitionRepository;
    private final PurchaseRequisitionLineRepository lines;
    private final RequisitionApprovalRepository approvals;
    private final PurchaseOrders orders;
    private final SupplierCatalogue catalogue;
    private final RequisitionLines pricing;
    private final MasterData masterData;
    private final ExchangeRates rates;
    private final AuditService audit;
    private final Clock clock;

    ReplenishmentOrders(PurchaseRequisitions requisitions, PurchaseRequisitionRepository requisitionRepository,
            PurchaseRequisitionLineRepository lines, RequisitionApprovalRepository approvals, PurchaseOrders orders,
            SupplierCatalogue catalogue, RequisitionLines pricing, MasterData masterData, ExchangeRates rates,
            AuditService audit, Clock clock) {
        this.requisitions = requisitions;
        this.requisitionRepository = requisitionRepository;
        this.lines = lines;
        this.approvals = approvals;
        this.orders = orders;
        this.catalogue = catalogue;
        this.pricing = pricing;
        this.masterData = masterData;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Map<UUID, String> order(List<AcceptedProposal> proposals) {
        Map<UUID, String> result = new LinkedHashMap<>();
        if (proposals.isEmpty()) {
            return result;
        }
        Map<UUID, String> numbers = new HashMap<>();
        for (PurchaseRequisitionLine done : lines.findByProposalIdIn(proposals.stream()
                .map(AcceptedProposal::proposalId).distinct().toList())) {
            String number = numbers.computeIfAbsent(done.getRequisitionId(),
                    id -> requisitionRepository.findById(id).orElseThrow().getNumber());
            result.put(done.getProposalId(), number);
        }
        Map<Optional<UUID>, List<Indexed>> byWarehouse = new LinkedHashMap<>();
        Set<UUID> seen = new LinkedHashSet<>(result.keySet());
        for (int i = 0; i < proposals.size(); i++) {
            AcceptedProposal p = proposals.get(i);
            if (seen.add(p.proposalId())) {
                byWarehouse.computeIfAbsent(Optional.ofNullable(p.warehouseId()), k -> new ArrayList<>())
                        .add(new Indexed(i, p));
            }
        }
        for (List<Indexed> group : byWarehouse.values()) {
            PurchaseRequisition req = AsSystem.ifAnonymous(() -> requisitionFor(group));
            group.forEach(g -> result.put(g.proposal().proposalId(), req.getNumber()));
        }
        return result;
    }

    private record Indexed(int index, AcceptedProposal proposal) {
    }

    private PurchaseRequisition requisitionFor(List<Indexed> group) {
        LocalDate today = LocalDate.now(clock);
        List<RequisitionLines.Draft> drafts = new ArrayList<>();
        for (Indexed g : group) {
            drafts.add(draft(g.index(), g.proposal(), today));
        }
        String currency = drafts.get(0).currency();
        BigDecimal rate = rates.rateToEur(currency, "currency");
        BigDecimal total = pricing.total(drafts, currency);
        BigDecimal totalEur = total.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        List<String> approvers = group.stream().map(g -> approver(g.proposal())).distinct().toList();
        String approvedBy = truncate(String.join(",", approvers), 64);
        LocalDate neededBy = drafts.stream().map(RequisitionLines.Draft::neededBy).min(LocalDate::compareTo)
                .orElse(today);
        UUID warehouseId = group.get(0).proposal().warehouseId();
        PurchaseRequisition req = requisitions.create(approvedBy, drafts, currency, total, totalEur, rate, neededBy,
                "Replenishment proposals accepted by " + String.join(", ", approvers), COST_CENTRE,
                RequisitionSource.REPLENISHMENT, warehouseId);
        List<PurchaseRequisitionLine> written = lines.findByRequisitionIdOrderByLineNo(req.getId());
        for (int i = 0; i < written.size(); i++) {
            written.get(i).forProposal(group.get(i).proposal().proposalId());
        }
        String role = approvers.equals(List.of("system")) ? "SYSTEM" : "BUYER";
        req.startedAs(null, List.of(role), clock.instant());
        approvals.save(new RequisitionApproval(req.getId(), 1, role, approvedBy, true,
                "Accepted replenishment proposal(s)", clock.instant(), "replenishment", false));
        audit.record(approvedBy, "SUBMITTED", PurchaseRequisitions.ENTITY, req.getId().toString(), null,
                PurchaseRequisitions.snapshot(req));
        audit.record(approvedBy, "APPROVED", "RequisitionApproval", req.getId() + "#1", null,
                Map.of("level", 1, "role", role, "decision", "APPROVED", "proposals",
                        group.stream().map(g -> g.proposal().proposalId().toString()).toList()));
        lines.flush();
        orders.createOrders(req, "system", approvers.get(0).equals("system") ? null : approvers.get(0));
        log.info("Requisition {} raised for {} replenishment proposal(s), {} {}", req.getNumber(), group.size(), total,
                currency);
        return req;
    }

    private RequisitionLines.Draft draft(int index, AcceptedProposal p, LocalDate today) {
        String f = "proposals[" + index + "].";
        if (p.quantity() == null || p.quantity().signum() <= 0) {
            throw new ProblemException.InvalidInput(f + "quantity", "must be greater than 0");
        }
        ItemView item;
        try {
            item = masterData.item(p.itemId());
        } catch (ProblemException.NotFound e) {
            throw new ProblemException.InvalidInput(f + "itemId", "is not a known item: " + p.itemId());
        }
        SupplierItem si = (p.supplierId() != null ? catalogue.ofSupplierAndItem(p.supplierId(), p.itemId())
                : catalogue.preferredOf(p.itemId())).orElseThrow(() -> new ProblemException.InvalidInput(
                        f + (p.supplierId() != null ? "supplierId" : "itemId"), "item " + item.sku()
                                + " has no " + (p.supplierId() != null ? "catalogue entry of that supplier"
                                        : "preferred supplier")));
        BigDecimal factor = CatalogueSupplyTerms.factor(item, si.getOrderUnit());
        if (factor == null) {
            throw new ProblemException.InvalidInput(f + "itemId", "item " + item.sku() + " cannot convert "
                    + si.getOrderUnit() + ", the order unit of " + si.getSupplierSku());
        }
        BigDecimal quantity = p.quantity().divide(factor, 3, RoundingMode.UP);
        LocalDate neededBy = p.neededBy() == null || p.neededBy().isBefore(today) ? today : p.neededBy();
        PriceQuote quote;
        try {
            quote = catalogue.quote(si, quantity, neededBy, f + "quantity");
        } catch (ProcurementProblems.NoPrice e) {
            quote = catalogue.quote(si, quantity, today, f + "quantity");
        }
        return new RequisitionLines.Draft(item.id(), si.getId(), si.getSupplierId(), item.sku() + " " + item.name(),
                quantity, si.getOrderUnit(), quote.unitPrice(), quote.currency(), quote.amount(), neededBy);
    }

    private static String approver(AcceptedProposal p) {
        return p.approvedBy() == null || p.approvedBy().isBlank() ? "system" : p.approvedBy().strip();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
