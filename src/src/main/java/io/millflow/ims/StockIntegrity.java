package io.millflow.ims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rebuilds what the ledger implies from the moves alone and compares it with the stored state: quants
 * (on hand per item, shelf and lot), reserved quantities against open reservations, serial numbers' places and
 * the valuation per item and site. Runs in one repeatable-read snapshot. Roles: ADMIN.
 */
@Service
public class StockIntegrity {

    public record Difference(String kind, UUID itemId, String sku, UUID locationId, UUID lotId, String expected,
            String actual) {
    }

    public record Report(Instant checkedAt, long moves, long quants, long reservations, long serials,
            long valuations, List<Difference> differences) {
        public boolean clean() {
            return differences.isEmpty();
        }
    }

    private static final int MAX_LISTED = 1000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    StockIntegrity(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @PreAuthorize("hasRole('ADMIN')")
    public Report check() {
        List<Difference> diffs = new ArrayList<>();
        // 1. quants = sum of moves into a shelf minus moves out of it, per item, shelf and lot
        jdbc.query("with ledger as (select item_id, location_id, lot_key, sum(q) as qty from ("
                + " select item_id, to_location_id as location_id, coalesce(lot_id, '00000000-0000-0000-0000-000000000000') as lot_key, quantity as q from stock_move"
                + " union all select item_id, from_location_id, coalesce(lot_id, '00000000-0000-0000-0000-000000000000'), -quantity from stock_move) x"
                + " join location l on l.id = x.location_id where not l.virtual group by item_id, location_id, lot_key)"
                + " select coalesce(g.item_id, q.item_id), i.sku, coalesce(g.location_id, q.location_id), coalesce(g.lot_key, q.lot_key),"
                + " coalesce(g.qty, 0), coalesce(q.quantity, 0) from ledger g full join quant q on q.item_id = g.item_id"
                + " and q.location_id = g.location_id and q.lot_key = g.lot_key join item i on i.id = coalesce(g.item_id, q.item_id)"
                + " where coalesce(g.qty, 0) <> coalesce(q.quantity, 0) limit " + MAX_LISTED, rs -> {
                    diffs.add(new Difference("QUANT", rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6))));
                });
        // 2. reserved on a quant = open allocations of open reservations on it
        jdbc.query("select q.item_id, i.sku, q.location_id, q.lot_key, coalesce(a.qty, 0), q.reserved from quant q"
                + " join item i on i.id = q.item_id left join (select a.quant_id, sum(a.quantity) as qty from reservation_allocation a"
                + " join reservation r on r.id = a.reservation_id where r.status = 'OPEN' group by a.quant_id) a on a.quant_id = q.id"
                + " where coalesce(a.qty, 0) <> q.reserved limit " + MAX_LISTED, rs -> {
                    diffs.add(new Difference("RESERVED", rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), plain(rs.getBigDecimal(5)), plain(rs.getBigDecimal(6))));
                });
        // 3. an open reservation's open quantity = its allocations
        jdbc.query("select r.item_id, i.sku, r.number, r.quantity - r.consumed_quantity, coalesce(sum(a.quantity), 0)"
                + " from reservation r join item i on i.id = r.item_id left join reservation_allocation a on a.reservation_id = r.id"
                + " where r.status = 'OPEN' group by r.id, r.item_id, i.sku, r.number, r.quantity, r.consumed_quantity"
                + " having r.quantity - r.consumed_quantity <> coalesce(sum(a.quantity), 0) limit " + MAX_LISTED, rs -> {
                    diffs.add(new Difference("RESERVATION " + rs.getString(3), rs.getObject(1, UUID.class), rs.getString(2),
                            null, null, plain(rs.getBigDecimal(4)), plain(rs.getBigDecimal(5))));
                });
        // 4. a serial number is where its last move took it
        jdbc.query("select s.item_id, i.sku, s.serial, last.to_location_id, s.location_id from serial_number s"
                + " join item i on i.id = s.item_id join lateral (select m.to_location_id from stock_move_serial ms"
                + " join stock_move m on m.id = ms.move_id where ms.serial_id = s.id order by m.posted_at desc, m.id desc limit 1) last on true"
                + " where last.to_location_id <> s.location_id limit " + MAX_LISTED, rs -> {
                    diffs.add(new Difference("SERIAL " + rs.getString(3), rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(5, UUID.class), null, String.valueOf(rs.getObject(4, UUID.class)),
                            String.valueOf(rs.getObject(5, UUID.class))));
                });
        // 5. serial-tracked shelves hold exactly as many serial numbers as units
        jdbc.query("select q.item_id, i.sku, q.location_id, q.quantity, (select count(*) from serial_number s where s.item_id = q.item_id"
                + " and s.location_id = q.location_id) from quant q join item i on i.id = q.item_id where i.tracking = 'SERIAL'"
                + " and q.quantity <> (select count(*) from serial_number s where s.item_id = q.item_id and s.location_id = q.location_id)"
                + " limit " + MAX_LISTED, rs -> {
                    diffs.add(new Difference("SERIAL_COUNT", rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, UUID.class), null, plain(rs.getBigDecimal(4)), String.valueOf(rs.getLong(5))));
                });
        // 6. valuation per item and site = quantities on its shelves, and the value moved in minus moved out
        jdbc.query("with moved as (select item_id, site_id, sum(q) as qty, sum(v) as value from ("
                + " select m.item_id, tl.site_id, m.quantity as q, m.value as v from stock_move m join location tl on tl.id = m.to_location_id"
                + "  join location fl on fl.id = m.from_location_id where not tl.virtual and (fl.virtual or fl.site_id <> tl.site_id)"
                + " union all select m.item_id, fl.site_id, -m.quantity, -m.value from stock_move m join location fl on fl.id = m.from_location_id"
                + "  join location tl on tl.id = m.to_location_id where not fl.virtual and (tl.virtual or fl.site_id <> tl.site_id)) x"
                + " group by item_id, site_id)"
                + " select coalesce(m.item_id, v.item_id), i.sku, coalesce(m.qty, 0), coalesce(v.quantity, 0), coalesce(m.value, 0), coalesce(v.value, 0),"
                + " (select coalesce(sum(q.quantity), 0) from quant q join location l on l.id = q.location_id"
                + "   where q.item_id = coalesce(m.item_id, v.item_id) and l.site_id = coalesce(m.site_id, v.site_id))"
                + " from moved m full join stock_valuation v on v.item_id = m.item_id and v.site_id = m.site_id"
                + " join item i on i.id = coalesce(m.item_id, v.item_id)", rs -> {
                    BigDecimal movedQty = rs.getBigDecimal(3);
                    BigDecimal valQty = rs.getBigDecimal(4);
                    BigDecimal movedValue = rs.getBigDecimal(5);
                    BigDecimal valValue = rs.getBigDecimal(6);
                    BigDecimal shelfQty = rs.getBigDecimal(7);
                    if (movedQty.compareTo(valQty) != 0 || shelfQty.compareTo(valQty) != 0) {
                        diffs.add(new Difference("VALUATION_QUANTITY", rs.getObject(1, UUID.class), rs.getString(2), null, null,
                                plain(movedQty), plain(valQty)));
                    } else if (movedValue.compareTo(valValue) != 0) {
                        diffs.add(new Difference("VALUATION_VALUE", rs.getObject(1, UUID.class), rs.getString(2), null, null,
                                plain(movedValue), plain(valValue)));
                    }
                });
        long moves = count("stock_move");
        return new Report(clock.instant(), moves, count("quant"), count("reservation"), count("serial_number"),
                count("stock_valuation"), diffs.size() > MAX_LISTED ? diffs.subList(0, MAX_LISTED) : diffs);
    }

    private long count(String table) {
        Long n = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return n == null ? 0 : n;
    }

    private static String plain(BigDecimal d) {
        return StockQueries.strip(d).toPlainString();
    }
}
