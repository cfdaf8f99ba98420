package io.millflow.exchange;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read-only look-ups of existing data an import file refers to by code (items by SKU, warehouses, locations,
 * suppliers, departments, units), one query per kind of reference for a whole file. Nothing here writes: writes go
 * through the capabilities' services, which check the same references again.
 */
@Component
class References {

    record ItemRef(UUID id, String sku, String baseUnit, String tracking, boolean active, Set<String> units) {
    }

    record LocationRef(UUID id, UUID warehouseId, String code, String type, boolean active) {
    }

    private final JdbcTemplate jdbc;

    References(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, ItemRef> items(Collection<String> skus) {
        Map<String, ItemRef> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        Map<UUID, Set<String>> units = new HashMap<>();
        jdbc.query("select u.item_id, u.unit_code from item_unit u join item i on i.id = u.item_id where i.sku = any(?)",
                rs -> {
                    units.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2));
                }, (Object) skus.toArray(String[]::new));
        jdbc.query("select id, sku, base_unit, tracking, active from item where sku = any(?)", rs -> {
            UUID id = rs.getObject(1, UUID.class);
            found.put(rs.getString(2), new ItemRef(id, rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getBoolean(5), units.getOrDefault(id, Set.of())));
        }, (Object) skus.toArray(String[]::new));
        return found;
    }

    Set<String> units() {
        return new HashSet<>(jdbc.queryForList("select code from unit_of_measure", String.class));
    }

    Map<String, UUID> warehouses() {
        return codes("select code, id from warehouse");
    }

    /** Locations of warehouses, by warehouse id + "/" + code. */
    Map<String, LocationRef> locations(Collection<UUID> warehouseIds) {
        Map<String, LocationRef> found = new HashMap<>();
        if (warehouseIds.isEmpty()) {
            return found;
        }
        jdbc.query("select id, warehouse_id, code, type, active from location where warehouse_id = any(?::uuid[])", rs -> {
            LocationRef l = new LocationRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                    rs.getString(4), rs.getBoolean(5));
            found.put(l.warehouseId() + "/" + l.code(), l);
        }, (Object) warehouseIds.stream().map(UUID::toString).toArray(String[]::new));
        return found;
    }

    Map<String, UUID> suppliers() {
        return codes("select code, id from supplier");
    }

    /** Supplier items that exist, as supplier id + "/" + item id. */
    Set<String> supplierItems(Collection<UUID> supplierIds) {
        if (supplierIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select supplier_id || '/' || item_id from supplier_item "
                + "where supplier_id = any(?::uuid[])", String.class,
                (Object) supplierIds.stream().map(UUID::toString).toArray(String[]::new)));
    }

    Map<String, UUID> departments() {
        return codes("select code, id from department");
    }

    Set<String> projectCodes(Collection<String> codes) {
        return codes.isEmpty() ? Set.of() : new HashSet<>(jdbc.queryForList("select code from project where code = any(?)",
                String.class, (Object) codes.toArray(String[]::new)));
    }

    private Map<String, UUID> codes(String sql) {
        Map<String, UUID> m = new HashMap<>();
        jdbc.query(sql, rs -> {
            m.put(rs.getString(1), rs.getObject(2, UUID.class));
        });
        return m;
    }

    static <T> List<T> list(Collection<T> c) {
        return List.copyOf(c);
    }
}
