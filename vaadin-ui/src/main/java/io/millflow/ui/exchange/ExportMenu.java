package io.millflow.ui.exchange;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.SerializableComparator;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.millflow.exchange.TableWriter;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * "CSV" and "XLSX" buttons that export what a list view's grid shows: the columns registered with
 * {@link #column} (the grid's own headers when bound to a grid column, left out while that column is hidden) and all
 * rows of the grid's data provider with its current filter and sort order, page by page (500 rows a page), not
 * just the rows loaded in the browser, at most {@link #MAX_ROWS}. Values a spreadsheet would take for formulas are
 * written with a leading {@code '} ({@link TableWriter#guard}). A view whose grid is not fed by a plain data provider
 * (a tree) gives its rows with {@link #rows}.
 *
 * <pre>
 * ExportMenu&lt;SupplierView&gt; export = new ExportMenu&lt;&gt;(grid, "suppliers")
 *         .column("Code", SupplierView::code).column("Name", SupplierView::name);
 * </pre>
 */
public class ExportMenu<T> extends Composite<HorizontalLayout> {

    /** Rows exported at most (the file says so in its last row when there were more). */
    public static final int MAX_ROWS = 100_000;
    static final int PAGE = 500;

    private record Column<T>(String header, Grid.Column<T> gridColumn, ValueProvider<T, ?> value) {
    }

    private final Grid<T> grid;
    private final String fileBase;
    private final List<Column<T>> columns = new ArrayList<>();
    private BiFunction<Integer, Integer, List<T>> pages;
    private final Anchor download = new Anchor();

    public ExportMenu(Grid<T> grid, String fileBase) {
        this.grid = grid;
        this.fileBase = fileBase;
        Button csv = new Button("CSV", VaadinIcon.DOWNLOAD_ALT.create(), e -> offer(TableWriter.Format.CSV));
        csv.setId(fileBase + "-export-csv");
        Button xlsx = new Button("XLSX", VaadinIcon.DOWNLOAD_ALT.create(), e -> offer(TableWriter.Format.XLSX));
        xlsx.setId(fileBase + "-export-xlsx");
        for (Button b : List.of(csv, xlsx)) {
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            b.getElement().setAttribute("title", "Export the rows of this list (current filter, all pages) as " + b.getText());
        }
        download.setId(fileBase + "-export-download");
        download.getElement().setAttribute("download", true);
        download.getStyle().set("display", "none");
        getContent().add(csv, xlsx, download);
        getContent().setSpacing(false);
        getContent().addClassName("export-menu");
    }

    /** An export of a list that is not a grid: its rows come from {@code pages} ({@code (page, size) -> rows}). */
    public ExportMenu(String fileBase, BiFunction<Integer, Integer, List<T>> pages) {
        this(null, fileBase);
        this.pages = pages;
    }

    /** Adds a column with its own header. */
    public ExportMenu<T> column(String header, ValueProvider<T, ?> value) {
        columns.add(new Column<>(header, null, value));
        return this;
    }

    /** Adds a column bound to a grid column: the grid's header text, and left out while the grid column is hidden. */
    public ExportMenu<T> column(Grid.Column<T> gridColumn, ValueProvider<T, ?> value) {
        columns.add(new Column<>(null, gridColumn, value));
        return this;
    }

    /** Rows from a source of pages {@code (page, size) -> rows} instead of the grid's data provider. */
    public ExportMenu<T> rows(BiFunction<Integer, Integer, List<T>> pages) {
        this.pages = pages;
        return this;
    }

    public List<String> headers() {
        return visible().stream().map(c -> c.gridColumn() == null ? c.header() : c.gridColumn().getHeaderText()).toList();
    }

    /** The rows as exported: one list of values per row, at most {@link #MAX_ROWS}. */
    public List<List<Object>> values() {
        List<Column<T>> cols = visible();
        List<List<Object>> out = new ArrayList<>();
        for (int page = 0; out.size() < MAX_ROWS; page++) {
            List<T> items = page(page);
            for (T item : items) {
                if (out.size() >= MAX_ROWS) {
                    break;
                }
                List<Object> row = new ArrayList<>(cols.size());
                for (Column<T> c : cols) {
                    row.add(value(c.value().apply(item)));
                }
                out.add(row);
            }
            if (items.size() < PAGE) {
                break;
            }
        }
        return out;
    }

    public byte[] export(TableWriter.Format format) {
        return TableWriter.write(format, fileBase, headers(), values());
    }

    public String fileName(TableWriter.Format format) {
        return fileBase + "-" + LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE) + "." + format.extension();
    }

    private void offer(TableWriter.Format format) {
        byte[] bytes = export(format);
        String name = fileName(format);
        download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes),
                name, format.contentType(), bytes.length)));
        download.getElement().executeJs("setTimeout(() => this.click(), 0)");
    }

    private List<Column<T>> visible() {
        return columns.stream().filter(c -> c.gridColumn() == null || c.gridColumn().isVisible()).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<T> page(int page) {
        if (pages != null) {
            return pages.apply(page, PAGE);
        }
        List<QuerySortOrder> sort = new ArrayList<>();
        Comparator<T> inMemory = null;
        for (GridSortOrder<T> order : grid.getSortOrder()) {
            SortDirection direction = order.getDirection();
            order.getSorted().getSortOrder(direction).forEach(sort::add);
            SerializableComparator<T> c = order.getSorted().getComparator(direction);
            if (c != null) {
                inMemory = inMemory == null ? c : inMemory.thenComparing(c);
            }
        }
        DataProvider provider = grid.getDataProvider();
        if (provider.isInMemory()) {
            // the list data view applies the grid's own (in-memory) filter, which the provider does not know
            java.util.stream.Stream<T> items = grid.getListDataView().getItems();
            if (inMemory != null) {
                items = items.sorted(inMemory);
            }
            return items.skip((long) page * PAGE).limit(PAGE).collect(Collectors.toList());
        }
        Query query = new Query(page * PAGE, PAGE, sort, inMemory, null);
        return (List<T>) provider.fetch(query).collect(Collectors.toList());
    }

    private static Object value(Object v) {
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof LocalDate) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v.toString();
    }
}
