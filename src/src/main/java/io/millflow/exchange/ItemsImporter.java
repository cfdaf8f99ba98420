package io.millflow.exchange;

import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.ItemCommand;
import io.millflow.ims.Tracking;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Items: one row per item. Checked by {@link MasterData#checkItems} (the rules of {@code createItem}, plus SKUs
 * taken or given twice) and written in one go by {@link MasterData#createItems} (JDBC batches, one audit record
 * per item).
 */
@Component
class ItemsImporter implements KindImporter<ItemsImporter.Plan> {

    record Plan(List<Integer> rows, List<ItemCommand> commands) {
    }

    private final MasterData masterData;

    ItemsImporter(MasterData masterData) {
        this.masterData = masterData;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ITEMS;
    }

    @Override
    public Plan read(Sheet s) {
        List<Integer> rows = new ArrayList<>();
        List<ItemCommand> commands = new ArrayList<>();
        for (Table.Row r : s.rows()) {
            int before = s.errors().size();
            Map<String, BigDecimal> units = alternativeUnits(s, r);
            String abc = s.text(r, "abc_class");
            ItemCommand cmd = new ItemCommand(s.required(r, "sku"), s.required(r, "name"), s.text(r, "description"),
                    s.text(r, "category"), s.required(r, "base_unit"),
                    s.enumValue(r, "tracking", Tracking.class, Tracking.NONE), s.integer(r, "shelf_life_days"),
                    abc == null ? "C" : abc.toUpperCase(java.util.Locale.ROOT), s.bool(r, "active"), units);
            if (s.errors().size() == before) {
                rows.add(r.number());
                commands.add(cmd);
            }
        }
        for (MasterData.BulkProblem p : masterData.checkItems(commands)) {
            s.errors().add(new RowError(rows.get(p.index()), s.columnOf(p.field()), p.message()));
        }
        return new Plan(rows, commands);
    }

    private static Map<String, BigDecimal> alternativeUnits(Sheet s, Table.Row r) {
        String text = s.text(r, "alternative_units");
        Map<String, BigDecimal> units = new LinkedHashMap<>();
        if (text == null) {
            return units;
        }
        for (String part : text.split("[|]")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                s.error(r, "alternative_units", "must list UNIT=factor pairs separated by | (e.g. BOX=100): " + part);
                continue;
            }
            BigDecimal factor = s.decimal(r, "alternative_units", kv[1].strip());
            if (factor != null) {
                units.put(kv[0].strip().toUpperCase(java.util.Locale.ROOT), factor);
            }
        }
        return units;
    }

    @Override
    public int write(Sheet s, Plan plan) {
        try {
            return masterData.createItems(plan.commands()).size();
        } catch (ProblemException e) {
            // createItems checks again; a row that became invalid since read (e.g. a SKU taken meanwhile)
            Object errors = e.properties().get("errors");
            if (errors instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                int index = (Integer) first.get("index");
                throw new RowFailure(new RowError(plan.rows().get(index), s.columnOf((String) first.get("field")),
                        (String) first.get("message")), e);
            }
            throw e;
        }
    }
}
