package io.millflow.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableReaderTest {

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvWithBomQuotedFieldsAndLineBreaksInsideQuotes() {
        Table t = TableReader.read("items.csv", utf8("\uFEFFsku,name,description\r\n"
                + "A-1,\"Bolt, hex\",\"He said \"\"tight\"\"\"\r\n"
                + "A-2,Nut,\"two\nlines\"\r\n"
                + "\r\n"
                + "A-3,Washer,\r\n"));
        assertThat(t.headers()).containsExactly("sku", "name", "description");
        assertThat(t.rows()).hasSize(3);
        assertThat(t.rows().get(0).values()).containsExactly("A-1", "Bolt, hex", "He said \"tight\"");
        assertThat(t.rows().get(1).get(2)).isEqualTo("two\nlines");
        assertThat(t.rows().get(2).get(0)).isEqualTo("A-3");
        // row numbers are lines of the file where the row starts (header = 1)
        assertThat(t.rows().stream().map(Table.Row::number)).containsExactly(2, 3, 6);
    }

    @Test
    void theDelimiterIsTakenFromTheHeaderLine() {
        Table semicolon = TableReader.read("a.csv", utf8("sku;name;price\nA-1;\"Bolt; hex\";1,50\n"));
        assertThat(semicolon.rows().get(0).values()).containsExactly("A-1", "Bolt; hex", "1,50");
        Table tab = TableReader.read("a.txt", utf8("sku\tname\nA-1\tBolt, hex\n"));
        assertThat(tab.rows().get(0).values()).containsExactly("A-1", "Bolt, hex");
        Table comma = TableReader.read("a.csv", utf8("sku,name\nA-1,x;y\n"));
        assertThat(comma.rows().get(0).values()).containsExactly("A-1", "x;y");
        // a declared delimiter wins over detection
        Table declared = TableReader.csv(utf8("a;b,c\n1;2,3\n"), ',');
        assertThat(declared.headers()).containsExactly("a;b", "c");
        // a quoted semicolon in the header does not count
        assertThat(TableReader.detectDelimiter("\"a;b\",c\n")).isEqualTo(',');
    }

    @Test
    void windows1252IsReadWhenTheFileIsNotUtf8() {
        byte[] ansi = "sku;name\nA-1;Müller Größe\n".getBytes(Charset.forName("windows-1252"));
        assertThat(TableReader.read("a.csv", ansi).rows().get(0).get(1)).isEqualTo("Müller Größe");
    }

    @Test
    void emptyAndHeaderOnlyFiles() {
        assertThatThrownBy(() -> TableReader.read("a.csv", utf8("\r\n\r\n"))).isInstanceOf(ImportProblems.Unreadable.class);
        assertThat(TableReader.read("a.csv", utf8("sku,name\r\n")).rows()).isEmpty();
    }

    @Test
    void xlsxNumbersDatesTextAndGaps() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet("Items");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            CellStyle grouped = wb.createCellStyle();
            grouped.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            Row h = s.createRow(0);
            h.createCell(0).setCellValue("sku");
            h.createCell(1).setCellValue("quantity");
            h.createCell(2).setCellValue("expiry");
            h.createCell(3).setCellValue("price");
            h.createCell(4).setCellValue("at");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("A-1");
            r.createCell(1).setCellValue(1234.5);
            r.createCell(2).setCellValue(LocalDate.of(2027, 1, 31));
            r.getCell(2).setCellStyle(date);
            r.createCell(3).setCellValue(1234567.125);
            r.getCell(3).setCellStyle(grouped);
            r.createCell(4).setCellValue(LocalDateTime.of(2027, 2, 1, 13, 30));
            r.getCell(4).setCellStyle(dateTime);
            // row 3 empty; row 4 with a gap in column B
            Row r4 = s.createRow(3);
            r4.createCell(0).setCellValue("A-2");
            r4.createCell(2).setCellValue(0.1 + 0.2);
            r4.createCell(3).setCellFormula("2*3");
            wb.setForceFormulaRecalculation(true);
            org.apache.poi.ss.usermodel.FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            ev.evaluateAll();
            wb.write(out);
        }
        Table t = TableReader.read("items.xlsx", out.toByteArray());
        assertThat(t.headers()).containsExactly("sku", "quantity", "expiry", "price", "at");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).values()).containsExactly("A-1", "1234.5", "2027-01-31", "1234567.125", "2027-02-01T13:30");
        assertThat(t.rows().get(1).number()).isEqualTo(4);
        assertThat(t.rows().get(1).get(1)).isEmpty();
        assertThat(t.rows().get(1).get(2)).isEqualTo("0.3");
        assertThat(t.rows().get(1).get(3)).isEqualTo("6"); // the cached result, not the formula
    }

    @Test
    void xlsxIsRecognisedByContentWithoutAnExtension() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("x").createRow(0).createCell(0).setCellValue("sku");
            wb.write(out);
        }
        assertThat(TableReader.Format.of("upload", out.toByteArray())).isEqualTo(TableReader.Format.XLSX);
        assertThat(TableReader.read("upload", out.toByteArray()).headers()).containsExactly("sku");
    }

    @Test
    void aZipBombIsRefused() throws Exception {
        // an XLSX-shaped archive whose sheet inflates 1000:1 (far beyond POI's minimum inflate ratio of 1 %)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(utf8("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
        }
        assertThatThrownBy(() -> TableReader.read("bomb.xlsx", out.toByteArray()))
                .isInstanceOf(ImportProblems.Unreadable.class);
    }

    @Test
    void notAWorkbook() {
        assertThatThrownBy(() -> TableReader.read("x.xlsx", utf8("sku,name\n"))).isInstanceOf(ImportProblems.Unreadable.class)
                .hasMessageContaining("XLSX");
    }

}
