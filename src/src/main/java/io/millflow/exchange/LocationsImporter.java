package io.millflow.exchange;

import io.millflow.ims.LocationType;
import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.LocationCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Locations (bins, zones, aisles): one row per location, a parent named by code (existing, or on an earlier row of
 * the file). Written one by one with {@link MasterData#createLocation}, so a child gets the id of a parent created
 * a few rows before.
 */
@Component
class LocationsImporter implements KindImporter<LocationsImporter.Plan> {

    record Entry(int row, LocationCommand command, String parentCode) {
    }

    record Plan(List<Entry> entries) {
    }

    private final MasterData masterData;
    private final References refs;
    private final Validator validator;

    LocationsImporter(MasterData masterData, References refs, Validator validator) {
        this.masterData = masterData;
        this.refs = refs;
        this.validator = validator;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.LOCATIONS;
    }

    @Override
    public Plan read(Sheet s) {
        Map<String, UUID> warehouses = refs.warehouses();
        Map<String, References.LocationRef> existing = refs.locations(warehouses.values());
        Map<String, LocationType> inFile = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Table.Row r : s.rows()) {
            int before = s.errors().size();
            String whCode = s.required(r, "warehouse");
            UUID wh = whCode == null ? null : warehouses.get(whCode);
            if (whCode != null && wh == null) {
                s.error(r, "warehouse", "is not a known warehouse: " + whCode);
            }
            String code = s.required(r, "code");
            code = code == null ? null : code.toUpperCase(Locale.ROOT);
            LocationType type = s.enumValue(r, "type", LocationType.class, LocationType.STORAGE);
            if (type != null && type.isVirtual()) {
                s.error(r, "type", "is a virtual type; virtual locations are built in");
            }
            LocationCommand cmd = new LocationCommand(wh == null ? new UUID(0, 0) : wh, null, code, s.required(r, "name"),
                    type, s.bool(r, "active"));
            for (ConstraintViolation<LocationCommand> v : validator.validate(cmd)) {
                s.error(r, s.columnOf(v.getPropertyPath().toString()), v.getMessage());
            }
            String parent = s.text(r, "parent");
            parent = parent == null ? null : parent.toUpperCase(Locale.ROOT);
            if (wh != null && code != null) {
                String key = wh + "/" + code;
                if (existing.containsKey(key)) {
                    s.error(r, "code", "is already used in warehouse " + whCode);
                } else if (firstRow.containsKey(key)) {
                    s.error(r, "code", "is given twice in the file (also row " + firstRow.get(key) + ")");
                }
                if (parent != null) {
                    References.LocationRef p = existing.get(wh + "/" + parent);
                    LocationType parentType = p != null ? LocationType.valueOf(p.type()) : inFile.get(wh + "/" + parent);
                    if (parentType == null) {
                        s.error(r, "parent", "is neither a location of warehouse " + whCode + " nor on an earlier row: " + parent);
                    } else if (parentType != LocationType.VIEW) {
                        s.error(r, "parent", parent + " is a " + parentType + " location; only VIEW locations (zones, "
                                + "aisles) have children");
                    }
                }
                firstRow.putIfAbsent(key, r.number());
                if (type != null) {
                    inFile.putIfAbsent(key, type);
                }
            }
            if (s.errors().size() == before) {
                entries.add(new Entry(r.number(), cmd, parent));
            }
        }
        return new Plan(entries);
    }

    @Override
    public int write(Sheet s, Plan plan) {
        Map<String, UUID> created = new HashMap<>();
        Map<String, References.LocationRef> existing = null;
        for (Entry e : plan.entries()) {
            LocationCommand c = e.command();
            UUID parentId = null;
            if (e.parentCode() != null) {
                parentId = created.get(c.warehouseId() + "/" + e.parentCode());
                if (parentId == null) {
                    if (existing == null) {
                        existing = refs.locations(plan.entries().stream().map(x -> x.command().warehouseId()).distinct().toList());
                    }
                    References.LocationRef p = existing.get(c.warehouseId() + "/" + e.parentCode());
                    parentId = p == null ? null : p.id();
                }
            }
            LocationCommand withParent = new LocationCommand(c.warehouseId(), parentId, c.code(), c.name(), c.type(), c.active());
            UUID id = KindImporter.forRow(s, e.row(), () -> masterData.createLocation(withParent).id());
            created.put(c.warehouseId() + "/" + c.code(), id);
        }
        return plan.entries().size();
    }
}
