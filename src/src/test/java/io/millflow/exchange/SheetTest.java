package io.millflow.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SheetTest {

    static Sheet sheet(ImportKind kind, List<String> headers, List<String> values, List<RowError> errors) {
        return new Sheet(kind, new Table(headers, List.of(new Table.Row(2, values))), errors);
    }

    @Test
    void headersMatchCaseSpacingAndGermanAliases() {
        List<RowError> errors = new ArrayList<>();
        Sheet s = sheet(ImportKind.ITEMS, List.of("SKU", "Bezeichnung", "Base Unit", "ABC-Klasse", "Haltbarkeit (Tage)"),
                List.of("A-1", "Bolt", "PCS", "B", "30"), errors);
        assertThat(errors).extracting(RowError::column).containsExactly("Haltbarkeit (Tage)");
        Table.Row row = s.rows().get(0);
        assertThat(s.text(row, "name")).isEqualTo("Bolt");
        assertThat(s.text(row, "base_unit")).isEqualTo("PCS");
        assertThat(s.text(row, "abc_class")).isEqualTo("B");
        assertThat(ImportColumn.key("Größe_in-m²")).isEqualTo("groesseinm²");
    }

    @Test
    void missingRequiredAndDoubledColumns() {
        List<RowError> errors = new ArrayList<>();
        sheet(ImportKind.PROJECTS, List.of("code", "projektnummer", "name"), List.of("P", "P", "N"), errors);
        assertThat(errors).extracting(e -> e.row() + ":" + e.column()).containsExactly("1:projektnummer",
                "1:department", "1:manager", "1:start_date", "1:end_date");
    }

    @Test
    void typedValuesWithErrors() {
        List<RowError> errors = new ArrayList<>();
        Sheet s = sheet(ImportKind.SUPPLIER_PRICES, List.of("supplier", "item", "supplier_sku", "lead_time_days",
                "unit_price", "valid_from", "valid_to", "preferred", "min_quantity"),
                List.of("ACME", "X", "S", "5.5", "1.234,5", "31.01.2027", "2027-02-30", "ja", "1,5"), errors);
        Table.Row row = s.rows().get(0);
        assertThat(s.integer(row, "lead_time_days")).isNull();
        assertThat(s.decimal(row, "unit_price")).isNull();
        assertThat(s.decimal(row, "min_quantity")).isEqualByComparingTo("1.5");
        assertThat(s.date(row, "valid_from")).hasToString("2027-01-31");
        assertThat(s.date(row, "valid_to")).isNull();
        assertThat(s.bool(row, "preferred")).isTrue();
        assertThat(errors).extracting(RowError::column).containsExactly("lead_time_days", "unit_price", "valid_to");
    }

    @Test
    void serviceFieldsMapToColumns() {
        Sheet s = sheet(ImportKind.SUPPLIER_PRICES, List.of("supplier"), List.of("A"), new ArrayList<>());
        assertThat(s.columnOf("prices[2].unitPrice")).isEqualTo("unit_price");
        assertThat(s.columnOf("orderUnit")).isEqualTo("order_unit");
        Sheet items = sheet(ImportKind.ITEMS, List.of("sku"), List.of("A"), new ArrayList<>());
        assertThat(items.columnOf("alternativeUnits.BOX")).isEqualTo("alternative_units");
        assertThat(items.columnOf("alternativeUnits[BOX].<map value>")).isEqualTo("alternative_units");
        Sheet stock = sheet(ImportKind.OPENING_STOCK, List.of("item"), List.of("A"), new ArrayList<>());
        assertThat(stock.columnOf("lines[12].lot")).isEqualTo("lot");
        assertThat(stock.columnOf("somethingElse")).isEqualTo("somethingElse");
    }
}
