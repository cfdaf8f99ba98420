package io.millflow.ui.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import io.millflow.exchange.Table;
import io.millflow.exchange.TableReader;
import io.millflow.exchange.TableWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The export of a grid: its columns, the rows of its current filter (all pages) and the formula guard. */
class ExportMenuTest {

    record Part(String sku, String name, BigDecimal qty, LocalDate due) {
    }

    static List<Part> parts(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new Part("P-" + i, i == 3 ? "=cmd|'/c calc'!A1" : "Part " + i,
                BigDecimal.valueOf(i).movePointLeft(1), LocalDate.of(2027, 1, 1).plusDays(i))).toList();
    }

    @Test
    void anInMemoryGridExportsItsFilteredRowsWithTheHeadersInCsvAndXlsx() {
        Grid<Part> grid = new Grid<>();
        Grid.Column<Part> skuColumn = grid.addColumn(Part::sku).setHeader("SKU");
        grid.addColumn(Part::name).setHeader("Name");
        grid.setItems(parts(1200)).setFilter(p -> Integer.parseInt(p.sku().substring(2)) % 2 == 1);
        ExportMenu<Part> export = new ExportMenu<>(grid, "parts").column(skuColumn, Part::sku)
                .column("Name", Part::name).column("Quantity", Part::qty).column("Due", Part::due);

        for (TableWriter.Format format : TableWriter.Format.values()) {
            Table t = TableReader.read("parts." + format.extension(), export.export(format));
            assertThat(t.headers()).containsExactly("SKU", "Name", "Quantity", "Due");
            assertThat(t.rows()).hasSize(600); // all filtered rows, more than one page of 500
            assertThat(t.rows().get(0).values()).containsExactly("P-1", "Part 1", "0.1", "2027-01-02");
            assertThat(t.rows().get(1).values().get(1)).isEqualTo("'=cmd|'/c calc'!A1");
            assertThat(t.rows()).allMatch(r -> Integer.parseInt(r.get(0).substring(2)) % 2 == 1);
        }
        // a hidden grid column is not exported
        skuColumn.setVisible(false);
        assertThat(export.headers()).containsExactly("Name", "Quantity", "Due");
        assertThat(export.fileName(TableWriter.Format.XLSX)).startsWith("parts-").endsWith(".xlsx");
    }

    @Test
    void aLazyGridIsReadPageByPageInItsSortOrder() {
        List<Part> all = new ArrayList<>(parts(1234));
        List<int[]> requests = new ArrayList<>();
        Grid<Part> grid = new Grid<>();
        Grid.Column<Part> sku = grid.addColumn(Part::sku).setHeader("SKU").setSortProperty("sku");
        grid.setItems(q -> {
            requests.add(new int[] {q.getPage(), q.getPageSize()});
            boolean desc = !q.getSortOrders().isEmpty() && q.getSortOrders().get(0).getDirection() == SortDirection.DESCENDING;
            List<Part> sorted = new ArrayList<>(all);
            if (desc) {
                java.util.Collections.reverse(sorted);
            }
            return sorted.stream().skip(q.getOffset()).limit(q.getLimit());
        }, q -> all.size());
        grid.sort(List.of(new GridSortOrder<>(sku, SortDirection.DESCENDING)));
        ExportMenu<Part> export = new ExportMenu<>(grid, "parts").column("SKU", Part::sku);
        List<List<Object>> rows = export.values();
        assertThat(rows).hasSize(1234);
        assertThat(rows.get(0)).containsExactly("P-1234");
        assertThat(requests).extracting(r -> r[0] + "/" + r[1]).containsExactly("0/500", "1/500", "2/500");
    }

    @Test
    void aListThatIsNotAGridGivesItsPages() {
        List<Part> all = parts(700);
        ExportMenu<Part> export = new ExportMenu<Part>("orders", (page, size) -> all.stream().skip((long) page * size)
                .limit(size).toList()).column("SKU", Part::sku);
        assertThat(export.values()).hasSize(700);
    }
}
