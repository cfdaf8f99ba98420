package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.ImportFiles;
import io.millflow.app.support.ImportFiles.Answer;
import io.millflow.app.support.Tokens;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Import over REST: acceptance 5 of issue 8 (a 10,000-row item file with one bad row writes nothing and names
 * that row; the clean file imports), every kind's happy path and error rows, XLSX cells, templates, size limit,
 * idempotent commit and the roles per kind.
 */
@AppTest
class ImportApiTest {

    static final List<String> ITEM_HEADER = List.of("sku", "name", "description", "category", "base_unit", "tracking",
            "abc_class", "alternative_units");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    String token(String user) {
        return Tokens.user(port, user);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    static List<List<String>> itemRows(String prefix, int n) {
        List<List<String>> rows = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            rows.add(List.of(prefix + "-" + i, "Imported item " + i, "Row " + i + ", with a comma", "Import",
                    "PCS", "NONE", i % 3 == 0 ? "A" : "C", i % 10 == 0 ? "BOX=50" : ""));
        }
        return rows;
    }

    @Test
    void aTenThousandRowItemFileWithOneBadRowWritesNothingAndTheCleanOneImports() {
        String prefix = unique("IMP");
        List<List<String>> rows = itemRows(prefix, 10_000);
        List<String> bad = new ArrayList<>(rows.get(6_999));
        bad.set(4, "FURLONG");
        rows.set(6_999, bad);
        byte[] badFile = ImportFiles.csv(ITEM_HEADER, rows);
        long items = count("select count(*) from item");
        long audits = count("select count(*) from audit_record");

        Answer preview = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "items.csv", badFile);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().get("rows").asInt()).isEqualTo(10_000);
        assertThat(preview.body().get("errorCount").asInt()).isEqualTo(1);
        JsonNode previewError = preview.body().get("errors").get(0);
        assertThat(previewError.get("row").asInt()).isEqualTo(7_001); // header is row 1
        assertThat(previewError.get("column").asText()).isEqualTo("base_unit");
        assertThat(preview.body().get("sample")).hasSize(50);
        assertThat(preview.body().get("sample").get(0).get("values").get("sku").asText()).isEqualTo(prefix + "-1");

        Answer refused = ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "items.csv", badFile);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.body().get("type").asText()).endsWith("/import-rejected");
        assertThat(refused.body().get("errors")).hasSize(1);
        assertThat(refused.body().get("errors").get(0).get("row").asInt()).isEqualTo(7_001);
        assertThat(refused.body().get("errors").get(0).get("column").asText()).isEqualTo("base_unit");
        assertThat(refused.body().get("errors").get(0).get("message").asText()).contains("FURLONG");
        assertThat(count("select count(*) from item")).isEqualTo(items);
        assertThat(count("select count(*) from audit_record")).isEqualTo(audits);
        assertThat(count("select count(*) from item where sku like ?", prefix + "-%")).isZero();

        byte[] clean = ImportFiles.csv(ITEM_HEADER, itemRows(prefix, 10_000));
        Answer imported = ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "items.csv", clean);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(201);
        assertThat(imported.body().get("created").asInt()).isEqualTo(10_000);
        assertThat(count("select count(*) from item")).isEqualTo(items + 10_000);
        assertThat(count("select count(*) from item_unit u join item i on i.id = u.item_id where i.sku like ?",
                prefix + "-%")).isEqualTo(1_000);
        assertThat(jdbc.queryForObject("select description from item where sku = ?", String.class, prefix + "-5"))
                .isEqualTo("Row 5, with a comma");
        // one audit record per item and one for the import (who, kind, file, hash, rows)
        assertThat(count("select count(*) from audit_record where entity_type = 'Item' and action = 'CREATED' "
                + "and after_state like ?", "%" + prefix + "-%")).isEqualTo(10_000);
        String importId = imported.body().get("importId").asText();
        String state = jdbc.queryForObject("select after_state from audit_record where entity_type = 'Import' "
                + "and entity_id = ? and actor = 'admin'", String.class, importId);
        assertThat(state).contains("\"kind\":\"items\"", "\"fileName\":\"items.csv\"", "\"rows\":10000",
                imported.body().get("sha256").asText());

        // the same file again answers the first result and writes nothing
        Answer again = ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "items-again.csv", clean);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("replayed").asBoolean()).isTrue();
        assertThat(again.body().get("importId").asText()).isEqualTo(importId);
        assertThat(count("select count(*) from item")).isEqualTo(items + 10_000);
        Answer previewAgain = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "x.csv", clean);
        assertThat(previewAgain.body().get("alreadyImported").asBoolean()).isTrue();
    }

    @Test
    void itemErrorsAreListedPerRowAndColumn() {
        String p = unique("IE");
        byte[] file = ImportFiles.csv(ITEM_HEADER, List.of(
                List.of(p + "-1", "Good", "", "", "PCS", "NONE", "A", ""),
                List.of(p + "-1", "Same SKU again", "", "", "PCS", "NONE", "A", ""),
                List.of(p + "-3", "", "", "", "PCS", "NONE", "A", ""),
                List.of(p + "-4", "Bad tracking", "", "", "PCS", "BATCH", "A", ""),
                List.of(p + "-5", "Bad class", "", "", "PCS", "NONE", "D", ""),
                List.of(p + " 6", "Bad sku", "", "", "PCS", "NONE", "A", ""),
                List.of(p + "-7", "Bad unit list", "", "", "PCS", "NONE", "A", "BOX"),
                List.of(p + "-8", "Base unit as alternative", "", "", "PCS", "NONE", "A", "PCS=2")));
        Answer r = ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "items.csv", file);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        r.body().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(errors).containsExactly("3:sku", "4:name", "5:tracking", "6:abc_class", "7:sku", "8:alternative_units",
                "9:alternative_units");
        assertThat(count("select count(*) from item where sku like ?", p + "%")).isZero();
    }

    @Test
    void headersMatchCaseInsensitivelyWithGermanAliasesAndSemicolons() {
        String p = unique("DE");
        String csv = "\uFEFFArtikelnummer;Bezeichnung;Basiseinheit;ABC-Klasse\r\n" + p + "-1;\"Schraube; verzinkt\";PCS;b\r\n";
        Answer r = ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "artikel.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select name || '/' || abc_class from item where sku = ?", String.class, p + "-1"))
                .isEqualTo("Schraube; verzinkt/B");

        Answer unknown = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "x.csv",
                "sku,name,colour\r\nX-1,Y,red\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.status()).isEqualTo(200);
        List<String> errors = new ArrayList<>();
        unknown.body().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(errors).containsExactlyInAnyOrder("1:colour", "1:base_unit");
    }

    @Test
    void xlsxItemsWithNumberAndDateCells() {
        String p = unique("XL");
        byte[] file = ImportFiles.xlsx(List.of("sku", "name", "base_unit", "tracking", "shelf_life_days", "abc_class"),
                List.of(List.of(p + "-1", "Glue", "KG", "LOT", 180, "B"), List.of(p + "-2", "Tape", "PCS", "NONE", "", "C")));
        Answer preview = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "items.xlsx", file);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.body().get("errorCount").asInt()).as(preview.raw()).isZero();
        assertThat(preview.body().get("sample").get(0).get("values").get("shelf_life_days").asText()).isEqualTo("180");
        Answer r = ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "items.xlsx", file);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select shelf_life_days from item where sku = ?", Integer.class, p + "-1"))
                .isEqualTo(180);
    }

    @Test
    void locationsWithParentsOnEarlierRowsAndTheirErrors() {
        String z = unique("Z");
        byte[] file = ImportFiles.csv(List.of("warehouse", "code", "name", "type", "parent"), List.of(
                List.of("MUC-WH1", z, "Zone " + z, "VIEW", ""),
                List.of("MUC-WH1", z + "-01", "Bin 1", "STORAGE", z),
                List.of("MUC-WH1", z + "-02", "Bin 2", "", z)));
        Answer ok = ImportFiles.upload(port, "/api/v1/imports/locations", token("admin"), "bins.csv", file);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(ok.body().get("created").asInt()).isEqualTo(3);
        assertThat(count("select count(*) from location l join location p on p.id = l.parent_id where p.code = ?", z))
                .isEqualTo(2);

        byte[] bad = ImportFiles.csv(List.of("warehouse", "code", "name", "type", "parent"), List.of(
                List.of("NOWHERE", "X-01", "Bin", "STORAGE", ""),
                List.of("MUC-WH1", z + "-01", "Taken", "STORAGE", ""),
                List.of("MUC-WH1", z + "-09", "Under a bin", "STORAGE", z + "-01"),
                List.of("MUC-WH1", z + "-10", "Virtual", "SUPPLIER", ""),
                List.of("MUC-WH1", z + "-11", "Fine", "STORAGE", "")));
        Answer r = ImportFiles.upload(port, "/api/v1/imports/locations", token("admin"), "bins.csv", bad);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        r.body().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(errors).containsExactly("2:warehouse", "3:code", "4:parent", "5:type");
        assertThat(count("select count(*) from location where code = ?", z + "-11")).isZero();
    }

    @Test
    void suppliersAndPriceBreaks() {
        String s = unique("S");
        byte[] suppliers = ImportFiles.csv(List.of("code", "name", "currency", "payment_terms", "payment_days", "email",
                "street", "postal_code", "city", "country"), List.of(
                List.of(s, "Imported supplier", "EUR", "NET30", "30", "a@b.example", "Hauptstr. 1", "80331", "München", "DE")));
        Answer ok = ImportFiles.upload(port, "/api/v1/imports/suppliers", token("buyer"), "suppliers.csv", suppliers);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(count("select count(*) from supplier_address a join supplier s on s.id = a.supplier_id "
                + "where s.code = ? and a.city = 'München'", s)).isEqualTo(1);

        // a service rule (the currency must have an exchange rate) found by the preview's dry run
        byte[] badCurrency = ImportFiles.csv(List.of("code", "name", "currency", "payment_terms", "payment_days"),
                List.of(List.of(s + "X", "Other", "XYZ", "NET30", "30"), List.of(s, "Again", "EUR", "NET30", "30")));
        Answer preview = ImportFiles.upload(port, "/api/v1/imports/suppliers/preview", token("buyer"), "s.csv", badCurrency);
        List<String> errors = new ArrayList<>();
        preview.body().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(errors).containsExactly("3:code");
        byte[] onlyCurrency = ImportFiles.csv(List.of("code", "name", "currency", "payment_terms", "payment_days"),
                List.of(List.of(s + "X", "Other", "XYZ", "NET30", "30")));
        preview = ImportFiles.upload(port, "/api/v1/imports/suppliers/preview", token("buyer"), "s.csv", onlyCurrency);
        assertThat(preview.body().get("errors").get(0).get("column").asText()).as(preview.raw()).isEqualTo("currency");
        assertThat(preview.body().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(count("select count(*) from supplier where code = ?", s + "X")).isZero();

        String sku = unique("SP");
        ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "i.csv", ImportFiles.csv(
                List.of("sku", "name", "base_unit", "alternative_units"), List.of(List.of(sku, "Priced", "PCS", "BOX=10"))));
        List<String> header = List.of("supplier", "item", "supplier_sku", "order_unit", "lead_time_days", "min_quantity",
                "unit_price", "valid_from");
        byte[] prices = ImportFiles.csv(header, List.of(
                List.of(s, sku, "S-" + sku, "BOX", "7", "0", "12.50", "2027-01-01"),
                List.of(s, sku, "S-" + sku, "BOX", "7", "10", "11,75", "01.01.2027")));
        Answer priced = ImportFiles.upload(port, "/api/v1/imports/supplier-prices", token("buyer"), "p.csv", prices);
        assertThat(priced.status()).as(priced.raw()).isEqualTo(201);
        assertThat(priced.body().get("created").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForList("select p.unit_price from supplier_price p join supplier_item si on si.id = "
                + "p.supplier_item_id join item i on i.id = si.item_id where i.sku = ? order by p.min_quantity",
                BigDecimal.class, sku)).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12.50"), new BigDecimal("11.75"));

        byte[] badPrices = ImportFiles.csv(header, List.of(
                List.of(s, "NO-SUCH-ITEM", "A", "PCS", "7", "0", "1", ""),
                List.of(s, sku, "S2", "KG", "7", "0", "1", ""),
                List.of("NOBODY", sku, "S3", "PCS", "7", "0", "1", "")));
        Answer r = ImportFiles.upload(port, "/api/v1/imports/supplier-prices", token("buyer"), "p.csv", badPrices);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        List<String> priceErrors = new ArrayList<>();
        r.body().get("errors").forEach(e -> priceErrors.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(priceErrors).containsExactly("2:item", "3:order_unit", "3:item", "4:supplier");
    }

    @Test
    void openingStockIsPostedAs561AndLedgerRulesApplyPerRow() {
        String sku = unique("OS");
        String lotSku = sku + "-LOT";
        ImportFiles.upload(port, "/api/v1/imports/items", token("admin"), "i.csv", ImportFiles.csv(
                List.of("sku", "name", "base_unit", "tracking"),
                List.of(List.of(sku, "Opening", "PCS", "NONE"), List.of(lotSku, "Opening lot", "KG", "LOT"))));
        List<String> header = List.of("item", "warehouse", "location", "quantity", "lot", "unit_cost");
        byte[] bad = ImportFiles.csv(header, List.of(
                List.of(sku, "MUC-WH1", "A-01-01", "40", "", "2.5"),
                List.of(lotSku, "MUC-WH1", "A-01-02", "5", "", "")));
        Answer r = ImportFiles.upload(port, "/api/v1/imports/opening-stock", token("warehouse"), "stock.csv", bad);
        assertThat(r.status()).as(r.raw()).isEqualTo(422);
        assertThat(r.body().get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(r.body().get("errors").get(0).get("column").asText()).isEqualTo("lot");
        assertThat(count("select count(*) from stock_move m join item i on i.id = m.item_id where i.sku = ?", sku)).isZero();

        byte[] good = ImportFiles.csv(header, List.of(
                List.of(sku, "MUC-WH1", "A-01-01", "40", "", "2.5"),
                List.of(lotSku, "MUC-WH1", "A-01-02", "5.5", "L-1", "")));
        Answer ok = ImportFiles.upload(port, "/api/v1/imports/opening-stock", token("warehouse"), "stock.csv", good);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
        assertThat(jdbc.queryForObject("select sum(q.quantity) from quant q join item i on i.id = q.item_id where i.sku = ?",
                BigDecimal.class, sku)).isEqualByComparingTo("40");
        assertThat(jdbc.queryForList("select distinct m.movement_type from stock_move m join item i on i.id = m.item_id "
                + "where i.sku in (?, ?)", String.class, sku, lotSku)).containsExactly("561");
        assertThat(jdbc.queryForObject("select m.value from stock_move m join item i on i.id = m.item_id where i.sku = ?",
                BigDecimal.class, sku)).isEqualByComparingTo("100");
        // the opening is one document; reversing it posts 562 and takes the stock out again
        String document = jdbc.queryForObject("select distinct m.document_id::text from stock_move m join item i "
                + "on i.id = m.item_id where i.sku = ?", String.class, sku);
        io.millflow.app.support.Api.Response reversed = new io.millflow.app.support.Api(port).post(
                "/api/v1/stock-documents/" + document + "/reversal", token("warehouse"),
                java.util.Map.of("reason", "wrong opening"));
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(201);
        assertThat(reversed.text("movementType")).isEqualTo("562");
        assertThat(jdbc.queryForObject("select coalesce(sum(q.quantity), 0) from quant q join item i on i.id = q.item_id "
                + "where i.sku in (?, ?)", BigDecimal.class, sku, lotSku)).isEqualByComparingTo("0");
    }

    @Test
    void projectsAndTheirErrors() {
        String c = unique("PI");
        List<String> header = List.of("code", "name", "department", "manager", "start_date", "end_date", "budget");
        byte[] ok = ImportFiles.csv(header, List.of(List.of(c, "Imported project", "ENG", "manager", "2027-02-01",
                "2027-08-31", "25000")));
        Answer r = ImportFiles.upload(port, "/api/v1/imports/projects", token("manager"), "projects.csv", ok);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(count("select count(*) from project where code = ? and status = 'ACTIVE'", c)).isEqualTo(1);

        byte[] bad = ImportFiles.csv(header, List.of(
                List.of(c, "Taken code", "ENG", "manager", "2027-02-01", "2027-08-31", ""),
                List.of(c + "B", "No department", "NOPE", "manager", "2027-02-01", "2027-08-31", ""),
                List.of(c + "C", "Ends early", "ENG", "manager", "2027-02-01", "2027-01-31", ""),
                List.of(c + "D", "Bad date", "ENG", "manager", "31/01/2027", "2027-08-31", "")));
        Answer refused = ImportFiles.upload(port, "/api/v1/imports/projects", token("manager"), "projects.csv", bad);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        List<String> errors = new ArrayList<>();
        refused.body().get("errors").forEach(e -> errors.add(e.get("row").asInt() + ":" + e.get("column").asText()));
        assertThat(errors).containsExactly("2:code", "3:department", "4:end_date", "5:start_date");
        // an unknown manager is found by the service in the dry run
        byte[] noManager = ImportFiles.csv(header, List.of(List.of(c + "E", "Nobody leads", "ENG", "ghost", "2027-02-01",
                "2027-08-31", "")));
        Answer preview = ImportFiles.upload(port, "/api/v1/imports/projects/preview", token("manager"), "p.csv", noManager);
        assertThat(preview.body().get("errorCount").asInt()).as(preview.raw()).isEqualTo(1);
        assertThat(count("select count(*) from project where code like ?", c + "_")).isZero();
    }

    @Test
    void templatesPerKindAndFormat() throws Exception {
        Answer csv = ImportFiles.get(port, "/api/v1/imports/supplier-prices/template?format=csv", token("buyer"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw()).startsWith("\uFEFFsupplier,item,supplier_sku,");
        Answer xlsx = ImportFiles.get(port, "/api/v1/imports/items/template?format=xlsx", token("admin"));
        assertThat(xlsx.status()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("sku");
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("BOLT-M8-40");
        }
        // a template is also a valid file for the preview (its example row may refer to data that does not exist)
        Answer preview = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "items-template.xlsx",
                ImportFiles.get(port, "/api/v1/imports/items/template?format=xlsx", token("admin")).bytes());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body().get("rows").asInt()).isEqualTo(1);
        assertThat(ImportFiles.get(port, "/api/v1/imports/items/template?format=pdf", token("admin")).status()).isEqualTo(400);
        assertThat(ImportFiles.get(port, "/api/v1/imports/widgets/template", token("admin")).status()).isEqualTo(404);
    }

    @Test
    void tooLargeAndUnreadableFilesAreProblems() {
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        Answer r = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "big.csv", big);
        assertThat(r.status()).as(r.raw()).isEqualTo(413);
        Answer notXlsx = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "x.xlsx",
                "not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(notXlsx.status()).isEqualTo(400);
        assertThat(notXlsx.body().get("type").asText()).endsWith("/unreadable-file");
        Answer empty = ImportFiles.upload(port, "/api/v1/imports/items/preview", token("admin"), "x.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void onlyTheRolesOfAKindMayImportIt() {
        byte[] file = "sku,name,base_unit\r\nR-1,Refused,PCS\r\n".getBytes(StandardCharsets.UTF_8);
        long items = count("select count(*) from item");
        for (String user : List.of("warehouse", "buyer", "manager", "employee", "finance", "owner")) {
            assertThat(ImportFiles.upload(port, "/api/v1/imports/items", token(user), "i.csv", file).status())
                    .as(user).isEqualTo(403);
            assertThat(ImportFiles.upload(port, "/api/v1/imports/items/preview", token(user), "i.csv", file).status())
                    .as(user).isEqualTo(403);
        }
        assertThat(count("select count(*) from item")).isEqualTo(items);
        assertThat(ImportFiles.upload(port, "/api/v1/imports/suppliers/preview", token("warehouse"), "s.csv", file).status())
                .isEqualTo(403);
        assertThat(ImportFiles.upload(port, "/api/v1/imports/supplier-prices/preview", token("manager"), "s.csv", file)
                .status()).isEqualTo(403);
        assertThat(ImportFiles.upload(port, "/api/v1/imports/opening-stock/preview", token("admin"), "s.csv", file)
                .status()).isEqualTo(403);
        assertThat(ImportFiles.upload(port, "/api/v1/imports/projects/preview", token("buyer"), "s.csv", file).status())
                .isEqualTo(403);
        assertThat(ImportFiles.get(port, "/api/v1/imports/projects/template", token("employee")).status()).isEqualTo(403);
        assertThat(ImportFiles.get(port, "/api/v1/imports/projects/template", token("warehouse")).status()).isEqualTo(403);
        assertThat(ImportFiles.get(port, "/api/v1/imports", token("employee")).status()).isEqualTo(403);
        assertThat(ImportFiles.get(port, "/api/v1/imports", token("buyer")).status()).isEqualTo(200);
        assertThat(ImportFiles.get(port, "/api/v1/imports", token("supplier")).status()).isEqualTo(403);
    }

}
