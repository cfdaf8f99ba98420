package io.millflow.ims;

import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.MoveView;
import io.millflow.ims.StockViews.StockPage;
import io.millflow.ims.StockViews.StockPoint;
import io.millflow.ims.StockViews.StockRow;
import io.millflow.ims.StockViews.StockTotals;
import io.millflow.ims.StockViews.ValuationView;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading stock: quantities (on hand, reserved, available, incoming), documents, moves, valuation and
 * stock over time. Roles: WAREHOUSE, BUYER, MANAGER, FINANCE, ADMIN.
 */
@Service
public class StockQueries {

    static final String READERS = "hasAnyRole('WAREHOUSE','BUYER','MANAGER','FINANCE','ADMIN')";
    /** A stock query counts its rows exactly up to this many; beyond, {@code totalCapped} is set. */
    public static final int COUNT_CAP = 10_000;
    /** Totals are summed for one item, or when the query has at most this many rows (otherwise they are null). */
    public static final int TOTALS_CAP = 1_000;

    /** Filter of a stock query; every field may be null. {@code under} is a location whose subtree is meant. */
    public record StockFilter(UUID itemId, String text, UUID siteId, UUID warehouseId, UUID under, UUID locationId,
            String lot, boolean includeEmpty) {
    }

    /** Filter of the moves list; every field may be null. */
    public record MoveFilter(UUID itemId, UUID locationId, UUID documentId, String movementType, String lot,
            Instant from, Instant to) {
    }

    private final JdbcTemplate jdbc;

    StockQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public StockPage stock(StockFilter f, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        int offset = Math.max(page, 0) * limit;
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (!f.includeEmpty()) {
            where.append(" and (q.quantity > 0 or q.reserved > 0)");
        }
        if (f.itemId() != null) {
            where.append(" and q.item_id = ?");
            args.add(f.itemId());
        }
        if (f.text() != null && !f.text().isBlank()) {
            where.append(" and (lower(i.sku) like ? or lower(i.name) like ?)");
            String like = "%" + f.text().strip().toLowerCase() + "%";
            args.add(like);
            args.add(like);
        }
        if (f.siteId() != null) {
            where.append(" and l.site_id = ?");
            args.add(f.siteId());
        }
        if (f.warehouseId() != null) {
            where.append(" and l.warehouse_id = ?");
            args.add(f.warehouseId());
        }
        if (f.locationId() != null) {
            where.append(" and q.location_id = ?");
            args.add(f.locationId());
        }
        if (f.under() != null) {
            String path = jdbc.query("select path from location where id = ?", rs -> rs.next() ? rs.getString(1) : null,
                    f.under());
            if (path == null) {
                throw new ProblemException.InvalidInput("under", "is not a known location");
            }
            where.append(" and l.path like ?");
            args.add(path.replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.lot() != null && !f.lot().isBlank()) {
            where.append(" and lt.number = ?");
            args.add(f.lot().strip());
        }
        String from = " from quant q join item i on i.id = q.item_id join location l on l.id = q.location_id "
                + "left join lot lt on lt.id = q.lot_id";
        String incoming = "(select coalesce(sum(tl.base_quantity), 0) from transfer_line tl join transfer t on t.id = tl.transfer_id "
                + "where t.status = 'READY' and tl.item_id = q.item_id and tl.to_location_id = q.location_id "
                + "and coalesce(tl.lot_number, '') = coalesce(lt.number, ''))";
        // what a location (subtree) holds is listed bin by bin, which also lets the database walk the bins in code
        // order and stop after one page instead of sorting the whole subtree by SKU
        String order = f.under() != null || f.locationId() != null
                ? " order by l.code, i.sku, lt.number nulls first, w.code"
                : " order by i.sku, w.code, l.code, lt.number nulls first";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(offset);
        List<StockRow> rows = jdbc.query("select q.item_id, i.sku, i.name, i.base_unit, l.site_id, s.code, l.warehouse_id, "
                + "w.code, q.location_id, l.code, l.type, q.lot_id, lt.number, lt.expiry_date, q.quantity, q.reserved, "
                + incoming + from + " join warehouse w on w.id = l.warehouse_id join site s on s.id = l.site_id" + where
                + order + " limit ? offset ?", (rs, n) -> new StockRow(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
                        rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), rs.getObject(12, UUID.class),
                        rs.getString(13), toLocalDate(rs.getDate(14)), strip(rs.getBigDecimal(15)),
                        strip(rs.getBigDecimal(16)), strip(rs.getBigDecimal(15).subtract(rs.getBigDecimal(16))),
                        strip(rs.getBigDecimal(17))), pageArgs.toArray());
        // The count and totals read only the tables the filter needs, count at most COUNT_CAP + 1 rows, and sum
        // only small results (broad ones mix units anyway): a site-wide query stays as cheap as its page.
        boolean byText = f.text() != null && !f.text().isBlank();
        boolean byLot = f.lot() != null && !f.lot().isBlank();
        boolean byPlace = f.siteId() != null || f.warehouseId() != null || f.under() != null;
        String countFrom = " from quant q" + (byText ? " join item i on i.id = q.item_id" : "")
                + (byPlace ? " join location l on l.id = q.location_id" : "")
                + (byLot ? " left join lot lt on lt.id = q.lot_id" : "");
        Long counted = jdbc.queryForObject("select count(*) from (select 1" + countFrom + where + " limit " + (COUNT_CAP + 1)
                + ") x", Long.class, args.toArray());
        long total = counted == null ? 0 : counted;
        StockTotals totals = null;
        if (total <= TOTALS_CAP || f.itemId() != null) {
            BigDecimal[] sums = jdbc.queryForObject("select coalesce(sum(q.quantity), 0), coalesce(sum(q.reserved), 0)"
                    + countFrom + where, (rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)},
                    args.toArray());
            BigDecimal incomingTotal = jdbc.queryForObject("select coalesce(sum(tl.base_quantity), 0) from transfer_line tl "
                    + "join transfer t on t.id = tl.transfer_id join quant q on q.item_id = tl.item_id "
                    + "and q.location_id = tl.to_location_id join item i on i.id = q.item_id "
                    + "join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id" + where
                    + " and t.status = 'READY' and coalesce(tl.lot_number, '') = coalesce(lt.number, '')", BigDecimal.class,
                    args.toArray());
            totals = new StockTotals(strip(sums[0]), strip(sums[1]), strip(sums[0].subtract(sums[1])), strip(incomingTotal));
        }
        return new StockPage(rows, Math.max(page, 0), limit, Math.min(total, COUNT_CAP), total > COUNT_CAP, totals);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public DocumentView document(UUID id) {
        List<DocumentView> docs = jdbc.query("select d.id, d.number, d.movement_type, d.posting_date, d.reference, d.reason, "
                + "d.reversal_of, (select r.id from stock_document r where r.reversal_of = d.id), d.posted_by, d.posted_at, "
                + "d.line_count from stock_document d where d.id = ?", (rs, n) -> new DocumentView(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), MovementType.of(rs.getString(3)).label(),
                        rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                        rs.getObject(8, UUID.class), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getInt(11),
                        null), id);
        if (docs.isEmpty()) {
            throw new ProblemException.NotFound("No stock document " + id);
        }
        DocumentView d = docs.get(0);
        List<MoveView> lines = moves(new MoveFilter(null, null, id, null, null, null, null), 0, Integer.MAX_VALUE, true)
                .items();
        return new DocumentView(d.id(), d.number(), d.movementType(), d.movementLabel(), d.postingDate(), d.reference(),
                d.reason(), d.reversalOf(), d.reversedBy(), d.postedBy(), d.postedAt(), d.lineCount(), lines);
    }

    /** Documents, newest first, optionally of a movement type or by number/reference fragment. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PageView<DocumentView> documents(String movementType, String text, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (movementType != null && !movementType.isBlank()) {
            where.append(" and d.movement_type = ?");
            args.add(MovementType.of(movementType).code());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (d.number like ? or d.reference like ?)");
            args.add("%" + text.strip() + "%");
            args.add("%" + text.strip() + "%");
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<DocumentView> docs = jdbc.query("select d.id, d.number, d.movement_type, d.posting_date, d.reference, d.reason, "
                + "d.reversal_of, (select r.id from stock_document r where r.reversal_of = d.id), d.posted_by, d.posted_at, "
                + "d.line_count from stock_document d" + where + " order by d.posted_at desc, d.number desc limit ? offset ?",
                (rs, n) -> new DocumentView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        MovementType.of(rs.getString(3)).label(), rs.getDate(4).toLocalDate(), rs.getString(5),
                        rs.getString(6), rs.getObject(7, UUID.class), rs.getObject(8, UUID.class), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), rs.getInt(11), null), pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from stock_document d" + where, Long.class, args.toArray());
        return new PageView<>(docs, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PageView<MoveView> moves(MoveFilter f, int page, int size) {
        return moves(f, page, size, false);
    }

    private PageView<MoveView> moves(MoveFilter f, int page, int size, boolean wholeDocument) {
        int limit = wholeDocument ? Integer.MAX_VALUE : Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (f.itemId() != null) {
            where.append(" and m.item_id = ?");
            args.add(f.itemId());
        }
        if (f.locationId() != null) {
            where.append(" and (m.from_location_id = ? or m.to_location_id = ?)");
            args.add(f.locationId());
            args.add(f.locationId());
        }
        if (f.documentId() != null) {
            where.append(" and m.document_id = ?");
            args.add(f.documentId());
        }
        if (f.movementType() != null && !f.movementType().isBlank()) {
            where.append(" and m.movement_type = ?");
            args.add(MovementType.of(f.movementType()).code());
        }
        if (f.lot() != null && !f.lot().isBlank()) {
            where.append(" and lt.number = ?");
            args.add(f.lot().strip());
        }
        if (f.from() != null) {
            where.append(" and m.posted_at >= ?");
            args.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and m.posted_at < ?");
            args.add(Timestamp.from(f.to()));
        }
        String from = " from stock_move m join stock_document d on d.id = m.document_id join item i on i.id = m.item_id "
                + "join location fl on fl.id = m.from_location_id join location tl on tl.id = m.to_location_id "
                + "left join lot lt on lt.id = m.lot_id";
        List<Object> pageArgs = new ArrayList<>(args);
        String paging = "";
        if (!wholeDocument) {
            paging = " limit ? offset ?";
            pageArgs.add(limit);
            pageArgs.add(Math.max(page, 0) * (long) limit);
        }
        List<MoveView> moves = jdbc.query("select m.id, m.document_id, d.number, m.line_no, m.movement_type, m.item_id, i.sku, "
                + "m.quantity, m.entered_quantity, m.entered_unit, m.from_location_id, fl.code, m.to_location_id, tl.code, "
                + "m.lot_id, lt.number, m.unit_cost, m.value, m.reservation_id, m.reversal_of, m.posting_date, m.posted_at"
                + from + where + (wholeDocument ? " order by m.line_no" : " order by m.posted_at desc, m.line_no") + paging,
                (rs, n) -> move(rs), pageArgs.toArray());
        attachSerials(moves);
        long total = wholeDocument ? moves.size()
                : jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        return new PageView<>(moves, Math.max(page, 0), wholeDocument ? moves.size() : limit, total);
    }

    private void attachSerials(List<MoveView> moves) {
        if (moves.isEmpty()) {
            return;
        }
        Map<UUID, List<String>> serials = new HashMap<>();
        jdbc.query("select ms.move_id, s.serial from stock_move_serial ms join serial_number s on s.id = ms.serial_id "
                + "where ms.move_id = any(?::uuid[]) order by s.serial", rs -> {
                    serials.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }, (Object) moves.stream().map(m -> m.id().toString()).toArray(String[]::new));
        if (serials.isEmpty()) {
            return;
        }
        moves.replaceAll(m -> serials.containsKey(m.id()) ? new MoveView(m.id(), m.documentId(), m.documentNumber(),
                m.lineNo(), m.movementType(), m.itemId(), m.sku(), m.quantity(), m.enteredQuantity(), m.enteredUnit(),
                m.fromLocationId(), m.fromLocationCode(), m.toLocationId(), m.toLocationCode(), m.lotId(), m.lot(),
                serials.get(m.id()), m.unitCost(), m.value(), m.reservationId(), m.reversalOf(), m.postingDate(),
                m.postedAt()) : m);
    }

    private static MoveView move(ResultSet rs) throws SQLException {
        return new MoveView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), strip(rs.getBigDecimal(8)),
                strip(rs.getBigDecimal(9)), rs.getString(10), rs.getObject(11, UUID.class), rs.getString(12),
                rs.getObject(13, UUID.class), rs.getString(14), rs.getObject(15, UUID.class), rs.getString(16), List.of(),
                rs.getBigDecimal(17), rs.getBigDecimal(18), rs.getObject(19, UUID.class), rs.getObject(20, UUID.class),
                rs.getDate(21).toLocalDate(), rs.getTimestamp(22).toInstant());
    }

    /**
     * What of an item can be reserved in a warehouse now: on hand minus reserved in the shelves reservations take
     * from (storage, receiving, shipping; active), without expired lots. No role check: a number for services that
     * checked their caller (the material requests of projects).
     */
    @Transactional(readOnly = true)
    public BigDecimal available(UUID itemId, UUID warehouseId) {
        BigDecimal available = jdbc.queryForObject("select coalesce(sum(q.quantity - q.reserved), 0) from quant q "
                + "join location l on l.id = q.location_id left join lot lt on lt.id = q.lot_id "
                + "where q.item_id = ? and l.warehouse_id = ? and l.type in ('STORAGE', 'RECEIVING', 'SHIPPING') "
                + "and l.active and (lt.expiry_date is null or lt.expiry_date >= current_date) "
                + "and q.quantity > q.reserved", BigDecimal.class, itemId, warehouseId);
        return strip(available == null ? BigDecimal.ZERO : available);
    }

    /**
     * The ledger value issued to a purpose: the value of its issues (221 for projects and tasks, 261 for orders,
     * 201 for cost centres) whose document names {@code purposeRef} as reference, minus the value of their
     * reversals (222, 262, 202; a reversal keeps the reference). In EUR, 4 decimals. No role check: the caller
     * decides who may see a project's cost.
     */
    @Transactional(readOnly = true)
    public BigDecimal issuedToPurpose(ReservationViews.PurposeType purposeType, String purposeRef) {
        MovementType issue = switch (purposeType) {
            case PROJECT, TASK -> MovementType.ISSUE_PROJECT;
            case ORDER -> MovementType.ISSUE_PRODUCTION;
            case COST_CENTRE -> MovementType.ISSUE_COST_CENTRE;
        };
        BigDecimal value = jdbc.queryForObject("select coalesce(sum(case when m.movement_type = ? then m.value "
                + "else -m.value end), 0) from stock_move m join stock_document d on d.id = m.document_id "
                + "where d.reference = ? and m.movement_type in (?, ?)", BigDecimal.class, issue.code(), purposeRef,
                issue.code(), issue.reversal().code());
        return value == null ? BigDecimal.ZERO : value;
    }

    /** Quantity and moving-average value of an item per site. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ValuationView> valuation(UUID itemId) {
        return jdbc.query("select v.item_id, v.site_id, s.code, v.quantity, v.value from stock_valuation v "
                + "join site s on s.id = v.site_id where v.item_id = ? order by s.code", (rs, n) -> {
                    BigDecimal q = rs.getBigDecimal(4);
                    BigDecimal value = rs.getBigDecimal(5);
                    return new ValuationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            strip(q), value, q.signum() == 0 ? BigDecimal.ZERO
                                    : value.divide(q, 4, java.math.RoundingMode.HALF_UP));
                }, itemId);
    }

    /** On hand of an item in all shelves (or one site) at the end of each day with moves, from the ledger. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<StockPoint> history(UUID itemId, UUID siteId, LocalDate since) {
        String site = siteId == null ? "" : " and l.site_id = ?";
        List<Object> args = new ArrayList<>();
        args.add(itemId);
        if (siteId != null) {
            args.add(siteId);
        }
        args.addAll(List.copyOf(args));
        List<Object[]> daily = jdbc.query("select day, sum(delta) from ("
                + " select m.posting_date as day, m.quantity as delta from stock_move m join location l on l.id = m.to_location_id"
                + "  where m.item_id = ? and not l.virtual" + site
                + " union all"
                + " select m.posting_date, -m.quantity from stock_move m join location l on l.id = m.from_location_id"
                + "  where m.item_id = ? and not l.virtual" + site
                + ") x group by day order by day", (rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)},
                args.toArray());
        List<StockPoint> points = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (Object[] d : daily) {
            running = running.add((BigDecimal) d[1]);
            if (since == null || !((LocalDate) d[0]).isBefore(since)) {
                points.add(new StockPoint((LocalDate) d[0], strip(running)));
            }
        }
        return points;
    }

    private static LocalDate toLocalDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    static BigDecimal strip(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
