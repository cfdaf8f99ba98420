package io.millflow.ims;

import io.millflow.audit.AuditService;
import io.millflow.ims.CycleCountViews.CountEntry;
import io.millflow.ims.CycleCountViews.CountLineView;
import io.millflow.ims.CycleCountViews.CountSubmission;
import io.millflow.ims.CycleCountViews.CycleCountCommand;
import io.millflow.ims.CycleCountViews.CycleCountView;
import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.security.CurrentUser;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.DecisionService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.variable.VariableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Cycle counts: a blind count sheet for a location subtree or an ABC class; counted differences within the
 * tolerance of the item's ABC class (decision {@code cycle-count-tolerance}) post at once as 701/702, larger
 * ones start {@code cycle-count} and post only when a warehouse supervisor other than the counter approves.
 * Serial-tracked items are not on count sheets (they are counted by serial number). Roles: WAREHOUSE creates,
 * counts and decides; the stock readers read.
 */
@Service
@Validated
public class CycleCounts {

    static final String ENTITY = "CycleCount";
    private static final Logger log = LoggerFactory.getLogger(CycleCounts.class);

    private final JdbcTemplate jdbc;
    private final StockLedger ledger;
    private final DocumentNumbers numbers;
    private final AuditService audit;
    private final DecisionService decisions;
    private final RuntimeService runtime;
    private final Clock clock;

    CycleCounts(JdbcTemplate jdbc, StockLedger ledger, DocumentNumbers numbers, AuditService audit,
            DecisionService decisions, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.numbers = numbers;
        this.audit = audit;
        this.decisions = decisions;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public CycleCountView create(@Valid CycleCountCommand cmd) {
        String actor = CurrentUser.get().username();
        if ((cmd.locationId() == null) == (cmd.abcClass() == null || cmd.abcClass().isBlank())) {
            throw new InvalidInput("locationId", "give either a location or an ABC class");
        }
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from warehouse where id = ? and active)",
                Boolean.class, cmd.warehouseId()))) {
            throw new InvalidInput("warehouseId", "is not an active warehouse");
        }
        StringBuilder where = new StringBuilder(" where l.warehouse_id = ? and q.quantity > 0 and i.tracking <> 'SERIAL'");
        List<Object> args = new ArrayList<>();
        args.add(cmd.warehouseId());
        if (cmd.locationId() != null) {
            List<Object[]> loc = jdbc.query("select path, warehouse_id from location where id = ?",
                    (rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)}, cmd.locationId());
            if (loc.isEmpty() || !cmd.warehouseId().equals(loc.get(0)[1])) {
                throw new InvalidInput("locationId", "is not a location of this warehouse");
            }
            where.append(" and l.path like ?");
            args.add(loc.get(0)[0] + "%");
        } else {
            where.append(" and i.abc_class = ?");
            args.add(cmd.abcClass());
        }
        UUID id = UUID.randomUUID();
        String number = numbers.next("CC");
        jdbc.update("insert into cycle_count (id, number, warehouse_id, location_id, abc_class, status, created_by, created_at, "
                + "version) values (?, ?, ?, ?, ?, 'OPEN', ?, ?, 0)", id, number, cmd.warehouseId(), cmd.locationId(),
                cmd.locationId() == null ? cmd.abcClass() : null, actor, Timestamp.from(clock.instant()));
        List<Object> insertArgs = new ArrayList<>();
        insertArgs.add(id);
        insertArgs.addAll(args);
        int lines = jdbc.update("insert into cycle_count_line (id, cycle_count_id, line_no, location_id, item_id, lot_id) "
                + "select gen_random_uuid(), ?, row_number() over (order by l.path, i.sku, lt.number), q.location_id, q.item_id, q.lot_id "
                + "from quant q join location l on l.id = q.location_id join item i on i.id = q.item_id "
                + "left join lot lt on lt.id = q.lot_id" + where, insertArgs.toArray());
        CycleCountView view = view(id);
        audit.record(actor, "CREATED", ENTITY, id.toString(), null, Map.of("number", number, "lines", lines));
        return view;
    }

    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public CycleCountView cancel(UUID id) {
        lock(id, "OPEN");
        jdbc.update("update cycle_count set status = 'CANCELLED', version = version + 1 where id = ?", id);
        audit.record(CurrentUser.get().username(), "CANCELLED", ENTITY, id.toString(), Map.of("status", "OPEN"),
                Map.of("status", "CANCELLED"));
        return view(id);
    }

    /**
     * Enters the counts of every line of the sheet (and any stock found that is not on it), takes the book
     * quantities now, posts differences within tolerance and sends the rest for approval.
     */
    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public CycleCountView submit(UUID id, @Valid CountSubmission submission) {
        String actor = CurrentUser.get().username();
        lock(id, "OPEN");
        UUID warehouseId = jdbc.queryForObject("select warehouse_id from cycle_count where id = ?", UUID.class, id);
        record SheetLine(UUID lineId, int lineNo, UUID locationId, UUID itemId, UUID lotId) {
        }
        List<SheetLine> sheet = jdbc.query("select id, line_no, location_id, item_id, lot_id from cycle_count_line "
                + "where cycle_count_id = ? order by line_no", (rs, n) -> new SheetLine(rs.getObject(1, UUID.class),
                        rs.getInt(2), rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class)), id);
        Map<UUID, StockLedger.ItemRow> items = ledger.loadItems(submission.lines().stream().map(CountEntry::itemId).toList());
        Map<UUID, StockLedger.LocRow> locations = ledger.loadLocations(submission.lines().stream()
                .map(CountEntry::locationId).toList());
        // match entries to sheet lines by location, item and lot; others are found stock
        Map<String, SheetLine> byKey = new HashMap<>();
        sheet.forEach(s -> byKey.put(s.locationId() + "/" + s.itemId() + "/" + s.lotId(), s));
        Map<String, Integer> seen = new HashMap<>();
        List<Object[]> counted = new ArrayList<>();
        int nextLineNo = sheet.size() + 1;
        for (int i = 0; i < submission.lines().size(); i++) {
            CountEntry e = submission.lines().get(i);
            String field = "lines[" + i + "]";
            StockLedger.ItemRow item = items.get(e.itemId());
            if (item == null) {
                throw new InvalidInput(field + ".itemId", "is not a known item");
            }
            if (item.tracking() == Tracking.SERIAL) {
                throw new InvalidInput(field + ".itemId", "item " + item.sku() + " is serial-tracked and counted by serial number");
            }
            StockLedger.LocRow loc = locations.get(e.locationId());
            if (loc == null || loc.virtual() || !warehouseId.equals(loc.warehouseId()) || !loc.type().holdsStock()) {
                throw new InvalidInput(field + ".locationId", "is not a shelf of this count's warehouse");
            }
            if (e.countedQuantity().stripTrailingZeros().scale() > item.decimals()) {
                throw new InvalidInput(field + ".countedQuantity", "has more decimals than unit " + item.baseUnit() + " allows");
            }
            UUID lotId = null;
            String lotNumber = null;
            if (item.tracking() == Tracking.LOT) {
                if (e.lot() == null || e.lot().isBlank()) {
                    throw new InvalidInput(field + ".lot", "is required: item " + item.sku() + " is lot-tracked");
                }
                lotNumber = e.lot().strip();
                lotId = jdbc.query("select id from lot where item_id = ? and number = ?",
                        rs -> rs.next() ? rs.getObject(1, UUID.class) : null, item.id(), lotNumber);
                if (lotId == null) {
                    throw new InvalidInput(field + ".lot", "is not a known lot of item " + item.sku());
                }
            } else if (e.lot() != null && !e.lot().isBlank()) {
                throw new InvalidInput(field + ".lot", "must be empty: item " + item.sku() + " is not lot-tracked");
            }
            String key = e.locationId() + "/" + e.itemId() + "/" + lotId;
            Integer other = seen.putIfAbsent(key, i);
            if (other != null) {
                throw new InvalidInput(field, "counts the same item, location and lot as lines[" + other + "]");
            }
            SheetLine line = byKey.get(key);
            if (line == null) {
                UUID lineId = UUID.randomUUID();
                jdbc.update("insert into cycle_count_line (id, cycle_count_id, line_no, location_id, item_id, lot_id) "
                        + "values (?, ?, ?, ?, ?, ?)", lineId, id, nextLineNo, e.locationId(), e.itemId(), lotId);
                line = new SheetLine(lineId, nextLineNo++, e.locationId(), e.itemId(), lotId);
            }
            counted.add(new Object[] {line, item, loc, e.countedQuantity(), lotNumber});
        }
        List<Integer> missing = sheet.stream().filter(s -> !seen.containsKey(s.locationId() + "/" + s.itemId() + "/" + s.lotId()))
                .map(SheetLine::lineNo).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInput("lines", "every line of the sheet must be counted; not counted: line(s) " + missing);
        }
        // book quantities, taken under the ledger's locks so nothing moves in between
        Map<String, BigDecimal> book = new HashMap<>();
        jdbc.query("select q.item_id, q.location_id, q.lot_id, q.quantity from quant q "
                + "join cycle_count_line c on c.item_id = q.item_id and c.location_id = q.location_id "
                + "and q.lot_key = coalesce(c.lot_id, '00000000-0000-0000-0000-000000000000') where c.cycle_count_id = ? "
                + "order by q.item_id, q.location_id, q.lot_key for update of q", rs -> {
                    book.put(rs.getObject(2, UUID.class) + "/" + rs.getObject(1, UUID.class) + "/" + rs.getObject(3, UUID.class),
                            rs.getBigDecimal(4));
                }, id);
        Map<String, double[]> tolerances = new HashMap<>();
        List<PostingLine> gains = new ArrayList<>();
        List<PostingLine> losses = new ArrayList<>();
        List<UUID> gainLines = new ArrayList<>();
        List<UUID> lossLines = new ArrayList<>();
        int overTolerance = 0;
        for (Object[] c : counted) {
            SheetLine line = (SheetLine) c[0];
            StockLedger.ItemRow item = (StockLedger.ItemRow) c[1];
            StockLedger.LocRow loc = (StockLedger.LocRow) c[2];
            BigDecimal countedQty = (BigDecimal) c[3];
            BigDecimal bookQty = book.getOrDefault(line.locationId() + "/" + line.itemId() + "/" + line.lotId(), BigDecimal.ZERO);
            double[] tol = tolerances.computeIfAbsent(item.abcClass(), this::tolerance);
            BigDecimal diff = countedQty.subtract(bookQty);
            BigDecimal allowed = bookQty.multiply(BigDecimal.valueOf(tol[0])).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP)
                    .max(BigDecimal.valueOf(tol[1]));
            String outcome;
            if (diff.signum() == 0) {
                outcome = "NO_DIFFERENCE";
            } else if (diff.abs().compareTo(allowed) <= 0) {
                outcome = "POSTED";
                String lot = (String) c[4];
                PostingLine p = diff.signum() > 0
                        ? new PostingLine(item.id(), diff, null, null, loc.id(), lot, null, null, null, null)
                        : new PostingLine(item.id(), diff.negate(), null, loc.id(), null, lot, null, null, null, null);
                (diff.signum() > 0 ? gains : losses).add(p);
                (diff.signum() > 0 ? gainLines : lossLines).add(line.lineId());
            } else {
                outcome = "NEEDS_APPROVAL";
                overTolerance++;
            }
            jdbc.update("update cycle_count_line set book_quantity = ?, counted_quantity = ?, tolerance_pct = ?, outcome = ? "
                    + "where id = ?", bookQty, countedQty, BigDecimal.valueOf(tol[0]), outcome, line.lineId());
        }
        String number = jdbc.queryForObject("select number from cycle_count where id = ?", String.class, id);
        postDifferences(id, number, gains, gainLines, losses, lossLines, actor);
        Timestamp now = Timestamp.from(clock.instant());
        if (overTolerance > 0) {
            VariableMap vars = org.operaton.bpm.engine.variable.Variables.createVariables()
                    .putValue(Variables.CYCLE_COUNT_ID, id.toString())
                    .putValue(Variables.COUNTER, actor)
                    // the inbox keeps a request's tasks away from the person who made it
                    .putValue(Variables.REQUESTER, actor)
                    .putValue(Variables.LINES_OVER_TOLERANCE, overTolerance);
            ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.CYCLE_COUNT, id.toString(), vars);
            jdbc.update("update cycle_count set status = 'PENDING_APPROVAL', counted_by = ?, counted_at = ?, "
                    + "process_instance_id = ?, version = version + 1 where id = ?", actor, now, pi.getId(), id);
        } else {
            jdbc.update("update cycle_count set status = 'POSTED', counted_by = ?, counted_at = ?, version = version + 1 "
                    + "where id = ?", actor, now, id);
        }
        CycleCountView view = view(id);
        audit.record(actor, "COUNTED", ENTITY, id.toString(), Map.of("status", "OPEN"), Map.of("status", view.status(),
                "linesOverTolerance", overTolerance, "lines", view.lines().size()));
        log.info("Cycle count {} counted by {}: {} lines, {} over tolerance", number, actor, view.lines().size(), overTolerance);
        return view;
    }

    private double[] tolerance(String abcClass) {
        Map<String, Object> result = decisions.evaluateDecisionTableByKey(ProcessKeys.DECISION_COUNT_TOLERANCE,
                org.operaton.bpm.engine.variable.Variables.createVariables().putValue("abcClass", abcClass)).getSingleResult();
        if (result == null) {
            throw new IllegalStateException("Decision " + ProcessKeys.DECISION_COUNT_TOLERANCE + " gave no tolerance for class "
                    + abcClass);
        }
        return new double[] {((Number) result.get("tolerancePercent")).doubleValue(),
                ((Number) result.get("toleranceQuantity")).doubleValue()};
    }

    private void postDifferences(UUID countId, String number, List<PostingLine> gains, List<UUID> gainLines,
            List<PostingLine> losses, List<UUID> lossLines, String actor) {
        if (!gains.isEmpty()) {
            DocumentView doc = ledger.post(new PostingCommand(MovementType.COUNT_GAIN.code(), null, number,
                    "Count gain, cycle count " + number, gains), actor, true);
            markPosted(gainLines, doc.id());
        }
        if (!losses.isEmpty()) {
            DocumentView doc = ledger.post(new PostingCommand(MovementType.COUNT_LOSS.code(), null, number,
                    "Count loss, cycle count " + number, losses), actor, true);
            markPosted(lossLines, doc.id());
        }
    }

    private void markPosted(List<UUID> lines, UUID documentId) {
        jdbc.batchUpdate("update cycle_count_line set document_id = ? where id = ?",
                lines.stream().map(l -> new Object[] {documentId, l}).toList());
    }

    /** Records a supervisor's decision on a count's differences (called from the inbox). */
    @Transactional
    public void recordDecision(UUID id, CurrentUser user, boolean approved, String comment) {
        if (!user.hasRole("WAREHOUSE")) {
            throw new ProblemException.Forbidden("Only WAREHOUSE supervisors decide count differences");
        }
        lock(id, "PENDING_APPROVAL");
        String counter = jdbc.queryForObject("select counted_by from cycle_count where id = ?", String.class, id);
        if (user.username().equals(counter)) {
            throw new ProblemException.Forbidden("The counter may not approve their own count; another supervisor decides");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw new InvalidInput("comment", "is required to reject count differences");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update cycle_count set decided_by = ?, decided_at = ?, decision_comment = ?, status = ?, "
                + "version = version + 1 where id = ?", user.username(), now, comment, approved ? "PENDING_APPROVAL" : "REJECTED",
                id);
        if (!approved) {
            jdbc.update("update cycle_count_line set outcome = 'REJECTED' where cycle_count_id = ? and outcome = 'NEEDS_APPROVAL'",
                    id);
        }
        audit.record(user.username(), approved ? "DIFFERENCES_APPROVED" : "DIFFERENCES_REJECTED", ENTITY, id.toString(),
                Map.of("status", "PENDING_APPROVAL"), Map.of("approved", approved, "comment", comment == null ? "" : comment));
    }

    /**
     * Posts the approved differences (worker of {@code ims.postCountDifferences}); a second call after it posted
     * does nothing. Returns the numbers of the documents posted.
     */
    @Transactional
    public List<String> postApproved(UUID id) {
        String status = jdbc.query("select status from cycle_count where id = ? for update",
                rs -> rs.next() ? rs.getString(1) : null, id);
        if (status == null) {
            throw new ProblemException.NotFound("No cycle count " + id);
        }
        if ("POSTED".equals(status)) {
            return documentNumbers(id);
        }
        if (!"PENDING_APPROVAL".equals(status)) {
            throw new ProblemException.Conflict("Cycle count " + id + " is " + status);
        }
        Map<String, Object> head = jdbc.queryForMap("select number, decided_by from cycle_count where id = ?", id);
        String actor = (String) head.get("decided_by");
        if (actor == null) {
            throw new ProblemException.Conflict("Cycle count " + id + " has not been approved");
        }
        List<PostingLine> gains = new ArrayList<>();
        List<PostingLine> losses = new ArrayList<>();
        List<UUID> gainLines = new ArrayList<>();
        List<UUID> lossLines = new ArrayList<>();
        jdbc.query("select c.id, c.item_id, c.location_id, lt.number, c.counted_quantity - c.book_quantity from cycle_count_line c "
                + "left join lot lt on lt.id = c.lot_id where c.cycle_count_id = ? and c.outcome = 'NEEDS_APPROVAL' order by c.line_no",
                rs -> {
                    BigDecimal diff = rs.getBigDecimal(5);
                    UUID item = rs.getObject(2, UUID.class);
                    UUID loc = rs.getObject(3, UUID.class);
                    if (diff.signum() > 0) {
                        gains.add(new PostingLine(item, diff, null, null, loc, rs.getString(4), null, null, null, null));
                        gainLines.add(rs.getObject(1, UUID.class));
                    } else {
                        losses.add(new PostingLine(item, diff.negate(), null, loc, null, rs.getString(4), null, null, null, null));
                        lossLines.add(rs.getObject(1, UUID.class));
                    }
                }, id);
        postDifferences(id, (String) head.get("number"), gains, gainLines, losses, lossLines, actor);
        jdbc.update("update cycle_count_line set outcome = 'APPROVED' where cycle_count_id = ? and outcome = 'NEEDS_APPROVAL'", id);
        jdbc.update("update cycle_count set status = 'POSTED', version = version + 1 where id = ?", id);
        audit.record(actor, "DIFFERENCES_POSTED", ENTITY, id.toString(), Map.of("status", "PENDING_APPROVAL"),
                Map.of("status", "POSTED"));
        return documentNumbers(id);
    }

    private List<String> documentNumbers(UUID id) {
        return jdbc.queryForList("select distinct d.number from cycle_count_line c join stock_document d on d.id = c.document_id "
                + "where c.cycle_count_id = ? order by d.number", String.class, id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public CycleCountView get(UUID id) {
        return view(id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public PageView<CycleCountView> list(String status, UUID warehouseId, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            where.append(" and status = ?");
            args.add(status);
        }
        if (warehouseId != null) {
            where.append(" and warehouse_id = ?");
            args.add(warehouseId);
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<UUID> ids = jdbc.query("select id from cycle_count" + where + " order by created_at desc limit ? offset ?",
                (rs, n) -> rs.getObject(1, UUID.class), pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from cycle_count" + where, Long.class, args.toArray());
        return new PageView<>(ids.stream().map(this::view).toList(), Math.max(page, 0), limit, total == null ? 0 : total);
    }

    private void lock(UUID id, String expected) {
        String status = jdbc.query("select status from cycle_count where id = ? for update",
                rs -> rs.next() ? rs.getString(1) : null, id);
        if (status == null) {
            throw new ProblemException.NotFound("No cycle count " + id);
        }
        if (!expected.equals(status)) {
            throw new ProblemException.Conflict("Cycle count is " + status + ", not " + expected);
        }
    }

    private CycleCountView view(UUID id) {
        List<CountLineView> lines = jdbc.query("select c.line_no, c.location_id, l.code, c.item_id, i.sku, i.name, i.base_unit, "
                + "c.lot_id, lt.number, c.book_quantity, c.counted_quantity, c.tolerance_pct, c.outcome, c.document_id "
                + "from cycle_count_line c join location l on l.id = c.location_id join item i on i.id = c.item_id "
                + "left join lot lt on lt.id = c.lot_id where c.cycle_count_id = ? order by c.line_no", (rs, n) -> {
                    BigDecimal book = rs.getBigDecimal(10);
                    BigDecimal counted = rs.getBigDecimal(11);
                    return new CountLineView(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, UUID.class), rs.getString(9), StockQueries.strip(book), StockQueries.strip(counted),
                            book == null || counted == null ? null : StockQueries.strip(counted.subtract(book)),
                            StockQueries.strip(rs.getBigDecimal(12)), rs.getString(13), rs.getObject(14, UUID.class));
                }, id);
        List<CycleCountView> list = jdbc.query("select id, number, warehouse_id, location_id, abc_class, status, created_by, "
                + "created_at, counted_by, counted_at, decided_by, decided_at, decision_comment, process_instance_id "
                + "from cycle_count where id = ?", (rs, n) -> new CycleCountView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(), rs.getString(11),
                        rs.getTimestamp(12) == null ? null : rs.getTimestamp(12).toInstant(), rs.getString(13),
                        rs.getString(14), lines), id);
        if (list.isEmpty()) {
            throw new ProblemException.NotFound("No cycle count " + id);
        }
        return list.get(0);
    }
}
