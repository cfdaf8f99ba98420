package io.millflow.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes tables as CSV (UTF-8 with BOM so that Excel reads umlauts, comma-separated, RFC 4180 quoting) or XLSX
 * (Apache POI's streaming SXSSF workbook: at most 200 rows in memory). Text that a spreadsheet would take for a
 * formula (starting with {@code = + - @}, tab or carriage return) is written with a leading {@code '} (CSV/formula
 * injection guard); numbers are written as numbers in XLSX and are not touched.
 */
public final class TableWriter {

    public enum Format {
        CSV("text/csv", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        public static Format of(String name) {
            if (name == null || name.isBlank() || name.equalsIgnoreCase("csv")) {
                return CSV;
            }
            if (name.equalsIgnoreCase("xlsx")) {
                return XLSX;
            }
            throw new io.millflow.shared.ProblemException.InvalidInput("format", "must be csv or xlsx: " + name);
        }
    }

    private TableWriter() {
    }

    /** Text as it is written: values a spreadsheet would evaluate get a leading apostrophe. */
    public static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    public static byte[] write(Format format, String sheetName, List<String> headers, Iterable<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(format, sheetName, headers, rows, out);
        return out.toByteArray();
    }

    public static void write(Format format, String sheetName, List<String> headers, Iterable<? extends List<?>> rows,
            OutputStream out) {
        try {
            if (format == Format.CSV) {
                csv(headers, rows, out);
            } else {
                xlsx(sheetName, headers, rows, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csv(List<String> headers, Iterable<? extends List<?>> rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord(headers.stream().map(TableWriter::guard).toList());
        for (List<?> row : rows) {
            p.printRecord(row.stream().map(TableWriter::text).map(TableWriter::guardText).toList());
        }
        p.flush();
    }

    private static String guardText(Object[] kindAndText) {
        return kindAndText[0] == Boolean.TRUE ? (String) kindAndText[1] : guard((String) kindAndText[1]);
    }

    /** [is a number, text]: numbers are written as they are, everything else is guarded. */
    private static Object[] text(Object v) {
        if (v == null) {
            return new Object[] {Boolean.TRUE, ""};
        }
        if (v instanceof BigDecimal d) {
            return new Object[] {Boolean.TRUE, d.toPlainString()};
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof TemporalAccessor) {
            return new Object[] {Boolean.TRUE, v.toString()};
        }
        return new Object[] {Boolean.FALSE, v.toString()};
    }

    private static void xlsx(String sheetName, List<String> headers, Iterable<? extends List<?>> rows, OutputStream out)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(sheetName == null ? "Sheet1" : sheetName.replaceAll("[\\\\/?*\\[\\]:]", " "));
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(guard(headers.get(i)));
                c.setCellStyle(bold);
            }
            int n = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    if (v instanceof Number num) {
                        c.setCellValue(num instanceof BigDecimal d ? d.doubleValue() : num.doubleValue());
                    } else if (v instanceof Boolean b) {
                        c.setCellValue(b);
                    } else if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                    } else {
                        c.setCellValue(guard(v.toString()));
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }
}
