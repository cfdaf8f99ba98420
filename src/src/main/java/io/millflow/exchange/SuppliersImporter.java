package io.millflow.exchange;

import io.millflow.procurement.AddressKind;
import io.millflow.procurement.SupplierViews.AddressCommand;
import io.millflow.procurement.SupplierViews.SupplierCommand;
import io.millflow.procurement.Suppliers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Suppliers: one row per supplier, with an optional ordering address; written with {@link Suppliers#create}. */
@Component
class SuppliersImporter implements KindImporter<SuppliersImporter.Plan> {

    record Entry(int row, SupplierCommand command) {
    }

    record Plan(List<Entry> entries) {
    }

    private final Suppliers suppliers;
    private final References refs;
    private final Validator validator;

    SuppliersImporter(Suppliers suppliers, References refs, Validator validator) {
        this.suppliers = suppliers;
        this.refs = refs;
        this.validator = validator;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.SUPPLIERS;
    }

    @Override
    public Plan read(Sheet s) {
        Map<String, UUID> existing = refs.suppliers();
        Map<String, Integer> seen = new HashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (Table.Row r : s.rows()) {
            int before = s.errors().size();
            String code = upper(s.required(r, "code"));
            List<AddressCommand> addresses = new ArrayList<>();
            String street = s.text(r, "street");
            String postal = s.text(r, "postal_code");
            String city = s.text(r, "city");
            String country = upper(s.text(r, "country"));
            if (street != null || postal != null || city != null || country != null) {
                addresses.add(new AddressCommand(AddressKind.ORDERING, street, null, postal, city, null, country));
            }
            SupplierCommand cmd = new SupplierCommand(code, s.required(r, "name"), s.text(r, "tax_id"),
                    upper(s.required(r, "currency")), upper(s.required(r, "payment_terms")), s.integer(r, "payment_days"),
                    s.decimal(r, "rating"), s.text(r, "email"), s.text(r, "phone"), s.text(r, "notes"), addresses,
                    List.of());
            if (s.text(r, "payment_days") == null) {
                s.error(r, "payment_days", "is required");
            }
            if (s.errors().size() == before) {
                for (ConstraintViolation<SupplierCommand> v : validator.validate(cmd)) {
                    String path = v.getPropertyPath().toString();
                    s.error(r, path.startsWith("addresses") ? addressColumn(path) : s.columnOf(path), v.getMessage());
                }
            }
            if (code != null) {
                if (existing.containsKey(code)) {
                    s.error(r, "code", "a supplier with code " + code + " exists already");
                } else if (seen.putIfAbsent(code, r.number()) != null) {
                    s.error(r, "code", "is given twice in the file (also row " + seen.get(code) + ")");
                }
            }
            if (s.errors().size() == before) {
                entries.add(new Entry(r.number(), cmd));
            }
        }
        return new Plan(entries);
    }

    private static String addressColumn(String path) {
        if (path.endsWith("line1")) {
            return "street";
        }
        if (path.endsWith("postalCode")) {
            return "postal_code";
        }
        return path.endsWith("country") ? "country" : "city";
    }

    private static String upper(String v) {
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    @Override
    public int write(Sheet s, Plan plan) {
        for (Entry e : plan.entries()) {
            KindImporter.forRow(s, e.row(), () -> suppliers.create(e.command()));
        }
        return plan.entries().size();
    }
}
