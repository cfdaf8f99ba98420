package io.millflow.exchange;

import java.util.List;
import java.util.Map;

/**
 * A file read as a table: the header names as written and the data rows, each with its row number in the file
 * (the header is row 1) and its values by header position. Blank rows are left out.
 */
public record Table(List<String> headers, List<Row> rows) {

    /** One data row; {@code values} are indexed like {@link Table#headers()} (missing trailing cells are ""). */
    public record Row(int number, List<String> values) {

        public String get(int index) {
            return index < 0 || index >= values.size() ? "" : values.get(index);
        }
    }

    /** Values of a row by lower-case header, for previews. */
    public Map<String, String> asMap(Row row) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            m.put(headers.get(i), row.get(i));
        }
        return m;
    }
}
