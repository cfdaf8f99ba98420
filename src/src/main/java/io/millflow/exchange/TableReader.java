package io.millflow.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an import file as a {@link Table}: CSV (UTF-8 with or without BOM, else Windows-1252; delimiter
 * {@code ,} {@code ;} or tab, taken from the header line unless given) with Apache Commons CSV, or the first sheet
 * of an XLSX workbook with Apache POI's streaming (SAX) reader, so a big sheet is never held as a DOM. Numbers are
 * read as plain decimals (no grouping, no exponent), date cells as ISO dates ({@code 2027-01-31}). POI's zip-bomb
 * guard stays on (minimum inflate ratio 1 %, at most 100 MB per unpacked part).
 */
public final class TableReader {

    /** At most this many data rows per file. */
    public static final int MAX_ROWS = 100_000;
    private static final long MAX_PART_BYTES = 100L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    public enum Format {
        CSV, XLSX;

        /** The format of a file by its name ({@code .xlsx} or else CSV) or, when that says nothing, its first bytes. */
        public static Format of(String fileName, byte[] content) {
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".xlsx") || (!name.endsWith(".csv") && !name.endsWith(".txt") && content.length > 3
                    && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4)) {
                return XLSX;
            }
            return CSV;
        }
    }

    private TableReader() {
    }

    public static Table read(String fileName, byte[] content) {
        return Format.of(fileName, content) == Format.XLSX ? xlsx(content) : csv(content, null);
    }

    // ------------------------------------------------------------------ CSV

    /** Reads CSV; {@code delimiter} null means: the one of {@code , ; tab} most frequent in the header line. */
    public static Table csv(byte[] content, Character delimiter) {
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char d = delimiter != null ? delimiter : detectDelimiter(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(d).setIgnoreEmptyLines(true).get();
        List<String> headers = null;
        List<Table.Row> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.size());
                record.forEach(v -> values.add(v == null ? "" : v.strip()));
                if (values.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (headers == null) {
                    headers = values;
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new ImportProblems.Unreadable("The file has more than " + MAX_ROWS + " rows");
                }
                rows.add(new Table.Row((int) parser.getCurrentLineNumber() - (record.size() > 0 ? lineBreaks(record) : 0),
                        values));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new ImportProblems.Unreadable("The CSV file cannot be read: " + e.getMessage());
        }
        if (headers == null) {
            throw new ImportProblems.Unreadable("The file is empty: it needs a header row and data rows");
        }
        return new Table(headers, rows);
    }

    /** Line breaks inside the quoted values of a record (the parser's line number is that of the record's end). */
    private static int lineBreaks(CSVRecord record) {
        int n = 0;
        for (String v : record) {
            for (int i = 0; i < v.length(); i++) {
                if (v.charAt(i) == '\n') {
                    n++;
                }
            }
        }
        return n;
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            // not UTF-8: Excel on Windows saves CSV in the ANSI code page
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    static char detectDelimiter(String text) {
        int end = 0;
        boolean quoted = false;
        int comma = 0;
        int semicolon = 0;
        int tab = 0;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                comma++;
            } else if (!quoted && c == ';') {
                semicolon++;
            } else if (!quoted && c == '\t') {
                tab++;
            }
        }
        if (semicolon > comma && semicolon >= tab) {
            return ';';
        }
        return tab > comma ? '\t' : ',';
    }

    // ------------------------------------------------------------------ XLSX

    public static Table xlsx(byte[] content) {
        try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportProblems.Unreadable("The workbook has no sheet");
            }
            Collector collector = new Collector();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, collector, new PlainFormatter(),
                        false));
                parser.parse(new InputSource(sheet));
            }
            if (collector.headers == null) {
                throw new ImportProblems.Unreadable("The first sheet is empty: it needs a header row and data rows");
            }
            return new Table(collector.headers, collector.rows);
        } catch (ImportProblems.Unreadable e) {
            throw e;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImportProblems.Unreadable("The XLSX file cannot be read: " + message.split("\n")[0]);
        }
    }

    /** Collects the rows of a sheet as the SAX handler reports its cells. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        List<String> headers;
        final List<Table.Row> rows = new ArrayList<>();
        private List<String> current;
        private int rowNumber;

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
            rowNumber = rowNum + 1;
        }

        @Override
        public void endRow(int rowNum) {
            while (!current.isEmpty() && current.get(current.size() - 1).isEmpty()) {
                current.remove(current.size() - 1);
            }
            if (current.isEmpty()) {
                return;
            }
            if (headers == null) {
                headers = current;
            } else {
                if (rows.size() >= MAX_ROWS) {
                    throw new ImportProblems.Unreadable("The sheet has more than " + MAX_ROWS + " rows");
                }
                rows.add(new Table.Row(rowNumber, current));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? current.size() : new CellReference(cellReference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(formattedValue == null ? "" : formattedValue.strip());
        }
    }

    /** Numbers as plain decimals, date cells as ISO dates (date-times when they have a time of day). */
    static final class PlainFormatter extends DataFormatter {
        PlainFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904, true);
                return t.toLocalTime().toSecondOfDay() == 0 ? t.toLocalDate().toString() : t.toString();
            }
            return new BigDecimal(NumberToTextConverter.toText(value)).stripTrailingZeros().toPlainString();
        }
    }
}
