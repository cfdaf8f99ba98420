package io.millflow.ims;

import io.millflow.audit.AuditService;
import io.millflow.ims.ReplenishmentViews.ReorderRuleCommand;
import io.millflow.ims.ReplenishmentViews.ReorderRuleView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Reorder rules per item and warehouse (issue #5): fixed min/max, or forecast-driven for a target service level.
 * BUYER and ADMIN manage them; the stock readers read. Every change is audited; bad input changes nothing.
 */
@Service
@Validated
public class ReorderRules {

    static final String ENTITY = "ReorderRule";
    static final String MANAGERS = "hasAnyRole('BUYER','ADMIN')";
    static final BigDecimal MIN_SERVICE_LEVEL = new BigDecimal("50");
    static final BigDecimal MAX_SERVICE_LEVEL = new BigDecimal("99.9");
    static final int DEFAULT_COVER_DAYS = 14;

    private static final String SELECT = "select r.id, r.item_id, i.sku, i.name, i.base_unit, r.warehouse_id, w.code, "
            + "r.type, r.min_quantity, r.max_quantity, r.service_level, r.cover_days, r.lead_time_days, "
            + "r.minimum_order_quantity, r.pack_size, r.active, r.updated_by, r.updated_at, r.version "
            + "from reorder_rule r join item i on i.id = r.item_id join warehouse w on w.id = r.warehouse_id";

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    ReorderRules(JdbcTemplate jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(MANAGERS)
    public ReorderRuleView create(@Valid ReorderRuleCommand cmd) {
        String actor = CurrentUser.get().username();
        Normalized n = validate(cmd);
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from reorder_rule where item_id = ? "
                + "and warehouse_id = ?)", Boolean.class, cmd.itemId(), cmd.warehouseId()))) {
            throw new ProblemException.Conflict("Item " + cmd.itemId() + " has a reorder rule in warehouse "
                    + cmd.warehouseId() + " already; change that one");
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("insert into reorder_rule (id, item_id, warehouse_id, type, min_quantity, max_quantity, "
                + "service_level, cover_days, lead_time_days, minimum_order_quantity, pack_size, active, created_by, "
                + "created_at, updated_by, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                id, cmd.itemId(), cmd.warehouseId(), n.type, n.min, n.max, n.serviceLevel, n.coverDays,
                cmd.leadTimeDays(), cmd.minimumOrderQuantity(), cmd.packSize(), n.active, actor, now, actor, now);
        ReorderRuleView view = get(id);
        audit.record(actor, "CREATED", ENTITY, id.toString(), null, snapshot(view));
        return view;
    }

    @Transactional
    @PreAuthorize(MANAGERS)
    public ReorderRuleView update(UUID id, @Valid ReorderRuleCommand cmd) {
        String actor = CurrentUser.get().username();
        ReorderRuleView before = lock(id);
        if (!before.itemId().equals(cmd.itemId()) || !before.warehouseId().equals(cmd.warehouseId())) {
            throw new InvalidInput("itemId", "item and warehouse of a rule cannot change; create a rule for the other "
                    + "pair");
        }
        if (cmd.version() != null && cmd.version() != before.version()) {
            throw new ProblemException.Conflict("Reorder rule " + id + " was changed by " + before.updatedBy()
                    + " (version " + before.version() + ", yours " + cmd.version() + "); reload it");
        }
        Normalized n = validate(cmd);
        jdbc.update("update reorder_rule set type = ?, min_quantity = ?, max_quantity = ?, service_level = ?, "
                + "cover_days = ?, lead_time_days = ?, minimum_order_quantity = ?, pack_size = ?, active = ?, "
                + "updated_by = ?, updated_at = ?, version = version + 1 where id = ?", n.type, n.min, n.max,
                n.serviceLevel, n.coverDays, cmd.leadTimeDays(), cmd.minimumOrderQuantity(), cmd.packSize(), n.active,
                actor, Timestamp.from(clock.instant()), id);
        ReorderRuleView after = get(id);
        audit.record(actor, "CHANGED", ENTITY, id.toString(), snapshot(before), snapshot(after));
        return after;
    }

    @Transactional
    @PreAuthorize(MANAGERS)
    public void delete(UUID id) {
        ReorderRuleView before = lock(id);
        jdbc.update("delete from reorder_rule where id = ?", id);
        audit.record(CurrentUser.get().username(), "DELETED", ENTITY, id.toString(), snapshot(before), null);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public ReorderRuleView get(UUID id) {
        List<ReorderRuleView> found = jdbc.query(SELECT + " where r.id = ?", ReorderRules::map, id);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No reorder rule " + id);
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public PageView<ReorderRuleView> list(UUID itemId, UUID warehouseId, String q, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (itemId != null) {
            where.append(" and r.item_id = ?");
            args.add(itemId);
        }
        if (warehouseId != null) {
            where.append(" and r.warehouse_id = ?");
            args.add(warehouseId);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (i.sku ilike ? or i.name ilike ?)");
            String like = "%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%";
            args.add(like);
            args.add(like);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<ReorderRuleView> items = jdbc.query(SELECT + where + " order by i.sku, w.code limit ? offset ?",
                ReorderRules::map, pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from reorder_rule r join item i on i.id = r.item_id" + where,
                Long.class, args.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    private record Normalized(String type, BigDecimal min, BigDecimal max, BigDecimal serviceLevel, int coverDays,
            boolean active) {
    }

    private Normalized validate(ReorderRuleCommand cmd) {
        String type = cmd.type().strip().toUpperCase(java.util.Locale.ROOT);
        if (!type.equals("FIXED_MIN_MAX") && !type.equals("FORECAST")) {
            throw new InvalidInput("type", "must be FIXED_MIN_MAX or FORECAST");
        }
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from item where id = ? and active)",
                Boolean.class, cmd.itemId()))) {
            throw new InvalidInput("itemId", "is not a known active item");
        }
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from warehouse where id = ? and active)",
                Boolean.class, cmd.warehouseId()))) {
            throw new InvalidInput("warehouseId", "is not a known active warehouse");
        }
        BigDecimal min = null;
        BigDecimal max = null;
        BigDecimal serviceLevel = null;
        if (type.equals("FIXED_MIN_MAX")) {
            if (cmd.min() == null) {
                throw new InvalidInput("min", "is required for FIXED_MIN_MAX");
            }
            if (cmd.max() == null) {
                throw new InvalidInput("max", "is required for FIXED_MIN_MAX");
            }
            if (cmd.min().signum() < 0) {
                throw new InvalidInput("min", "must not be negative");
            }
            if (cmd.max().compareTo(cmd.min()) < 0) {
                throw new InvalidInput("max", "must not be less than min (" + cmd.min().toPlainString() + ")");
            }
            min = cmd.min();
            max = cmd.max();
        } else {
            if (cmd.serviceLevel() == null) {
                throw new InvalidInput("serviceLevel", "is required for FORECAST (percent, 50 to 99.9)");
            }
            if (cmd.serviceLevel().compareTo(MIN_SERVICE_LEVEL) < 0 || cmd.serviceLevel().compareTo(MAX_SERVICE_LEVEL) > 0) {
                throw new InvalidInput("serviceLevel", "must lie between 50 and 99.9 (percent)");
            }
            serviceLevel = cmd.serviceLevel();
        }
        int coverDays = cmd.coverDays() == null ? DEFAULT_COVER_DAYS : cmd.coverDays();
        if (coverDays < 0 || coverDays > 365) {
            throw new InvalidInput("coverDays", "must lie between 0 and 365");
        }
        if (cmd.leadTimeDays() != null && (cmd.leadTimeDays() < 1 || cmd.leadTimeDays() > 365)) {
            throw new InvalidInput("leadTimeDays", "must lie between 1 and 365");
        }
        if (cmd.minimumOrderQuantity() != null && cmd.minimumOrderQuantity().signum() < 0) {
            throw new InvalidInput("minimumOrderQuantity", "must not be negative");
        }
        if (cmd.packSize() != null && cmd.packSize().signum() <= 0) {
            throw new InvalidInput("packSize", "must be greater than 0");
        }
        return new Normalized(type, min, max, serviceLevel, coverDays, cmd.active() == null || cmd.active());
    }

    private ReorderRuleView lock(UUID id) {
        if (jdbc.queryForList("select id from reorder_rule where id = ? for update", UUID.class, id).isEmpty()) {
            throw new ProblemException.NotFound("No reorder rule " + id);
        }
        return get(id);
    }

    static Map<String, Object> snapshot(ReorderRuleView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("itemId", v.itemId());
        s.put("sku", v.sku());
        s.put("warehouseId", v.warehouseId());
        s.put("type", v.type());
        s.put("min", v.min());
        s.put("max", v.max());
        s.put("serviceLevel", v.serviceLevel());
        s.put("coverDays", v.coverDays());
        s.put("leadTimeDays", v.leadTimeDays());
        s.put("minimumOrderQuantity", v.minimumOrderQuantity());
        s.put("packSize", v.packSize());
        s.put("active", v.active());
        s.put("version", v.version());
        return s;
    }

    private static ReorderRuleView map(ResultSet rs, int n) throws SQLException {
        return new ReorderRuleView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8),
                StockQueries.strip(rs.getBigDecimal(9)), StockQueries.strip(rs.getBigDecimal(10)),
                StockQueries.strip(rs.getBigDecimal(11)), rs.getInt(12), (Integer) rs.getObject(13),
                StockQueries.strip(rs.getBigDecimal(14)), StockQueries.strip(rs.getBigDecimal(15)), rs.getBoolean(16),
                rs.getString(17), rs.getTimestamp(18).toInstant(), rs.getLong(19));
    }
}
