package io.millflow.exchange;

import io.millflow.procurement.SupplierCatalogue;
import io.millflow.procurement.SupplierViews.PriceCommand;
import io.millflow.procurement.SupplierViews.SupplierItemCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Supplier prices: a supplier item (terms: supplier SKU, order unit, lead time, minimum order quantity, pack size,
 * currency, preferred) with its price breaks. Rows of the same supplier and item are the breaks of one supplier
 * item and must repeat the same terms. Written with {@link SupplierCatalogue#create}; the import adds catalogue
 * entries, it does not change existing ones.
 */
@Component
class SupplierPricesImporter implements KindImporter<SupplierPricesImporter.Plan> {

    record Terms(String supplierSku, String description, String orderUnit, Integer leadTime, BigDecimal moq,
            BigDecimal pack, String currency, Boolean preferred) {
    }

    /** A catalogue entry: its first row, the row of each price break, and the command. */
    record Entry(int row, List<Integer> breakRows, UUID supplierId, SupplierItemCommand command) {

        /** The row a field error of the service belongs to: the break's row for {@code prices[i].…}. */
        int rowOf(String field) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^prices\\[(\\d+)]").matcher(field == null ? "" : field);
            return m.find() && Integer.parseInt(m.group(1)) < breakRows.size() ? breakRows.get(Integer.parseInt(m.group(1))) : row;
        }
    }

    record Plan(List<Entry> entries) {
    }

    private final SupplierCatalogue catalogue;
    private final References refs;
    private final Validator validator;
    private final Clock clock;

    SupplierPricesImporter(SupplierCatalogue catalogue, References refs, Validator validator, Clock clock) {
        this.catalogue = catalogue;
        this.refs = refs;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SUPPLIER_PRICES;
    }

    @Override
    public Plan read(Sheet s) {
        Map<String, UUID> suppliers = refs.suppliers();
        Map<String, References.ItemRef> items = refs.items(s.distinct("item", false));
        Set<String> existing = refs.supplierItems(suppliers.values());
        // supplier id / item id -> first row, terms and breaks
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        Map<String, Terms> terms = new LinkedHashMap<>();
        Map<String, List<PriceCommand>> breaks = new LinkedHashMap<>();
        Map<String, List<Integer>> breakRows = new LinkedHashMap<>();
        Map<String, UUID> supplierOf = new LinkedHashMap<>();
        Map<String, UUID> itemOf = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        LocalDate today = LocalDate.now(clock);
        for (Table.Row r : s.rows()) {
            int before = s.errors().size();
            String supplierCode = s.required(r, "supplier");
            UUID supplier = supplierCode == null ? null : suppliers.get(supplierCode.toUpperCase(Locale.ROOT));
            if (supplierCode != null && supplier == null) {
                s.error(r, "supplier", "is not a known supplier: " + supplierCode);
            }
            String sku = s.required(r, "item");
            References.ItemRef item = sku == null ? null : items.get(sku);
            if (sku != null && item == null) {
                s.error(r, "item", "is not a known item: " + sku);
            }
            String unit = s.text(r, "order_unit");
            unit = unit == null ? (item == null ? null : item.baseUnit()) : unit.toUpperCase(Locale.ROOT);
            if (item != null && unit != null && !unit.equals(item.baseUnit()) && !item.units().contains(unit)) {
                s.error(r, "order_unit", "must be the item's base unit " + item.baseUnit() + " or one of its "
                        + "alternative units " + item.units());
            }
            String currency = s.text(r, "currency");
            Terms t = new Terms(s.required(r, "supplier_sku"), s.text(r, "supplier_description"), unit,
                    s.integer(r, "lead_time_days"), orDefault(s.decimal(r, "minimum_order_quantity"), BigDecimal.ZERO),
                    orDefault(s.decimal(r, "pack_size"), BigDecimal.ONE),
                    currency == null ? null : currency.toUpperCase(Locale.ROOT), s.bool(r, "preferred"));
            if (s.text(r, "lead_time_days") == null) {
                s.error(r, "lead_time_days", "is required");
            }
            LocalDate from = s.date(r, "valid_from");
            PriceCommand price = new PriceCommand(orDefault(s.decimal(r, "min_quantity"), BigDecimal.ZERO),
                    s.decimal(r, "unit_price"), from == null ? today : from, s.date(r, "valid_to"));
            if (s.text(r, "unit_price") == null) {
                s.error(r, "unit_price", "is required");
            }
            if (supplier == null || item == null) {
                continue;
            }
            String key = supplier + "/" + item.id();
            if (existing.contains(key)) {
                s.error(r, "item", "supplier " + supplierCode + " already sells item " + sku
                        + "; the import adds new catalogue entries only");
            }
            Integer first = firstRow.putIfAbsent(key, r.number());
            if (first == null) {
                terms.put(key, t);
                supplierOf.put(key, supplier);
                itemOf.put(key, item.id());
                breaks.put(key, new ArrayList<>());
                breakRows.put(key, new ArrayList<>());
            } else if (!terms.get(key).equals(t)) {
                s.error(r, "supplier_sku", "rows of supplier " + supplierCode + " and item " + sku + " are price breaks "
                        + "of one catalogue entry and must repeat its terms (as on row " + first + ")");
            }
            breaks.get(key).add(price);
            breakRows.get(key).add(r.number());
            if (s.errors().size() > before) {
                failed.add(key);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (String key : firstRow.keySet()) {
            Terms t = terms.get(key);
            SupplierItemCommand cmd = new SupplierItemCommand(itemOf.get(key), t.supplierSku(), t.description(),
                    t.orderUnit(), t.leadTime(), t.moq(), t.pack(), t.currency(), t.preferred(), null, breaks.get(key));
            if (failed.contains(key)) {
                continue;
            }
            int before = s.errors().size();
            Entry entry = new Entry(firstRow.get(key), breakRows.get(key), supplierOf.get(key), cmd);
            for (ConstraintViolation<SupplierItemCommand> v : validator.validate(cmd)) {
                String path = v.getPropertyPath().toString();
                s.errors().add(new RowError(entry.rowOf(path), s.columnOf(path), v.getMessage()));
            }
            if (s.errors().size() == before) {
                entries.add(entry);
            }
        }
        Map<String, Integer> preferredRow = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (Boolean.TRUE.equals(e.command().preferred())) {
                Integer other = preferredRow.putIfAbsent(e.command().itemId().toString(), e.row());
                if (other != null) {
                    s.errors().add(new RowError(e.row(), "preferred", "another row (" + other
                            + ") makes another supplier preferred for this item"));
                }
            }
        }
        return new Plan(entries);
    }

    private static BigDecimal orDefault(BigDecimal v, BigDecimal d) {
        return v == null ? d : v;
    }

    @Override
    public int write(Sheet s, Plan plan) {
        for (Entry e : plan.entries()) {
            try {
                KindImporter.forRow(s, e.row(), () -> catalogue.create(e.supplierId(), e.command()));
            } catch (RowFailure f) {
                Throwable cause = f.getCause();
                String field = cause instanceof io.millflow.shared.ProblemException pe ? pe.field() : null;
                throw new RowFailure(new RowError(e.rowOf(field), f.error().column(), f.error().message()), cause);
            }
        }
        return plan.entries().size();
    }
}
