package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.procurement.ProcurementProblems.NoPrice;
import io.millflow.procurement.SupplierViews.PriceCommand;
import io.millflow.procurement.SupplierViews.PriceQuote;
import io.millflow.procurement.SupplierViews.PriceView;
import io.millflow.procurement.SupplierViews.SupplierItemCommand;
import io.millflow.procurement.SupplierViews.SupplierItemView;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The supplier catalogue: what each supplier sells of which item, on which terms, at which prices (quantity
 * breaks with validity), and the preferred supplier of each item (at most one). Write: BUYER, ADMIN. Read:
 * every internal role (the requisition form shows catalogue prices to everyone who may submit one).
 */
@Service
@Validated
public class SupplierCatalogue {

    static final String ENTITY = "SupplierItem";
    static final String READERS =
            "hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE','PROCESS_OWNER','ADMIN')";

    private final SupplierItemRepository items;
    private final SupplierPriceRepository prices;
    private final Suppliers suppliers;
    private final MasterData masterData;
    private final ExchangeRates rates;
    private final AuditService audit;
    private final Clock clock;

    SupplierCatalogue(SupplierItemRepository items, SupplierPriceRepository prices, Suppliers suppliers,
            MasterData masterData, ExchangeRates rates, AuditService audit, Clock clock) {
        this.items = items;
        this.prices = prices;
        this.suppliers = suppliers;
        this.masterData = masterData;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds an item to a supplier's catalogue with its price breaks; {@code preferred} takes that role from another supplier. */
    @Transactional
    @PreAuthorize(Suppliers.WRITERS)
    public SupplierItemView create(UUID supplierId, @Valid SupplierItemCommand cmd) {
        Supplier supplier = suppliers.find(supplierId);
        ItemView item = item(cmd.itemId());
        check(cmd, item);
        if (items.findBySupplierIdAndItemId(supplierId, cmd.itemId()).isPresent()) {
            throw new ProblemException.Conflict("Supplier " + supplier.getCode() + " already sells item " + item.sku());
        }
        if (items.findBySupplierIdAndSupplierSku(supplierId, cmd.supplierSku().strip()).isPresent()) {
            throw new ProblemException.Conflict("Supplier " + supplier.getCode() + " already has SKU "
                    + cmd.supplierSku().strip());
        }
        SupplierItem si = new SupplierItem(supplierId, cmd.itemId(), clock.instant());
        apply(si, cmd, supplier);
        if (Boolean.TRUE.equals(cmd.preferred())) {
            clearPreferred(cmd.itemId(), null);
            si.preferred(true, clock.instant());
        }
        si = items.saveAndFlush(si);
        replacePrices(si.getId(), cmd.prices());
        SupplierItemView view = view(si, supplier, item);
        audit.record(Suppliers.actor(), "SUPPLIER_ITEM_CREATED", ENTITY, si.getId().toString(), null, view);
        return view;
    }

    /** Replaces the terms and price breaks of a supplier item (the item cannot change). */
    @Transactional
    @PreAuthorize(Suppliers.WRITERS)
    public SupplierItemView update(UUID supplierItemId, @Valid SupplierItemCommand cmd) {
        SupplierItem si = find(supplierItemId);
        if (!si.getItemId().equals(cmd.itemId())) {
            throw new ProblemException.InvalidInput("itemId", "cannot change (is " + si.getItemId() + ")");
        }
        Supplier supplier = suppliers.find(si.getSupplierId());
        ItemView item = item(cmd.itemId());
        check(cmd, item);
        items.findBySupplierIdAndSupplierSku(si.getSupplierId(), cmd.supplierSku().strip())
                .filter(other -> !other.getId().equals(supplierItemId)).ifPresent(other -> {
                    throw new ProblemException.Conflict("Supplier " + supplier.getCode() + " already has SKU "
                            + cmd.supplierSku().strip());
                });
        SupplierItemView before = view(si, supplier, item);
        apply(si, cmd, supplier);
        if (cmd.preferred() != null && cmd.preferred() != si.isPreferred()) {
            if (cmd.preferred()) {
                clearPreferred(si.getItemId(), si.getId());
            }
            si.preferred(cmd.preferred(), clock.instant());
        }
        items.flush();
        prices.deleteBySupplierItemId(supplierItemId);
        prices.flush();
        replacePrices(supplierItemId, cmd.prices());
        SupplierItemView after = view(si, supplier, item);
        audit.record(Suppliers.actor(), "SUPPLIER_ITEM_CHANGED", ENTITY, supplierItemId.toString(), before, after);
        return after;
    }

    /** Makes this supplier item the preferred source of its item (the previous preferred one is no longer). */
    @Transactional
    @PreAuthorize(Suppliers.WRITERS)
    public SupplierItemView prefer(UUID supplierItemId) {
        SupplierItem si = find(supplierItemId);
        if (!si.isPreferred()) {
            clearPreferred(si.getItemId(), si.getId());
            si.preferred(true, clock.instant());
            audit.record(Suppliers.actor(), "SUPPLIER_ITEM_PREFERRED", ENTITY, supplierItemId.toString(),
                    Map.of("preferred", false), Map.of("preferred", true));
        }
        return view(si);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public SupplierItemView get(UUID supplierItemId) {
        return view(find(supplierItemId));
    }

    /** A supplier's catalogue, by supplier SKU. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<SupplierItemView> ofSupplier(UUID supplierId) {
        Supplier supplier = suppliers.find(supplierId);
        Map<UUID, ItemView> known = new HashMap<>();
        return items.findBySupplierIdOrderBySupplierSku(supplierId).stream()
                .map(si -> view(si, supplier, known.computeIfAbsent(si.getItemId(), this::item))).toList();
    }

    /** The suppliers of an item, the preferred one first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<SupplierItemView> ofItem(UUID itemId) {
        ItemView item = item(itemId);
        return items.findByItemId(itemId).stream()
                .sorted(Comparator.comparing((SupplierItem si) -> !si.isPreferred())
                        .thenComparing(SupplierItem::getSupplierSku))
                .map(si -> view(si, suppliers.find(si.getSupplierId()), item)).toList();
    }

    /**
     * The price of a supplier item for {@code quantity} (in its order unit) on {@code date}.
     *
     * @throws NoPrice (422) when no break is valid that day for that quantity
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PriceQuote price(UUID supplierItemId, BigDecimal quantity, LocalDate date) {
        if (quantity == null || quantity.signum() <= 0) {
            throw new ProblemException.InvalidInput("quantity", "must be greater than 0");
        }
        return quote(find(supplierItemId), quantity, date == null ? LocalDate.now(clock) : date, "quantity");
    }

    // ---- for the other procurement services (no role check: the callers check)

    SupplierItem find(UUID supplierItemId) {
        return items.findById(supplierItemId)
                .orElseThrow(() -> new ProblemException.NotFound("No supplier item " + supplierItemId));
    }

    Optional<SupplierItem> ofId(UUID supplierItemId) {
        return items.findById(supplierItemId);
    }

    Optional<SupplierItem> ofSupplierAndItem(UUID supplierId, UUID itemId) {
        return items.findBySupplierIdAndItemId(supplierId, itemId);
    }

    Optional<SupplierItem> preferredOf(UUID itemId) {
        return items.findByItemIdAndPreferredTrue(itemId);
    }

    List<SupplierItem> preferredOf(java.util.Collection<UUID> itemIds) {
        return itemIds.isEmpty() ? List.of() : items.findByItemIdInAndPreferredTrue(itemIds);
    }

    PriceQuote quote(SupplierItem si, BigDecimal quantity, LocalDate date, String field) {
        Supplier supplier = suppliers.find(si.getSupplierId());
        SupplierPrice p = PriceBreaks.pick(prices.findBySupplierItemIdOrderByValidFromAscMinQuantityAsc(si.getId()),
                quantity, date).orElseThrow(() -> new NoPrice(field, "Supplier " + supplier.getCode() + " has no price for "
                        + si.getSupplierSku() + " for " + quantity.stripTrailingZeros().toPlainString() + " "
                        + si.getOrderUnit() + " on " + date));
        return new PriceQuote(si.getId(), supplier.getId(), supplier.getCode(), si.getItemId(), quantity,
                si.getOrderUnit(), date, p.getMinQuantity(), p.getUnitPrice(), si.getCurrency(),
                quantity.multiply(p.getUnitPrice()).setScale(2, RoundingMode.HALF_UP), si.getLeadTimeDays());
    }

    private void check(SupplierItemCommand cmd, ItemView item) {
        if (!cmd.orderUnit().equals(item.baseUnit()) && !item.alternativeUnits().containsKey(cmd.orderUnit())) {
            throw new ProblemException.InvalidInput("orderUnit", "must be the item's base unit " + item.baseUnit()
                    + " or one of its alternative units " + item.alternativeUnits().keySet());
        }
        if (cmd.currency() != null) {
            rates.rateToEur(cmd.currency(), "currency");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < cmd.prices().size(); i++) {
            PriceCommand p = cmd.prices().get(i);
            if (p.validTo() != null && p.validTo().isBefore(p.validFrom())) {
                throw new ProblemException.InvalidInput("prices[" + i + "].validTo", "must not be before validFrom");
            }
            if (!keys.add(p.minQuantity().stripTrailingZeros().toPlainString() + "@" + p.validFrom())) {
                throw new ProblemException.InvalidInput("prices[" + i + "].minQuantity",
                        "appears twice with the same validFrom");
            }
        }
    }

    private void apply(SupplierItem si, SupplierItemCommand cmd, Supplier supplier) {
        si.update(cmd.supplierSku().strip(), Suppliers.blankToNull(cmd.supplierDescription()), cmd.orderUnit(),
                cmd.leadTimeDays(), cmd.minimumOrderQuantity(), cmd.packSize(),
                cmd.currency() == null ? supplier.getCurrency() : cmd.currency(),
                cmd.active() == null || cmd.active(), clock.instant());
    }

    private void clearPreferred(UUID itemId, UUID except) {
        items.findByItemIdAndPreferredTrue(itemId).filter(p -> !p.getId().equals(except)).ifPresent(p -> {
            p.preferred(false, clock.instant());
            items.flush();
            audit.record(Suppliers.actor(), "SUPPLIER_ITEM_PREFERRED", ENTITY, p.getId().toString(),
                    Map.of("preferred", true), Map.of("preferred", false));
        });
    }

    private void replacePrices(UUID supplierItemId, List<PriceCommand> commands) {
        for (PriceCommand p : commands) {
            prices.save(new SupplierPrice(supplierItemId, p.minQuantity(), p.unitPrice(), p.validFrom(), p.validTo()));
        }
    }

    private ItemView item(UUID itemId) {
        try {
            return masterData.item(itemId);
        } catch (ProblemException.NotFound e) {
            throw new ProblemException.InvalidInput("itemId", "is not a known item: " + itemId);
        }
    }

    SupplierItemView view(SupplierItem si) {
        return view(si, suppliers.find(si.getSupplierId()), item(si.getItemId()));
    }

    private SupplierItemView view(SupplierItem si, Supplier supplier, ItemView item) {
        List<PriceView> breaks = prices.findBySupplierItemIdOrderByValidFromAscMinQuantityAsc(si.getId()).stream()
                .map(PriceView::of).toList();
        return new SupplierItemView(si.getId(), supplier.getId(), supplier.getCode(), supplier.getName(),
                supplier.isBlocked(), si.getItemId(), item.sku(), item.name(), si.getSupplierSku(),
                si.getSupplierDescription(), si.getOrderUnit(), si.getLeadTimeDays(), si.getMinimumOrderQuantity(),
                si.getPackSize(), si.getCurrency(), si.isPreferred(), si.isActive(), breaks, si.getVersion());
    }
}
