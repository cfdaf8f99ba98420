package io.millflow.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableWriterTest {

    static final List<String> HEADERS = List.of("Code", "Formula", "Amount", "Day");
    static final List<List<Object>> ROWS = List.of(
            Arrays.asList("A-1", "=HYPERLINK(\"http://x\")", new BigDecimal("-12.50"), LocalDate.of(2027, 3, 1)),
            Arrays.asList("+SUM(1)", "@cmd", 7, null),
            Arrays.asList("-5", "plain, with comma", null, null));

    @Test
    void theGuardPrefixesWhatASpreadsheetWouldEvaluate() {
        assertThat(TableWriter.guard("=1+1")).isEqualTo("'=1+1");
        assertThat(TableWriter.guard("+1")).isEqualTo("'+1");
        assertThat(TableWriter.guard("-1")).isEqualTo("'-1");
        assertThat(TableWriter.guard("@A1")).isEqualTo("'@A1");
        assertThat(TableWriter.guard("\tx")).isEqualTo("'\tx");
        assertThat(TableWriter.guard("A-1")).isEqualTo("A-1");
        assertThat(TableWriter.guard("")).isEmpty();
        assertThat(TableWriter.guard(null)).isEmpty();
    }

    @Test
    void csvIsGuardedQuotedAndReadsBack() {
        byte[] csv = TableWriter.write(TableWriter.Format.CSV, "x", HEADERS, ROWS);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFCode,Formula,Amount,Day\r\n");
        Table back = TableReader.read("x.csv", csv);
        assertThat(back.rows().get(0).values()).containsExactly("A-1", "'=HYPERLINK(\"http://x\")", "-12.50", "2027-03-01");
        assertThat(back.rows().get(1).values()).containsExactly("'+SUM(1)", "'@cmd", "7", "");
        assertThat(back.rows().get(2).values()).containsExactly("'-5", "plain, with comma", "", "");
    }

    @Test
    void xlsxKeepsNumbersAndDatesAndGuardsText() throws Exception {
        byte[] xlsx = TableWriter.write(TableWriter.Format.XLSX, "Sheet/1", HEADERS, ROWS);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row r1 = wb.getSheetAt(0).getRow(1);
            assertThat(r1.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(r1.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(r1.getCell(2).getNumericCellValue()).isEqualTo(-12.5);
            assertThat(r1.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 1));
            assertThat(wb.getSheetAt(0).getRow(2).getCell(0).getStringCellValue()).isEqualTo("'+SUM(1)");
            assertThat(wb.getSheetAt(0).getRow(2).getCell(2).getNumericCellValue()).isEqualTo(7);
        }
        Table back = TableReader.read("x.xlsx", xlsx);
        assertThat(back.rows().get(0).values()).containsExactly("A-1", "'=HYPERLINK(\"http://x\")", "-12.5", "2027-03-01");
    }
}
