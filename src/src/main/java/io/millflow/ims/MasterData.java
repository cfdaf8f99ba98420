package io.millflow.ims;

import io.millflow.audit.AuditService;
import io.millflow.ims.MasterDataViews.ItemCommand;
import io.millflow.ims.MasterDataViews.ItemView;
import io.millflow.ims.MasterDataViews.LocationCommand;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.ims.MasterDataViews.LotView;
import io.millflow.ims.MasterDataViews.SiteCommand;
import io.millflow.ims.MasterDataViews.SiteView;
import io.millflow.ims.MasterDataViews.UnitView;
import io.millflow.ims.MasterDataViews.WarehouseCommand;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.persistence.criteria.Predicate;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Items, units, sites, warehouses, locations and lots. Roles: every internal role reads; ADMIN changes.
 * Every change is audited.
 */
@Service
@Validated
public class MasterData {

    static final String READERS = "hasAnyRole('EMPLOYEE','MANAGER','DEPARTMENT_HEAD','FINANCE','BUYER','WAREHOUSE','PROCESS_OWNER','ADMIN')";

    private final ItemRepository items;
    private final UnitOfMeasureRepository units;
    private final SiteRepository sites;
    private final WarehouseRepository warehouses;
    private final LocationRepository locations;
    private final LotRepository lots;
    private final AuditService audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Validator validator;

    MasterData(ItemRepository items, UnitOfMeasureRepository units, SiteRepository sites,
            WarehouseRepository warehouses, LocationRepository locations, LotRepository lots, AuditService audit,
            JdbcTemplate jdbc, Clock clock, Validator validator) {
        this.validator = validator;
        this.items = items;
        this.units = units;
        this.sites = sites;
        this.warehouses = warehouses;
        this.locations = locations;
        this.lots = lots;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- units

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<UnitView> units() {
        return units.findAll(Sort.by("code")).stream().map(UnitView::of).toList();
    }

    // ---- items

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public ItemView createItem(@Valid ItemCommand cmd) {
        if (items.findBySku(cmd.sku()).isPresent()) {
            throw new ProblemException.InvalidInput("sku", "is already used by another item: " + cmd.sku());
        }
        Item item = new Item(cmd.sku(), clock.instant());
        apply(item, cmd);
        item = items.saveAndFlush(item);
        ItemView view = ItemView.of(item);
        audit.record(CurrentUser.get().username(), "CREATED", "Item", item.getId().toString(), null, view);
        return view;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public ItemView updateItem(UUID id, @Valid ItemCommand cmd) {
        Item item = items.findById(id).orElseThrow(() -> new ProblemException.NotFound("No item " + id));
        ItemView before = ItemView.of(item);
        if (!item.getSku().equals(cmd.sku())) {
            throw new ProblemException.InvalidInput("sku", "cannot be changed (it is " + item.getSku() + ")");
        }
        boolean hasStockOrMoves = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from stock_move where item_id = ?)", Boolean.class, id));
        if (hasStockOrMoves && (!item.getBaseUnit().equals(cmd.baseUnit()) || item.getTracking() != cmd.tracking())) {
            throw new ProblemException.InvalidInput(item.getBaseUnit().equals(cmd.baseUnit()) ? "tracking" : "baseUnit",
                    "cannot change once the item has stock moves");
        }
        apply(item, cmd);
        item = items.saveAndFlush(item);
        ItemView after = ItemView.of(item);
        audit.record(CurrentUser.get().username(), "UPDATED", "Item", id.toString(), before, after);
        return after;
    }

    private void apply(Item item, ItemCommand cmd) {
        check(cmd, units::existsById);
        Map<String, BigDecimal> alternatives = cmd.alternativeUnits() == null ? Map.of() : cmd.alternativeUnits();
        item.update(cmd.name().strip(), cmd.description(), cmd.category(), cmd.baseUnit(), cmd.tracking(),
                cmd.shelfLifeDays(), cmd.abcClass(), cmd.active() == null || cmd.active(), alternatives,
                clock.instant());
    }

    /** The rules of an item's data beyond its field constraints (units known, shelf life only for lots). */
    private static void check(ItemCommand cmd, java.util.function.Predicate<String> unitExists) {
        if (!unitExists.test(cmd.baseUnit())) {
            throw new ProblemException.InvalidInput("baseUnit", "is not a known unit: " + cmd.baseUnit());
        }
        Map<String, BigDecimal> alternatives = cmd.alternativeUnits() == null ? Map.of() : cmd.alternativeUnits();
        for (String unit : alternatives.keySet()) {
            if (!unitExists.test(unit)) {
                throw new ProblemException.InvalidInput("alternativeUnits." + unit, "is not a known unit");
            }
            if (unit.equals(cmd.baseUnit())) {
                throw new ProblemException.InvalidInput("alternativeUnits." + unit, "is the base unit");
            }
        }
        if (cmd.shelfLifeDays() != null && cmd.tracking() != Tracking.LOT) {
            throw new ProblemException.InvalidInput("shelfLifeDays", "needs lot tracking (expiry is kept per lot)");
        }
    }

    /** A fault of one command of a bulk request: its index in the list, the field and the message. */
    public record BulkProblem(int index, String field, String message) {
    }

    /**
     * Checks new items as {@link #createItem} would, all of them, without writing: the field constraints, the
     * units, SKUs already used and SKUs given twice in the list. Empty when all could be created.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<BulkProblem> checkItems(List<ItemCommand> cmds) {
        Set<String> known = new HashSet<>(jdbc.queryForList("select code from unit_of_measure", String.class));
        Set<String> taken = new HashSet<>(jdbc.queryForList("select sku from item where sku = any(?)", String.class,
                (Object) cmds.stream().map(c -> c == null ? null : c.sku()).filter(Objects::nonNull).toArray(String[]::new)));
        List<BulkProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cmds.size(); i++) {
            ItemCommand cmd = cmds.get(i);
            int before = problems.size();
            for (ConstraintViolation<ItemCommand> v : validator.validate(cmd)) {
                problems.add(new BulkProblem(i, v.getPropertyPath().toString().replaceAll("<.*>", ""), v.getMessage()));
            }
            if (problems.size() > before) {
                continue;
            }
            try {
                check(cmd, known::contains);
            } catch (ProblemException e) {
                problems.add(new BulkProblem(i, e.field(), e.getMessage()));
            }
            if (taken.contains(cmd.sku())) {
                problems.add(new BulkProblem(i, "sku", "is already used by another item: " + cmd.sku()));
            } else {
                Integer other = seen.putIfAbsent(cmd.sku(), i);
                if (other != null) {
                    problems.add(new BulkProblem(i, "sku", "is given twice (also entry " + (other + 1) + "): " + cmd.sku()));
                }
            }
        }
        return problems;
    }

    /**
     * Creates many items at once, all or none: the same checks as {@link #createItem} ({@link #checkItems}); any
     * fault answers 400 with {@code errors} (one per fault, {@code index} naming the entry) and writes nothing.
     * Rows are written with JDBC batches and audited one record per item.
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public List<ItemView> createItems(List<ItemCommand> cmds) {
        List<BulkProblem> problems = checkItems(cmds);
        if (!problems.isEmpty()) {
            BulkProblem first = problems.get(0);
            throw new ProblemException.InvalidInput(first.field(), "entry " + (first.index() + 1) + ": " + first.message())
                    .with("errors", problems.stream().map(p -> Map.of("index", p.index(), "field", p.field(),
                            "message", p.message())).toList());
        }
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        List<ItemView> views = new ArrayList<>(cmds.size());
        List<Object[]> rows = new ArrayList<>(cmds.size());
        List<Object[]> unitRows = new ArrayList<>();
        for (ItemCommand cmd : cmds) {
            UUID id = UUID.randomUUID();
            boolean active = cmd.active() == null || cmd.active();
            Map<String, BigDecimal> alternatives = cmd.alternativeUnits() == null ? Map.of() : Map.copyOf(cmd.alternativeUnits());
            rows.add(new Object[] {id, cmd.sku(), cmd.name().strip(), cmd.description(), cmd.category(), cmd.baseUnit(),
                    cmd.tracking().name(), cmd.shelfLifeDays(), cmd.abcClass(), active, now, now});
            alternatives.forEach((unit, factor) -> unitRows.add(new Object[] {id, unit, factor}));
            views.add(new ItemView(id, cmd.sku(), cmd.name().strip(), cmd.description(), cmd.category(), cmd.baseUnit(),
                    cmd.tracking(), cmd.shelfLifeDays(), cmd.abcClass(), active, alternatives, 0));
        }
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate("insert into item (id, sku, name, description, category, base_unit, tracking, "
                    + "shelf_life_days, abc_class, active, created_at, updated_at, version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
        if (!unitRows.isEmpty()) {
            jdbc.batchUpdate("insert into item_unit (item_id, unit_code, factor) values (?, ?, ?)", unitRows);
        }
        audit.recordAll(CurrentUser.get().username(), "CREATED", "Item",
                views.stream().map(v -> new AuditService.Change(v.id().toString(), v)).toList());
        return views;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ItemView item(UUID id) {
        return items.findById(id).map(ItemView::of).orElseThrow(() -> new ProblemException.NotFound("No item " + id));
    }

    /** Items whose SKU or name contains {@code text}, optionally of a category, ABC class or activity. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PageView<ItemView> items(String text, String category, String abcClass, Boolean active, Pageable page) {
        Specification<Item> spec = (root, q, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (text != null && !text.isBlank()) {
                String like = "%" + text.strip().toLowerCase() + "%";
                p.add(cb.or(cb.like(cb.lower(root.get("sku")), like), cb.like(cb.lower(root.get("name")), like)));
            }
            if (category != null && !category.isBlank()) {
                p.add(cb.equal(root.get("category"), category));
            }
            if (abcClass != null && !abcClass.isBlank()) {
                p.add(cb.equal(root.get("abcClass"), abcClass));
            }
            if (active != null) {
                p.add(cb.equal(root.get("active"), active));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return PageView.of(items.findAll(spec, page), ItemView::of);
    }

    // ---- sites and warehouses

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public SiteView createSite(@Valid SiteCommand cmd) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from site where code = ?)", Boolean.class,
                cmd.code()))) {
            throw new ProblemException.InvalidInput("code", "is already used by another site: " + cmd.code());
        }
        Site site = new Site(cmd.code(), cmd.name().strip(), clock.instant());
        if (cmd.active() != null && !cmd.active()) {
            site.update(site.getName(), false);
        }
        site = sites.saveAndFlush(site);
        SiteView view = SiteView.of(site);
        audit.record(CurrentUser.get().username(), "CREATED", "Site", site.getId().toString(), null, view);
        return view;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<SiteView> sites() {
        return sites.findAll(Sort.by("code")).stream().map(SiteView::of).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public WarehouseView createWarehouse(@Valid WarehouseCommand cmd) {
        Site site = sites.findById(cmd.siteId())
                .orElseThrow(() -> new ProblemException.InvalidInput("siteId", "is not a known site"));
        if (!site.isActive()) {
            throw new ProblemException.InvalidInput("siteId", "is an inactive site");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from warehouse where code = ?)",
                Boolean.class, cmd.code()))) {
            throw new ProblemException.InvalidInput("code", "is already used by another warehouse: " + cmd.code());
        }
        Warehouse wh = new Warehouse(site.getId(), cmd.code(), cmd.name().strip(), clock.instant());
        if (cmd.active() != null && !cmd.active()) {
            wh.update(wh.getName(), false);
        }
        wh = warehouses.saveAndFlush(wh);
        WarehouseView view = WarehouseView.of(wh);
        audit.record(CurrentUser.get().username(), "CREATED", "Warehouse", wh.getId().toString(), null, view);
        return view;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<WarehouseView> warehouses(UUID siteId) {
        List<Warehouse> list = siteId == null ? warehouses.findAll(Sort.by("code"))
                : warehouses.findBySiteIdOrderByCode(siteId);
        return list.stream().map(WarehouseView::of).toList();
    }

    // ---- locations

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public LocationView createLocation(@Valid LocationCommand cmd) {
        Warehouse wh = warehouses.findById(cmd.warehouseId())
                .orElseThrow(() -> new ProblemException.InvalidInput("warehouseId", "is not a known warehouse"));
        if (cmd.type().isVirtual()) {
            throw new ProblemException.InvalidInput("type", "is a virtual type; virtual locations are built in");
        }
        Location parent = null;
        if (cmd.parentId() != null) {
            parent = locations.findById(cmd.parentId())
                    .orElseThrow(() -> new ProblemException.InvalidInput("parentId", "is not a known location"));
            if (!wh.getId().equals(parent.getWarehouseId())) {
                throw new ProblemException.InvalidInput("parentId", "belongs to another warehouse");
            }
            if (parent.getType() != LocationType.VIEW) {
                throw new ProblemException.InvalidInput("parentId",
                        "is a " + parent.getType() + " location; only VIEW locations (zones, aisles) have children");
            }
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from location where warehouse_id = ? and code = ?)", Boolean.class, wh.getId(),
                cmd.code()))) {
            throw new ProblemException.InvalidInput("code", "is already used in warehouse " + wh.getCode());
        }
        Location loc = new Location(wh, parent, cmd.code(), cmd.name().strip(), cmd.type(), clock.instant());
        if (cmd.active() != null && !cmd.active()) {
            loc.update(loc.getName(), loc.getType(), false);
        }
        loc = locations.saveAndFlush(loc);
        LocationView view = LocationView.of(loc);
        audit.record(CurrentUser.get().username(), "CREATED", "Location", loc.getId().toString(), null, view);
        return view;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public LocationView updateLocation(UUID id, @Valid LocationCommand cmd) {
        Location loc = locations.findById(id).orElseThrow(() -> new ProblemException.NotFound("No location " + id));
        if (loc.isVirtual()) {
            throw new ProblemException.Conflict("Virtual locations are built in and cannot be changed");
        }
        if (!loc.getCode().equals(cmd.code()) || !loc.getWarehouseId().equals(cmd.warehouseId())
                || !java.util.Objects.equals(loc.getParentId(), cmd.parentId())) {
            throw new ProblemException.InvalidInput("code", "code, warehouse and parent of a location cannot change");
        }
        if (cmd.type().isVirtual()) {
            throw new ProblemException.InvalidInput("type", "is a virtual type");
        }
        boolean hasStock = Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists(select 1 from quant where location_id = ? and quantity > 0)", Boolean.class, id));
        if (cmd.type() == LocationType.VIEW && loc.getType() != LocationType.VIEW && hasStock) {
            throw new ProblemException.InvalidInput("type", "cannot become VIEW while it holds stock");
        }
        if (cmd.type() != LocationType.VIEW && locations.existsByParentId(id)) {
            throw new ProblemException.InvalidInput("type", "must stay VIEW while it has child locations");
        }
        LocationView before = LocationView.of(loc);
        loc.update(cmd.name().strip(), cmd.type(), cmd.active() == null || cmd.active());
        loc = locations.saveAndFlush(loc);
        LocationView after = LocationView.of(loc);
        audit.record(CurrentUser.get().username(), "UPDATED", "Location", id.toString(), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public LocationView location(UUID id) {
        return locations.findById(id).map(LocationView::of)
                .orElseThrow(() -> new ProblemException.NotFound("No location " + id));
    }

    /**
     * Locations of a warehouse (in tree order), or under a location (its subtree), or the virtual ones;
     * optionally of a type and by code fragment.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PageView<LocationView> locations(UUID warehouseId, UUID under, LocationType type, Boolean virtual,
            String code, Pageable page) {
        String prefix = under == null ? null : locations.findById(under).map(Location::getPath)
                .orElseThrow(() -> new ProblemException.InvalidInput("under", "is not a known location"));
        Specification<Location> spec = (root, q, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (warehouseId != null) {
                p.add(cb.equal(root.get("warehouseId"), warehouseId));
            }
            if (prefix != null) {
                p.add(cb.like(root.get("path"), prefix + "%"));
            }
            if (type != null) {
                p.add(cb.equal(root.get("type"), type));
            }
            if (virtual != null) {
                p.add(cb.equal(root.get("virtual"), virtual));
            }
            if (code != null && !code.isBlank()) {
                p.add(cb.like(root.get("code"), "%" + code.strip().toUpperCase() + "%"));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return PageView.of(locations.findAll(spec, page), LocationView::of);
    }

    // ---- lots

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PageView<LotView> lots(UUID itemId, String number, Boolean expired, Pageable page) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        Specification<Lot> spec = (root, q, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (itemId != null) {
                p.add(cb.equal(root.get("itemId"), itemId));
            }
            if (number != null && !number.isBlank()) {
                p.add(cb.like(root.get("number"), "%" + number.strip() + "%"));
            }
            if (Boolean.TRUE.equals(expired)) {
                p.add(cb.lessThan(root.get("expiryDate"), today));
            } else if (Boolean.FALSE.equals(expired)) {
                p.add(cb.or(cb.isNull(root.get("expiryDate")), cb.greaterThanOrEqualTo(root.get("expiryDate"), today)));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
        return PageView.of(lots.findAll(spec, page), LotView::of);
    }
}
