package io.millflow.ims;

import io.millflow.ims.ReplenishmentViews.ReorderRuleCommand;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo replenishment for the default and dev profiles: reorder rules for some demo items in the Munich warehouse
 * and half a year of their consumption (201 issues on working days, seeded random, posted through the ledger), so
 * the item page's chart and a replenishment run show something real: bolts and gloves end below their reorder
 * points, bolts in Hamburg well above. Runs once (nothing when a rule exists).
 */
@Component
@Profile({"default", "dev"})
@Order(30)
class DemoReplenishment implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReplenishment.class);
    static final int HISTORY_DAYS = 182;

    private final ReorderRules rules;
    private final StockLedger ledger;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    DemoReplenishment(ReorderRules rules, StockLedger ledger, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from reorder_rule)", Boolean.class))
                || !Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from item where sku = 'BOLT-M8X40')",
                        Boolean.class))) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("system", null,
                    List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_WAREHOUSE"))));
            // one transaction for the rules and the 130 documents: one commit keeps the start fast
            tx.executeWithoutResult(status -> create());
        } finally {
            SecurityContextHolder.clearContext();
            SecurityContextHolder.setContext(context);
        }
    }

    private UUID id(String sql, Object... args) {
        return jdbc.queryForObject(sql, UUID.class, args);
    }

    private void create() {
        UUID muc = id("select id from warehouse where code = 'MUC-WH1'");
        UUID ham = id("select id from warehouse where code = 'HAM-WH1'");
        UUID bolt = id("select id from item where sku = 'BOLT-M8X40'");
        UUID gloves = id("select id from item where sku = 'GLOVE-NITRILE-L'");
        UUID seals = id("select id from item where sku = 'SEAL-KIT-HP'");
        UUID boltBin = id("select id from location where warehouse_id = ? and code = 'A-01-01'", muc);
        UUID glovesBin = id("select id from location where warehouse_id = ? and code = 'A-02-02'", muc);
        UUID sealsBin = id("select id from location where warehouse_id = ? and code = 'A-02-01'", muc);
        UUID hamBin = id("select id from location where warehouse_id = ? and code = 'H-01-01'", ham);

        rules.create(new ReorderRuleCommand(bolt, muc, "FORECAST", null, null, new BigDecimal("95"), 14, 7, null,
                new BigDecimal("100"), true, null));
        rules.create(new ReorderRuleCommand(gloves, muc, "FIXED_MIN_MAX", new BigDecimal("300"),
                new BigDecimal("1500"), null, null, 5, new BigDecimal("500"), new BigDecimal("100"), true, null));
        rules.create(new ReorderRuleCommand(seals, muc, "FORECAST", null, null, new BigDecimal("95"), 28, 21, null,
                null, true, null));
        rules.create(new ReorderRuleCommand(bolt, ham, "FIXED_MIN_MAX", new BigDecimal("500"), new BigDecimal("2000"),
                null, null, 10, null, new BigDecimal("100"), true, null));

        // working days: bolts about 30 a day (more on Mondays), gloves about 5, a seal kit now and then; a receipt
        // three months ago tops bolts and seals up so that they end at a chosen level
        Random random = new Random(5);
        LocalDate today = LocalDate.now();
        Map<LocalDate, List<PostingLine>> issues = new TreeMap<>();
        Map<UUID, Integer> issued = new HashMap<>();
        for (LocalDate day = today.minusDays(HISTORY_DAYS); day.isBefore(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            List<PostingLine> lines = new ArrayList<>();
            int bolts = (int) Math.max(1, Math.round((day.getDayOfWeek() == DayOfWeek.MONDAY ? 38 : 28)
                    + 8 * random.nextGaussian()));
            lines.add(line(bolt, bolts, boltBin, issued));
            lines.add(line(gloves, 3 + random.nextInt(5), glovesBin, issued));
            if (random.nextDouble() < 0.08) {
                lines.add(line(seals, 1, sealsBin, issued));
            }
            if (random.nextDouble() < 0.5) {
                lines.add(line(bolt, 2 + random.nextInt(4), hamBin, null));
            }
            issues.put(day, lines);
        }
        // opening stock (DemoInventory): 4,000 bolts, 12 seal kits in Munich; end with 90 bolts and 2 kits
        List<PostingLine> receipt = new ArrayList<>();
        int boltTopUp = issued.getOrDefault(bolt, 0) - 4000 + 90;
        int sealTopUp = issued.getOrDefault(seals, 0) - 12 + 2;
        if (boltTopUp > 0) {
            receipt.add(new PostingLine(bolt, BigDecimal.valueOf(boltTopUp), null, null, boltBin, null, null, null,
                    new BigDecimal("0.12"), null));
        }
        if (sealTopUp > 0) {
            receipt.add(new PostingLine(seals, BigDecimal.valueOf(sealTopUp), null, null, sealsBin, null, null, null,
                    new BigDecimal("145.00"), null));
        }
        if (!receipt.isEmpty()) {
            ledger.post(new PostingCommand(MovementType.RECEIPT_WITHOUT_ORDER.code(), today.minusDays(91),
                    "DEMO-REPLENISHMENT", "Demo replenishment", receipt), "system", false);
        }
        issues.forEach((day, lines) -> ledger.post(new PostingCommand(MovementType.ISSUE_COST_CENTRE.code(), day,
                "CC-4711", "Demo consumption", lines), "system", false));
        log.info("Demo replenishment: 4 reorder rules and {} days of consumption", issues.size());
    }

    private static PostingLine line(UUID item, int quantity, UUID from, Map<UUID, Integer> issued) {
        if (issued != null) {
            issued.merge(item, quantity, Integer::sum);
        }
        return new PostingLine(item, BigDecimal.valueOf(quantity), null, from, null, null, null, null, null, null);
    }
}
