package io.millflow.ims;

import io.millflow.audit.AuditService;
import io.millflow.ims.ReplenishmentHistory.PairKey;
import io.millflow.ims.ReplenishmentViews.ProposalDecision;
import io.millflow.ims.ReplenishmentViews.ProposalView;
import io.millflow.ims.ReplenishmentViews.RunCounts;
import io.millflow.ims.ReplenishmentViews.RunView;
import io.millflow.ims.replenishment.DemandForecast;
import io.millflow.ims.replenishment.DemandForecaster;
import io.millflow.ims.replenishment.DemandSeries;
import io.millflow.ims.replenishment.OpenInbound;
import io.millflow.ims.replenishment.ReorderRule;
import io.millflow.ims.replenishment.ReplenishmentOrdering;
import io.millflow.ims.replenishment.ReplenishmentOrdering.AcceptedProposal;
import io.millflow.ims.replenishment.ReplenishmentPlanner;
import io.millflow.ims.replenishment.ReplenishmentPlanner.Pair;
import io.millflow.ims.replenishment.ReplenishmentPlanner.Proposal;
import io.millflow.ims.replenishment.SupplyTerms;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.operaton.bpm.dmn.engine.DmnDecision;
import org.operaton.bpm.dmn.engine.DmnEngine;
import org.operaton.bpm.dmn.engine.DmnEngineConfiguration;
import org.operaton.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.repository.DecisionDefinition;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Replenishment runs (issue #5): a run plans every active reorder rule from the ledger's demand history, proposes
 * orders for the pairs at or below their reorder point, lets the decision {@code replenishment-auto-approval}
 * approve small ones and hands the rest to a buyer; approved proposals become requisitions through procurement's
 * {@link ReplenishmentOrdering}. A run is a {@code stock-replenishment} process (business key = run id) started
 * nightly by Quartz or on demand by BUYER/ADMIN.
 * <p>
 * The computation loads rules in batches in key order, with their history ({@link ReplenishmentHistory}), stock
 * and inbound quantities, plans each batch on all cores ({@link ReplenishmentPlanner}), decides its proposals and
 * writes them with COPY; the whole computation is one transaction, so a retried worker starts afresh.
 */
@Service
@Validated
public class ReplenishmentRuns {

    static final String RUN = "ReplenishmentRun";
    static final String PROPOSAL = "ReplenishmentProposal";
    static final String SYSTEM = "system";
    /** The message of the incident when approved proposals cannot be ordered. */
    public static final String NO_ORDERING = "no procurement ordering available";

    private static final Logger log = LoggerFactory.getLogger(ReplenishmentRuns.class);
    private static final String STOCK_TYPES = "('STORAGE', 'RECEIVING', 'SHIPPING')";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ReplenishmentHistory history;
    private final AuditService audit;
    private final RepositoryService repository;
    /** A DMN engine of its own, without the process engine's history listener (see {@link #decide}). */
    private final DmnEngine dmn = decisionEngine();
    private final RuntimeService runtime;
    private final ExchangeRates rates;
    private final ObjectProvider<SupplyTerms> supplyTerms;
    private final ObjectProvider<ReplenishmentOrdering> ordering;
    private final ObjectProvider<OpenInbound> openInbound;
    private final ReplenishmentProperties props;
    private final ReplenishmentPlanner planner = new ReplenishmentPlanner(new DemandForecaster());
    private final Clock clock;

    ReplenishmentRuns(JdbcTemplate jdbc, ReplenishmentHistory history, AuditService audit, ProcessEngine processEngine,
            RuntimeService runtime, ExchangeRates rates, ObjectProvider<SupplyTerms> supplyTerms,
            ObjectProvider<ReplenishmentOrdering> ordering, ObjectProvider<OpenInbound> openInbound,
            ReplenishmentProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.history = history;
        this.audit = audit;
        this.repository = processEngine.getRepositoryService();
        this.runtime = runtime;
        this.rates = rates;
        this.supplyTerms = supplyTerms;
        this.ordering = ordering;
        this.openInbound = openInbound;
        this.props = props;
        this.clock = clock;
    }

    // ---- starting ------------------------------------------------------------------------------------------------

    /** Starts a run on demand (REST, the runs view). 409 while another run is computing. */
    @Transactional
    @PreAuthorize(ReorderRules.MANAGERS)
    public RunView startManual() {
        RunView run = start("MANUAL", CurrentUser.get().username());
        if (run == null) {
            throw new ProblemException.Conflict("A replenishment run is computing; wait until it has finished");
        }
        return run;
    }

    /** Starts the nightly run (Quartz job, no user); empty when another run is still computing. */
    @Transactional
    public Optional<RunView> startNightly() {
        return Optional.ofNullable(start("NIGHTLY", SYSTEM));
    }

    private RunView start(String trigger, String actor) {
        // one start at a time in the whole cluster; a run still computing blocks a new one
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('millflow.replenishment-run'))", Object.class);
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from replenishment_run where status = "
                + "'STARTED' and pairs is null)", Boolean.class))) {
            return null;
        }
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        jdbc.update("insert into replenishment_run (id, trigger, started_by, started_at, status, as_of, version) "
                + "values (?, ?, ?, ?, 'STARTED', ?, 0)", id, trigger, actor, Timestamp.from(clock.instant()),
                Date.valueOf(today));
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.STOCK_REPLENISHMENT, id.toString(),
                Map.of(Variables.REPLENISHMENT_RUN_ID, id.toString(), Variables.RUN_TRIGGER, trigger));
        jdbc.update("update replenishment_run set process_instance_id = ? where id = ?", pi.getId(), id);
        audit.record(actor, "STARTED", RUN, id.toString(), null, Map.of("trigger", trigger, "asOf", today.toString()));
        log.info("Replenishment run {} started ({}, by {})", id, trigger, actor);
        return view(id);
    }

    // ---- computing (worker of ims.computeReplenishmentProposals) -------------------------------------------------

    /** A rule row with what the batch needs about its item. */
    record RuleRow(UUID itemId, UUID warehouseId, String type, BigDecimal min, BigDecimal max,
            BigDecimal serviceLevel, int coverDays, Integer leadTimeDays, BigDecimal moq, BigDecimal packSize,
            String abcClass) {
        PairKey key() {
            return new PairKey(itemId, warehouseId);
        }
    }

    /** Timings of one computation, in nanoseconds. */
    public record Timings(long refresh, long load, long plan, long write, long total) {
    }

    private volatile Timings lastTimings;

    /** The timings of the last computation on this node (for the benchmark and the log). */
    public Timings lastTimings() {
        return lastTimings;
    }

    /**
     * Computes the run's proposals: loads, plans, decides AUTO/REVIEW per proposal and writes them. Idempotent: a
     * run computed before answers its counts again.
     */
    @Transactional
    public RunCounts compute(UUID runId) {
        Map<String, Object> run = lockRun(runId);
        if (run.get("pairs") != null) {
            return counts(run);
        }
        long t0 = System.nanoTime();
        history.refresh();
        long tRefresh = System.nanoTime() - t0;
        LocalDate asOf = ((Date) run.get("as_of")).toLocalDate();
        LocalDate to = asOf.minusDays(1);
        LocalDate from = to.minusDays(props.historyDays() - 1L);
        DemandSeries noDemand = DemandSeries.of(from, new double[props.historyDays()]);
        SupplyTerms terms = supplyTerms.getIfAvailable();
        DmnDecision autoApproval = autoApproval();
        Map<String, BigDecimal> eurRates = new HashMap<>();
        long load = 0;
        long plan = 0;
        long write = 0;
        int pairs = 0;
        int proposals = 0;
        int auto = 0;
        PairKey after = null;
        while (true) {
            long l0 = System.nanoTime();
            List<RuleRow> rules = rules(after, props.batchSize());
            if (rules.isEmpty()) {
                break;
            }
            PairKey first = rules.get(0).key();
            after = rules.get(rules.size() - 1).key();
            List<UUID> itemIds = rules.stream().map(RuleRow::itemId).distinct().toList();
            Map<PairKey, DemandSeries> demand = history.load(first, after, from, to);
            Map<PairKey, BigDecimal[]> stock = stock(itemIds);
            Map<PairKey, BigDecimal> inbound = inbound(itemIds, runId, asOf);
            Map<UUID, SupplyTerms.Terms> supply = terms == null ? Map.of() : terms.preferred(itemIds);
            List<Pair> batch = new ArrayList<>(rules.size());
            for (RuleRow r : rules) {
                BigDecimal[] s = stock.getOrDefault(r.key(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                double position = s[0].subtract(s[1]).add(inbound.getOrDefault(r.key(), BigDecimal.ZERO)).doubleValue();
                batch.add(new Pair(r.itemId() + "/" + r.warehouseId(), demand.getOrDefault(r.key(), noDemand),
                        rule(r, supply.get(r.itemId())), position));
            }
            long p0 = System.nanoTime();
            List<Proposal> planned = planner.planAll(batch, props.threads());
            long w0 = System.nanoTime();
            List<Object[]> rows = new ArrayList<>();
            Timestamp now = Timestamp.from(clock.instant());
            BigDecimal[] values = new BigDecimal[rules.size()];
            for (int i = 0; i < rules.size(); i++) {
                if (planned.get(i).orderQuantity() > 0) {
                    values[i] = value(decimal(planned.get(i).orderQuantity()), supply.get(rules.get(i).itemId()),
                            eurRates);
                }
            }
            // the decision per proposal, on all cores (the DMN engine is thread-safe)
            String[] decided = java.util.stream.IntStream.range(0, rules.size()).parallel()
                    .mapToObj(i -> planned.get(i).orderQuantity() > 0
                            ? decide(autoApproval, values[i], rules.get(i).abcClass()) : null)
                    .toArray(String[]::new);
            for (int i = 0; i < rules.size(); i++) {
                Proposal p = planned.get(i);
                if (p.orderQuantity() <= 0) {
                    continue;
                }
                RuleRow r = rules.get(i);
                SupplyTerms.Terms t = supply.get(r.itemId());
                BigDecimal quantity = decimal(p.orderQuantity());
                BigDecimal valueEur = values[i];
                String decision = decided[i];
                boolean isAuto = "AUTO".equals(decision);
                auto += isAuto ? 1 : 0;
                BigDecimal[] s = stock.getOrDefault(r.key(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                DemandForecast f = p.forecast();
                rows.add(new Object[] {UUID.randomUUID(), runId, r.itemId(), r.warehouseId(), r.type(), s[0], s[1],
                    inbound.getOrDefault(r.key(), BigDecimal.ZERO), decimal(batch.get(i).inventoryPosition()),
                    decimal(p.levels().reorderPoint()), decimal(p.levels().safetyStock()),
                    decimal(p.levels().orderUpTo()), batch.get(i).rule().leadTimeDays(),
                    f == null ? null : f.method(), f == null ? null : f.classification().demandClass().name(),
                    f == null ? null : decimal(f.meanDaily()), quantity, quantity,
                    t == null ? null : t.supplierId(), t == null ? null : t.supplierName(),
                    t == null ? null : t.unitPrice(), t == null ? null : t.currency(), valueEur, decision,
                    isAuto ? "APPROVED" : "PROPOSED", isAuto ? SYSTEM : null, isAuto ? now : null});
            }
            if (!rows.isEmpty()) {
                copyProposals(rows);
            }
            long w1 = System.nanoTime();
            pairs += rules.size();
            proposals += rows.size();
            load += p0 - l0;
            plan += w0 - p0;
            write += w1 - w0;
        }
        int review = proposals - auto;
        long total = System.nanoTime() - t0;
        lastTimings = new Timings(tRefresh, load, plan, write, total);
        String status = review > 0 ? "IN_REVIEW" : auto > 0 ? "STARTED" : "COMPLETED";
        jdbc.update("update replenishment_run set pairs = ?, proposals = ?, auto_proposals = ?, review_proposals = ?, "
                + "load_ms = ?, plan_ms = ?, write_ms = ?, duration_ms = ?, status = ?, finished_at = ?, "
                + "version = version + 1 where id = ?", pairs, proposals, auto, review, (tRefresh + load) / 1_000_000,
                plan / 1_000_000, write / 1_000_000, total / 1_000_000, status,
                "COMPLETED".equals(status) ? Timestamp.from(clock.instant()) : null, runId);
        Map<String, Object> after2 = new LinkedHashMap<>();
        after2.put("pairs", pairs);
        after2.put("proposals", proposals);
        after2.put("autoProposals", auto);
        after2.put("reviewProposals", review);
        after2.put("status", status);
        audit.record(SYSTEM, "COMPUTED", RUN, runId.toString(), Map.of("status", "STARTED"), after2);
        log.info("Replenishment run {}: {} pairs, {} proposals ({} auto, {} review) in {} ms (refresh {} ms, load {} ms, "
                + "plan {} ms, write {} ms)", runId, pairs, proposals, auto, review, total / 1_000_000,
                tRefresh / 1_000_000, load / 1_000_000, plan / 1_000_000, write / 1_000_000);
        return new RunCounts(pairs, proposals, auto, review);
    }

    /** Writes proposal rows with COPY on the transaction's connection (a batch of inserts took four times longer). */
    private void copyProposals(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 400);
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    text.append('\t');
                }
                Object v = row[c];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof Timestamp t) {
                    text.append(t.toInstant());
                } else if (v instanceof BigDecimal d) {
                    text.append(d.toPlainString());
                } else {
                    String str = v.toString();
                    for (int i = 0; i < str.length(); i++) {
                        char ch = str.charAt(i);
                        switch (ch) {
                            case '\\' -> text.append("\\\\");
                            case '\t' -> text.append("\\t");
                            case '\n' -> text.append("\\n");
                            case '\r' -> text.append("\\r");
                            default -> text.append(ch);
                        }
                    }
                }
            }
            text.append("\t0\n");
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy replenishment_proposal (id, run_id, item_id, "
                    + "warehouse_id, rule_type, on_hand, reserved, inbound, inventory_position, reorder_point, safety_stock, "
                    + "order_up_to, lead_time_days, forecast_method, demand_class, forecast_per_day, proposed_quantity, "
                    + "quantity, supplier_id, supplier_name, unit_price, currency, value_eur, decision, status, decided_by, "
                    + "decided_at, version) from stdin", new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not write replenishment proposals", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private List<RuleRow> rules(PairKey after, int limit) {
        String sql = "select r.item_id, r.warehouse_id, r.type, r.min_quantity, r.max_quantity, r.service_level, "
                + "r.cover_days, r.lead_time_days, r.minimum_order_quantity, r.pack_size, i.abc_class "
                + "from reorder_rule r join item i on i.id = r.item_id join warehouse w on w.id = r.warehouse_id "
                + "where r.active and i.active and w.active"
                + (after == null ? "" : " and (r.item_id, r.warehouse_id) > (?, ?)")
                + " order by r.item_id, r.warehouse_id limit ?";
        Object[] args = after == null ? new Object[] {limit} : new Object[] {after.itemId(), after.warehouseId(), limit};
        return jdbc.query(sql, (rs, n) -> new RuleRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7),
                (Integer) rs.getObject(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11)), args);
    }

    /** The rule's values, completed by the preferred supplier's terms and the defaults. */
    ReorderRule rule(RuleRow r, SupplyTerms.Terms t) {
        int lead = r.leadTimeDays() != null ? r.leadTimeDays()
                : t != null && t.leadTimeDays() > 0 ? t.leadTimeDays() : props.defaultLeadTimeDays();
        double moq = r.moq() != null ? r.moq().doubleValue()
                : t != null && t.minimumOrderQuantity() != null ? t.minimumOrderQuantity().doubleValue() : 0;
        double pack = r.packSize() != null ? r.packSize().doubleValue()
                : t != null && t.packSize() != null && t.packSize().signum() > 0 ? t.packSize().doubleValue() : 1;
        return "FIXED_MIN_MAX".equals(r.type())
                ? ReorderRule.fixedMinMax(r.min().doubleValue(), r.max().doubleValue(), lead, moq, pack)
                : ReorderRule.forecast(r.serviceLevel().doubleValue() / 100, lead, r.coverDays(), moq, pack);
    }

    /** On hand and reserved per item × warehouse, on the shelves that hold usable stock. */
    Map<PairKey, BigDecimal[]> stock(Collection<UUID> itemIds) {
        Map<PairKey, BigDecimal[]> stock = new HashMap<>();
        jdbc.query("select q.item_id, l.warehouse_id, sum(q.quantity), sum(q.reserved) from quant q "
                + "join location l on l.id = q.location_id where q.item_id = any(?::uuid[]) and l.type in " + STOCK_TYPES
                + " group by 1, 2", rs -> {
                    stock.put(new PairKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                            new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }, (Object) itemIds.toArray(new UUID[0]));
        return stock;
    }

    /**
     * Inbound per item × warehouse: proposals of other runs not yet ordered (under review or approved), plus open
     * purchase order lines from procurement's {@link OpenInbound} when there is one, else the proposals ordered
     * within their lead time.
     */
    Map<PairKey, BigDecimal> inbound(Collection<UUID> itemIds, UUID runId, LocalDate asOf) {
        Map<PairKey, BigDecimal> inbound = new HashMap<>();
        OpenInbound port = openInbound.getIfAvailable();
        String ordered = port == null
                ? " or (p.status = 'ORDERED' and r.as_of + p.lead_time_days > ?)"
                : "";
        List<Object> args = new ArrayList<>();
        args.add(itemIds.toArray(new UUID[0]));
        args.add(runId);
        if (port == null) {
            args.add(Date.valueOf(asOf));
        }
        jdbc.query("select p.item_id, p.warehouse_id, sum(p.quantity) from replenishment_proposal p "
                + "join replenishment_run r on r.id = p.run_id where p.item_id = any(?::uuid[]) and p.run_id <> ? "
                + "and (p.status in ('PROPOSED', 'APPROVED')" + ordered + ") group by 1, 2", rs -> {
                    inbound.put(new PairKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), rs.getBigDecimal(3));
                }, args.toArray());
        if (port != null) {
            for (OpenInbound.Inbound i : port.openInbound(itemIds)) {
                inbound.merge(new PairKey(i.itemId(), i.warehouseId()), i.quantity(), BigDecimal::add);
            }
        }
        return inbound;
    }

    private BigDecimal value(BigDecimal quantity, SupplyTerms.Terms t, Map<String, BigDecimal> eurRates) {
        if (t == null || t.unitPrice() == null || t.currency() == null) {
            return null;
        }
        BigDecimal rate = eurRates.computeIfAbsent(t.currency(), c -> {
            try {
                return rates.rateToEur(c, "currency");
            } catch (ProblemException e) {
                log.warn("No exchange rate for {}: proposals priced in it go to review", c);
                return BigDecimal.ZERO;
            }
        });
        return rate.signum() == 0 ? null : quantity.multiply(t.unitPrice()).multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The latest deployed version of {@code replenishment-auto-approval}, read once per run so that a run decides
     * all its proposals by the same table.
     */
    /**
     * The DMN engine that decides proposals: no history, and the Java FEEL engine for the table's simple unary
     * tests. The Scala FEEL engine builds its context of built-in functions anew for every expression (about 12 per
     * evaluation of this table), which cost 1.7 to 9 ms per proposal here, minutes for a large run; the Java one
     * caches parsed expressions and evaluates this table in microseconds, with the same results. A model using FEEL
     * beyond simple unary tests and literal outputs would fail the run visibly (incident), not decide wrongly.
     */
    static DmnEngine decisionEngine() {
        DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        configuration.setEnableFeelLegacyBehavior(true);
        return configuration.buildEngine();
    }

    private DmnDecision autoApproval() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(ProcessKeys.DECISION_REPLENISHMENT_AUTO_APPROVAL).latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("Decision " + ProcessKeys.DECISION_REPLENISHMENT_AUTO_APPROVAL
                    + " is not deployed");
        }
        return dmn.parseDecision(ProcessKeys.DECISION_REPLENISHMENT_AUTO_APPROVAL,
                repository.getDmnModelInstance(latest.getId()));
    }

    /**
     * AUTO or REVIEW from the decision {@code replenishment-auto-approval} (the deployed model, parsed once per run),
     * evaluated per proposal by a DMN engine of this service ({@link #decisionEngine}). Not through
     * {@code DecisionService} nor the process engine's DMN engine: with history level full both write a historic
     * decision instance with its inputs and outputs (five rows) per evaluation, which made a run of 100,000 pairs
     * spend minutes on history inserts (ADR 15); the proposal row keeps the decision and its inputs.
     */
    private String decide(DmnDecision decision, BigDecimal valueEur, String abcClass) {
        return decide(dmn, decision, valueEur, abcClass);
    }

    static String decide(DmnEngine dmn, DmnDecision decision, BigDecimal valueEur, String abcClass) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("priced", valueEur != null);
        vars.put("valueEur", valueEur == null ? null : valueEur.doubleValue());
        vars.put("abcClass", abcClass);
        Map<String, Object> result = dmn.evaluateDecisionTable(decision, vars).getSingleResult();
        Object answer = result == null ? null : result.get("decision");
        if (!"AUTO".equals(answer) && !"REVIEW".equals(answer)) {
            throw new IllegalStateException("Decision " + ProcessKeys.DECISION_REPLENISHMENT_AUTO_APPROVAL
                    + " answered " + answer + " for " + vars + "; expected AUTO or REVIEW");
        }
        return (String) answer;
    }

    private static BigDecimal decimal(double d) {
        return BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP);
    }

    // ---- ordering (worker of ims.orderReplenishmentProposals) -----------------------------------------------------

    /**
     * Orders the run's approved proposals through procurement and marks them ORDERED with the requisition's number;
     * idempotent (ordered ones are not ordered again). Fails with {@value #NO_ORDERING} when there is something to
     * order and no procurement implementation. Completes the run when nothing is left to decide.
     */
    @Transactional
    public int orderApproved(UUID runId) {
        Map<String, Object> run = lockRun(runId);
        LocalDate asOf = ((Date) run.get("as_of")).toLocalDate();
        List<AcceptedProposal> approved = jdbc.query("select id, item_id, warehouse_id, quantity, supplier_id, "
                + "lead_time_days, decided_by from replenishment_proposal where run_id = ? and status = 'APPROVED' "
                + "order by item_id, warehouse_id", (rs, n) -> new AcceptedProposal(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), StockQueries.strip(rs.getBigDecimal(4)),
                        rs.getObject(5, UUID.class), asOf.plusDays(rs.getInt(6)), rs.getString(7)), runId);
        if (!approved.isEmpty()) {
            ReplenishmentOrdering port = ordering.getIfAvailable();
            if (port == null) {
                throw new IllegalStateException(NO_ORDERING + ": " + approved.size() + " approved proposal(s) of run "
                        + runId + " wait for procurement's ReplenishmentOrdering");
            }
            Map<UUID, String> numbers = port.order(approved);
            List<Object[]> rows = new ArrayList<>();
            for (AcceptedProposal p : approved) {
                String number = numbers.get(p.proposalId());
                if (number == null) {
                    throw new IllegalStateException("Procurement gave no requisition for proposal " + p.proposalId());
                }
                rows.add(new Object[] {number, p.proposalId()});
            }
            jdbc.batchUpdate("update replenishment_proposal set status = 'ORDERED', requisition_number = ?, "
                    + "version = version + 1 where id = ? and status = 'APPROVED'", rows);
            audit.record(SYSTEM, "PROPOSALS_ORDERED", RUN, runId.toString(), null, Map.of("ordered", approved.size(),
                    "requisitions", numbers.values().stream().distinct().sorted().toList()));
        }
        boolean open = Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from replenishment_proposal "
                + "where run_id = ? and status = 'PROPOSED')", Boolean.class, runId));
        if (!open && !"COMPLETED".equals(run.get("status"))) {
            jdbc.update("update replenishment_run set status = 'COMPLETED', finished_at = ?, version = version + 1 "
                    + "where id = ?", Timestamp.from(clock.instant()), runId);
            audit.record(SYSTEM, "COMPLETED", RUN, runId.toString(), Map.of("status", run.get("status")),
                    Map.of("status", "COMPLETED"));
        }
        return approved.size();
    }

    // ---- review ------------------------------------------------------------------------------------------------

    /** A buyer approves (possibly with another quantity) or rejects one proposal of a run under review. */
    @Transactional
    @PreAuthorize(ReorderRules.MANAGERS)
    public ProposalView decideProposal(UUID proposalId, @Valid ProposalDecision decision) {
        String actor = CurrentUser.get().username();
        ProposalView before = lockProposal(proposalId);
        String action = decision.action().strip().toUpperCase(Locale.ROOT);
        if (!action.equals("APPROVE") && !action.equals("REJECT")) {
            throw new InvalidInput("action", "must be APPROVE or REJECT");
        }
        String runStatus = jdbc.queryForObject("select status from replenishment_run where id = ?", String.class,
                before.runId());
        if (!"IN_REVIEW".equals(runStatus) || "ORDERED".equals(before.status()) || !"REVIEW".equals(before.decision())) {
            throw new ProblemException.Conflict("Proposal " + proposalId + " is " + before.status() + " (" 
                    + before.decision() + ") in a run that is " + runStatus + "; only proposals under review are decided");
        }
        if (action.equals("APPROVE") && !orderable(List.of(before.itemId())).contains(before.itemId())) {
            throw new ProblemException.Conflict("Item " + before.sku() + " has no preferred supplier to order from: "
                    + "give it one in the supplier catalogue, or reject the proposal");
        }
        BigDecimal quantity = before.quantity();
        BigDecimal value = before.valueEur();
        if (action.equals("APPROVE") && decision.quantity() != null) {
            if (decision.quantity().signum() <= 0) {
                throw new InvalidInput("quantity", "must be greater than 0 (reject the proposal instead)");
            }
            quantity = decision.quantity();
            value = value == null ? null
                    : value.multiply(quantity).divide(before.quantity(), 2, RoundingMode.HALF_UP);
        }
        String status = action.equals("APPROVE") ? "APPROVED" : "REJECTED";
        jdbc.update("update replenishment_proposal set status = ?, quantity = ?, value_eur = ?, decided_by = ?, "
                + "decided_at = ?, decision_comment = ?, version = version + 1 where id = ?", status, quantity, value,
                actor, Timestamp.from(clock.instant()), blankToNull(decision.comment()), proposalId);
        ProposalView after = proposal(proposalId);
        audit.record(actor, status, PROPOSAL, proposalId.toString(), Map.of("status", before.status(), "quantity",
                before.quantity()), Map.of("status", status, "quantity", quantity, "comment",
                        decision.comment() == null ? "" : decision.comment()));
        return after;
    }

    /**
     * Completes a run's review (the BUYER task, through the inbox): proposals still undecided are approved as
     * proposed ({@code approved}) or rejected (a comment is required).
     */
    @Transactional
    public void completeReview(UUID runId, CurrentUser user, boolean approved, String comment) {
        if (!user.hasAnyRole("BUYER", "ADMIN")) {
            throw new ProblemException.Forbidden("Only buyers review replenishment proposals");
        }
        Map<String, Object> run = lockRun(runId);
        if (!"IN_REVIEW".equals(run.get("status"))) {
            throw new ProblemException.Conflict("Replenishment run " + runId + " is " + run.get("status"));
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new InvalidInput("comment", "is required to reject the remaining proposals");
        }
        String status = approved ? "APPROVED" : "REJECTED";
        int unorderable = 0;
        if (approved) {
            // approving "the rest" cannot order items without a supplier: they are rejected, saying why
            List<UUID> open = jdbc.queryForList("select distinct item_id from replenishment_proposal where run_id = ? "
                    + "and status = 'PROPOSED'", UUID.class, runId);
            Set<UUID> orderable = orderable(open);
            List<UUID> without = open.stream().filter(id -> !orderable.contains(id)).toList();
            if (!without.isEmpty()) {
                unorderable = jdbc.update("update replenishment_proposal set status = 'REJECTED', decided_by = ?, "
                        + "decided_at = ?, decision_comment = 'No preferred supplier to order from', "
                        + "version = version + 1 where run_id = ? and status = 'PROPOSED' and item_id = any(?::uuid[])",
                        user.username(), Timestamp.from(clock.instant()), runId, without.toArray(new UUID[0]));
            }
        }
        int decided = jdbc.update("update replenishment_proposal set status = ?, decided_by = ?, decided_at = ?, "
                + "decision_comment = ?, version = version + 1 where run_id = ? and status = 'PROPOSED'", status,
                user.username(), Timestamp.from(clock.instant()), blankToNull(comment), runId);
        jdbc.update("update replenishment_run set status = 'STARTED', version = version + 1 where id = ?", runId);
        audit.record(user.username(), "REVIEWED", RUN, runId.toString(), Map.of("status", "IN_REVIEW"),
                Map.of("remaining", status, "count", decided, "rejectedWithoutSupplier", unorderable, "comment",
                        comment == null ? "" : comment));
    }

    /** The items among {@code itemIds} that procurement can order now: those with a preferred supplier. */
    private Set<UUID> orderable(Collection<UUID> itemIds) {
        SupplyTerms terms = supplyTerms.getIfAvailable();
        if (terms == null || itemIds.isEmpty()) {
            return Set.of();
        }
        return terms.preferred(itemIds).keySet();
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public RunView get(UUID id) {
        return view(id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public PageView<RunView> list(String status, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        boolean filter = status != null && !status.isBlank();
        String where = filter ? " where status = ?" : "";
        List<Object> args = new ArrayList<>();
        if (filter) {
            args.add(status);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<RunView> items = jdbc.query(RUN_SELECT + where + " order by started_at desc limit ? offset ?",
                ReplenishmentRuns::mapRun, pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from replenishment_run" + where, Long.class, args.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public PageView<ProposalView> proposals(UUID runId, String status, String decision, int page, int size) {
        view(runId);
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where p.run_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(runId);
        if (status != null && !status.isBlank()) {
            where.append(" and p.status = ?");
            args.add(status);
        }
        if (decision != null && !decision.isBlank()) {
            where.append(" and p.decision = ?");
            args.add(decision);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<ProposalView> items = jdbc.query(PROPOSAL_SELECT + where + " order by p.value_eur desc nulls first, i.sku, "
                + "w.code limit ? offset ?", ReplenishmentRuns::mapProposal, pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from replenishment_proposal p" + where, Long.class,
                args.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public ProposalView getProposal(UUID id) {
        return proposal(id);
    }

    private static final String RUN_SELECT = "select id, trigger, started_by, started_at, finished_at, status, as_of, "
            + "pairs, proposals, auto_proposals, review_proposals, load_ms, plan_ms, write_ms, duration_ms, "
            + "process_instance_id from replenishment_run";

    private static final String PROPOSAL_SELECT = "select p.id, p.run_id, p.item_id, i.sku, i.name, i.base_unit, "
            + "i.abc_class, p.warehouse_id, w.code, p.rule_type, p.on_hand, p.reserved, p.inbound, p.inventory_position, "
            + "p.reorder_point, p.safety_stock, p.order_up_to, p.lead_time_days, p.forecast_method, p.demand_class, "
            + "p.forecast_per_day, p.proposed_quantity, p.quantity, p.supplier_id, p.supplier_name, p.unit_price, "
            + "p.currency, p.value_eur, p.decision, p.status, p.requisition_number, p.decided_by, p.decided_at, "
            + "p.decision_comment, p.version from replenishment_proposal p join item i on i.id = p.item_id "
            + "join warehouse w on w.id = p.warehouse_id";

    private RunView view(UUID id) {
        List<RunView> found = jdbc.query(RUN_SELECT + " where id = ?", ReplenishmentRuns::mapRun, id);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No replenishment run " + id);
        }
        return found.get(0);
    }

    private ProposalView proposal(UUID id) {
        List<ProposalView> found = jdbc.query(PROPOSAL_SELECT + " where p.id = ?", ReplenishmentRuns::mapProposal, id);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No replenishment proposal " + id);
        }
        return found.get(0);
    }

    private ProposalView lockProposal(UUID id) {
        if (jdbc.queryForList("select id from replenishment_proposal where id = ? for update", UUID.class, id).isEmpty()) {
            throw new ProblemException.NotFound("No replenishment proposal " + id);
        }
        return proposal(id);
    }

    private Map<String, Object> lockRun(UUID id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select status, as_of, pairs, proposals, auto_proposals, "
                + "review_proposals from replenishment_run where id = ? for update", id);
        if (rows.isEmpty()) {
            throw new ProblemException.NotFound("No replenishment run " + id);
        }
        return rows.get(0);
    }

    private static RunCounts counts(Map<String, Object> run) {
        return new RunCounts(((Number) run.get("pairs")).intValue(), ((Number) run.get("proposals")).intValue(),
                ((Number) run.get("auto_proposals")).intValue(), ((Number) run.get("review_proposals")).intValue());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static RunView mapRun(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp(5);
        return new RunView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                finished == null ? null : finished.toInstant(), rs.getString(6), rs.getDate(7).toLocalDate(),
                (Integer) rs.getObject(8), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
                (Integer) rs.getObject(11), (Long) rs.getObject(12), (Long) rs.getObject(13), (Long) rs.getObject(14),
                (Long) rs.getObject(15), rs.getString(16));
    }

    private static ProposalView mapProposal(ResultSet rs, int n) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp(33);
        return new ProposalView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
                rs.getString(9), rs.getString(10), StockQueries.strip(rs.getBigDecimal(11)),
                StockQueries.strip(rs.getBigDecimal(12)), StockQueries.strip(rs.getBigDecimal(13)),
                StockQueries.strip(rs.getBigDecimal(14)), StockQueries.strip(rs.getBigDecimal(15)),
                StockQueries.strip(rs.getBigDecimal(16)), StockQueries.strip(rs.getBigDecimal(17)), rs.getInt(18),
                rs.getString(19), rs.getString(20), StockQueries.strip(rs.getBigDecimal(21)),
                StockQueries.strip(rs.getBigDecimal(22)), StockQueries.strip(rs.getBigDecimal(23)),
                rs.getObject(24, UUID.class), rs.getString(25), StockQueries.strip(rs.getBigDecimal(26)),
                rs.getString(27), rs.getBigDecimal(28), rs.getString(29), rs.getString(30), rs.getString(31),
                rs.getString(32), decidedAt == null ? null : decidedAt.toInstant(), rs.getString(34), rs.getLong(35));
    }
}
