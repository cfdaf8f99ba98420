package io.millflow.exchange;

/** A fault of one row: its number in the file (header = row 1), the column (as documented) and what is wrong. */
public record RowError(int row, String column, String message) {
}
