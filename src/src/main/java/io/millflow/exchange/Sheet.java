package io.millflow.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table read against the columns of a kind: finds each column's position by its header, reports missing required
 * and unknown columns (row 1), and reads typed cell values, adding a {@link RowError} for each value that cannot be
 * read.
 */
final class Sheet {

    private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("d.M.uuuu");

    private final ImportKind kind;
    private final Table table;
    private final List<RowError> errors;
    private final Map<String, Integer> positions = new HashMap<>();

    Sheet(ImportKind kind, Table table, List<RowError> errors) {
        this.kind = kind;
        this.table = table;
        this.errors = errors;
        for (int i = 0; i < table.headers().size(); i++) {
            String header = table.headers().get(i);
            if (header.isBlank()) {
                continue;
            }
            ImportColumn column = kind.columns().stream().filter(c -> c.matches(header)).findFirst().orElse(null);
            if (column == null) {
                errors.add(new RowError(1, header, "is not a column of a " + kind.slug() + " file (columns: "
                        + kind.columns().stream().map(ImportColumn::name).toList() + ")"));
            } else if (positions.putIfAbsent(column.name(), i) != null) {
                errors.add(new RowError(1, header, "names column " + column.name() + " a second time"));
            }
        }
        for (ImportColumn c : kind.columns()) {
            if (c.required() && !positions.containsKey(c.name())) {
                errors.add(new RowError(1, c.name(), "is a required column and missing from the header row"));
            }
        }
    }

    List<Table.Row> rows() {
        return table.rows();
    }

    List<RowError> errors() {
        return errors;
    }

    void error(Table.Row row, String column, String message) {
        errors.add(new RowError(row.number(), column, message));
    }

    /** The stripped text of a cell, or null when empty or the column is absent. */
    String text(Table.Row row, String column) {
        kind.column(column);
        Integer i = positions.get(column);
        String v = i == null ? "" : row.get(i);
        return v.isEmpty() ? null : v;
    }

    /** The distinct non-empty values of a column over all rows (for one look-up of what they refer to). */
    java.util.Set<String> distinct(String column, boolean upperCase) {
        java.util.Set<String> values = new java.util.HashSet<>();
        for (Table.Row r : table.rows()) {
            String v = text(r, column);
            if (v != null) {
                values.add(upperCase ? v.toUpperCase(Locale.ROOT) : v);
            }
        }
        return values;
    }

    /** The text of a cell that must be filled (an error and null when it is empty). */
    String required(Table.Row row, String column) {
        String v = text(row, column);
        if (v == null) {
            error(row, column, "is required");
        }
        return v;
    }

    Integer integer(Table.Row row, String column) {
        BigDecimal d = decimal(row, column);
        if (d == null) {
            return null;
        }
        try {
            return d.intValueExact();
        } catch (ArithmeticException e) {
            error(row, column, "is not a whole number: " + text(row, column));
            return null;
        }
    }

    /** A decimal: {@code 1234.5}; a comma alone is taken as the decimal separator ({@code 1234,5}). */
    BigDecimal decimal(Table.Row row, String column) {
        String v = text(row, column);
        return v == null ? null : decimal(row, column, v);
    }

    BigDecimal decimal(Table.Row row, String column, String v) {
        String s = v.replace(" ", "");
        if (!s.contains(".") && s.indexOf(',') >= 0 && s.indexOf(',') == s.lastIndexOf(',')) {
            s = s.replace(',', '.');
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            error(row, column, "is not a number: " + v);
            return null;
        }
    }

    /** A date: ISO {@code 2027-01-31} (as XLSX date cells are read) or German {@code 31.01.2027}. */
    LocalDate date(Table.Row row, String column) {
        String v = text(row, column);
        if (v == null) {
            return null;
        }
        try {
            return v.contains(".") ? LocalDate.parse(v, GERMAN) : LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T'
                    ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            error(row, column, "is not a date (use 2027-01-31 or 31.01.2027): " + v);
            return null;
        }
    }

    /** true/false, yes/no, ja/nein, 1/0, x; null when empty. */
    Boolean bool(Table.Row row, String column) {
        String v = text(row, column);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "ja", "j", "1", "x", "wahr" -> Boolean.TRUE;
            case "false", "no", "n", "nein", "0", "falsch" -> Boolean.FALSE;
            default -> {
                error(row, column, "is not true or false: " + v);
                yield null;
            }
        };
    }

    <E extends Enum<E>> E enumValue(Table.Row row, String column, Class<E> type, E fallback) {
        String v = text(row, column);
        if (v == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            error(row, column, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()) + ": " + v);
            return null;
        }
    }

    /**
     * The column a service's field error belongs to: {@code prices[0].unitPrice} → the column filling
     * {@code unitPrice}; {@code alternativeUnits.BOX} → the one filling {@code alternativeUnits}.
     */
    String columnOf(String field) {
        if (field == null) {
            return "";
        }
        String f = field.replaceAll("^[A-Za-z]+\\[\\d+]\\.", "");
        String head = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
        String bare = head.replaceAll("\\[[^]]*]$", "");
        return kind.columns().stream().filter(c -> c.field().equals(bare) || c.field().equals(f)).map(ImportColumn::name)
                .findFirst().orElse(field);
    }
}
