package io.millflow.ims;

import io.millflow.ims.MasterDataViews.ItemCommand;
import io.millflow.ims.MasterDataViews.LocationCommand;
import io.millflow.ims.MasterDataViews.SiteCommand;
import io.millflow.ims.MasterDataViews.WarehouseCommand;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo inventory for the default and dev profiles: two sites, their warehouses and bins, a few items of each
 * tracking kind and opening stock posted through the ledger (so it is audited and valued like any other).
 * Runs once: it does nothing when site MUC exists.
 */
@Component
@Profile({"default", "dev"})
@Order(20)
class DemoInventory implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoInventory.class);
    /** The opening stock's posting date lies this many days back. */
    static final int OPENING_DAYS_AGO = 200;

    private final MasterData masterData;
    private final StockPostings postings;
    private final JdbcTemplate jdbc;

    DemoInventory(MasterData masterData, StockPostings postings, JdbcTemplate jdbc) {
        this.masterData = masterData;
        this.postings = postings;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from site where code = 'MUC')", Boolean.class))) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                    List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_WAREHOUSE"))));
            create();
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
    }

    private void create() {
        UUID muc = masterData.createSite(new SiteCommand("MUC", "Munich plant", true)).id();
        UUID ham = masterData.createSite(new SiteCommand("HAM", "Hamburg plant", true)).id();
        UUID wh1 = masterData.createWarehouse(new WarehouseCommand(muc, "MUC-WH1", "Munich main warehouse", true)).id();
        UUID wh2 = masterData.createWarehouse(new WarehouseCommand(ham, "HAM-WH1", "Hamburg warehouse", true)).id();
        Map<String, UUID> loc = new HashMap<>();
        loc.put("RCV", location(wh1, null, "RCV", "Goods receiving", LocationType.RECEIVING));
        loc.put("SHP", location(wh1, null, "SHP", "Shipping", LocationType.SHIPPING));
        loc.put("QH", location(wh1, null, "QH", "Quality hold", LocationType.QUALITY_HOLD));
        loc.put("SCR", location(wh1, null, "SCR", "Scrap cage", LocationType.SCRAP));
        for (String aisle : List.of("A", "B")) {
            UUID view = location(wh1, null, aisle, "Aisle " + aisle, LocationType.VIEW);
            for (int rack = 1; rack <= 2; rack++) {
                for (int level = 1; level <= 3; level++) {
                    String code = String.format("%s-%02d-%02d", aisle, rack, level);
                    loc.put(code, location(wh1, view, code, "Bin " + code, LocationType.STORAGE));
                }
            }
        }
        loc.put("H-RCV", location(wh2, null, "RCV", "Goods receiving", LocationType.RECEIVING));
        UUID hView = location(wh2, null, "H", "Hall", LocationType.VIEW);
        for (int i = 1; i <= 3; i++) {
            String code = String.format("H-01-%02d", i);
            loc.put(code, location(wh2, hView, code, "Bin " + code, LocationType.STORAGE));
        }
        UUID bolt = item("BOLT-M8X40", "Hex bolt M8x40, zinc plated", "Fasteners", "PCS", Tracking.NONE, null, "C",
                Map.of("BOX", new BigDecimal("100")));
        UUID oil = item("OIL-HLP46", "Hydraulic oil HLP 46", "Lubricants", "L", Tracking.LOT, 730, "B", Map.of());
        UUID motor = item("MOTOR-7K5", "Servo motor 7.5 kW", "Drives", "PCS", Tracking.SERIAL, null, "A", Map.of());
        UUID sheet = item("SHEET-S235-2", "Steel sheet S235, 2 mm", "Raw material", "KG", Tracking.NONE, null, "B",
                Map.of("T", new BigDecimal("1000")));
        UUID seals = item("SEAL-KIT-HP", "Hydraulic press seal kit", "Spare parts", "SET", Tracking.NONE, null, "A",
                Map.of());
        UUID gloves = item("GLOVE-NITRILE-L", "Nitrile gloves, size L", "Safety", "PCS", Tracking.NONE, null, "C",
                Map.of("BOX", new BigDecimal("100")));

        List<PostingLine> opening = new ArrayList<>();
        opening.add(new PostingLine(bolt, new BigDecimal("40"), "BOX", null, loc.get("A-01-01"), null, null, null,
                new BigDecimal("0.12"), null));
        opening.add(new PostingLine(bolt, new BigDecimal("1500"), null, null, loc.get("H-01-01"), null, null, null,
                new BigDecimal("0.13"), null));
        opening.add(new PostingLine(oil, new BigDecimal("200"), null, null, loc.get("A-01-02"), "HLP-2611-01", null, null,
                new BigDecimal("3.40"), null));
        opening.add(new PostingLine(oil, new BigDecimal("60"), null, null, loc.get("A-01-03"), "HLP-2603-07",
                LocalDate.now().plusDays(20), null, new BigDecimal("3.10"), null));
        opening.add(new PostingLine(motor, new BigDecimal("3"), null, null, loc.get("B-01-01"), null, null,
                List.of("SM7K5-000101", "SM7K5-000102", "SM7K5-000103"), new BigDecimal("1890.00"), null));
        opening.add(new PostingLine(sheet, new BigDecimal("2.5"), "T", null, loc.get("B-02-01"), null, null, null,
                new BigDecimal("0.95"), null));
        opening.add(new PostingLine(seals, new BigDecimal("12"), null, null, loc.get("A-02-01"), null, null, null,
                new BigDecimal("145.00"), null));
        opening.add(new PostingLine(gloves, new BigDecimal("8"), "BOX", null, loc.get("A-02-02"), null, null, null,
                new BigDecimal("0.09"), null));
        // dated back, so that the demo demand history (DemoReplenishment) issues from stock that was there then
        postings.post(new PostingCommand(MovementType.RECEIPT_WITHOUT_ORDER.code(),
                LocalDate.now().minusDays(OPENING_DAYS_AGO), "OPENING-STOCK",
                "Demo opening stock", opening), "demo-opening-stock");
        log.info("Demo inventory created: sites MUC and HAM, {} locations, 6 items with opening stock", loc.size());
    }

    private UUID location(UUID warehouse, UUID parent, String code, String name, LocationType type) {
        return masterData.createLocation(new LocationCommand(warehouse, parent, code, name, type, true)).id();
    }

    private UUID item(String sku, String name, String category, String unit, Tracking tracking, Integer shelfLife,
            String abc, Map<String, BigDecimal> alternatives) {
        return masterData.createItem(new ItemCommand(sku, name, null, category, unit, tracking, shelfLife, abc, true,
                alternatives)).id();
    }
}
