package io.millflow.ims;

import io.millflow.ims.replenishment.DemandSeries;
import java.nio.ByteBuffer;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The daily demand history of item × warehouse pairs, kept in {@code demand_history} (one row per pair and month,
 * one float4 per day) so that a run reads two years of 100,000 pairs as 2.4 million short rows instead of
 * aggregating tens of millions of moves.
 * <p>
 * Demand is what issues to a cost centre, a project or production take out of a warehouse (201, 221, 261), less
 * their reversals (202, 222, 262), by posting date. {@link #refresh()} recomputes, set-based, every month of every
 * pair touched by an issue move posted since the last refresh minus {@link #MARGIN} (so a posting that was still
 * uncommitted at the last refresh is caught if it committed within that margin); the recomputation of a month is
 * complete, so refreshing twice or on two nodes at once gives the same rows.
 */
@Component
class ReplenishmentHistory {

    /** Postings committed later than this after their {@code posted_at} are missed until their month changes again. */
    static final String MARGIN = "15 minutes";

    private static final String DEMAND_TYPES = "('201', '202', '221', '222', '261', '262')";

    private final JdbcTemplate jdbc;

    ReplenishmentHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Brings {@code demand_history} up to date with the ledger; returns the number of pair-months recomputed. */
    int refresh() {
        jdbc.queryForObject("select refreshed_at from demand_history_state where id = 1 for update", Object.class);
        int months = jdbc.update("insert into demand_history (item_id, warehouse_id, month, quantities) "
                + "with changed as ("
                + "  select distinct m.item_id, coalesce(lf.warehouse_id, lt.warehouse_id) as warehouse_id, "
                + "         date_trunc('month', m.posting_date)::date as month "
                + "  from stock_move m join location lf on lf.id = m.from_location_id "
                + "  join location lt on lt.id = m.to_location_id "
                + "  where m.posted_at > (select refreshed_at - interval '" + MARGIN + "' from demand_history_state) "
                + "  and m.movement_type in " + DEMAND_TYPES + "), "
                + "daily as ("
                + "  select c.item_id, c.warehouse_id, m.posting_date, "
                + "         sum(case when m.movement_type in ('201', '221', '261') then m.quantity else -m.quantity end) as quantity "
                + "  from changed c join stock_move m on m.item_id = c.item_id "
                + "   and m.posting_date >= c.month and m.posting_date < c.month + interval '1 month' "
                + "   and m.movement_type in " + DEMAND_TYPES
                + "  join location lf on lf.id = m.from_location_id join location lt on lt.id = m.to_location_id "
                + "  where coalesce(lf.warehouse_id, lt.warehouse_id) = c.warehouse_id "
                + "  group by 1, 2, 3) "
                + "select c.item_id, c.warehouse_id, c.month, "
                + "       string_agg(float4send(coalesce(d.quantity, 0)::real), ''::bytea order by g.day) "
                + "from changed c cross join lateral generate_series(c.month, "
                + "     (c.month + interval '1 month' - interval '1 day')::date, interval '1 day') as g(day) "
                + "left join daily d on d.item_id = c.item_id and d.warehouse_id = c.warehouse_id and d.posting_date = g.day::date "
                + "group by c.item_id, c.warehouse_id, c.month "
                + "on conflict (item_id, warehouse_id, month) do update set quantities = excluded.quantities");
        jdbc.update("update demand_history_state set refreshed_at = now() where id = 1");
        return months;
    }

    /** A pair of the run: item and warehouse. */
    record PairKey(UUID itemId, UUID warehouseId) {
    }

    /**
     * The daily demand of the pairs between {@code first} and {@code last} (in the primary key's order, both
     * included) from {@code from} to {@code to}; pairs without any demand are absent.
     */
    Map<PairKey, DemandSeries> load(PairKey first, PairKey last, LocalDate from, LocalDate to) {
        int length = Math.toIntExact(ChronoUnit.DAYS.between(from, to) + 1);
        LocalDate firstMonth = from.withDayOfMonth(1);
        Map<PairKey, DemandSeries> series = new HashMap<>();
        // one row per pair: its months (as day offsets from the first month) and their days, concatenated by
        // PostgreSQL in month order; 100,000 rows instead of 2.5 million for a full run
        jdbc.query("select item_id, warehouse_id, array_agg(month - ?::date order by month), "
                + "string_agg(quantities, ''::bytea order by month) from demand_history "
                + "where (item_id, warehouse_id) >= (?, ?) and (item_id, warehouse_id) <= (?, ?) "
                + "and month >= ? and month <= ? group by item_id, warehouse_id", rs -> {
                    PairKey key = new PairKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    Object[] offsets = (Object[]) rs.getArray(3).getArray();
                    ByteBuffer buf = ByteBuffer.wrap(rs.getBytes(4));
                    double[] q = new double[length];
                    int shift = Math.toIntExact(ChronoUnit.DAYS.between(firstMonth, from));
                    int position = 0;
                    for (Object o : offsets) {
                        int monthStart = ((Number) o).intValue();
                        int days = firstMonth.plusDays(monthStart).lengthOfMonth();
                        for (int d = 0; d < days; d++) {
                            int day = monthStart + d - shift;
                            if (day >= 0 && day < length) {
                                q[day] = buf.getFloat(position + 4 * d);
                            }
                        }
                        position += 4 * days;
                    }
                    series.put(key, sinceFirstDemand(from, carryBack(q)));
                }, Date.valueOf(firstMonth), first.itemId(), first.warehouseId(), last.itemId(), last.warehouseId(),
                Date.valueOf(firstMonth), Date.valueOf(to));
        return series;
    }

    /**
     * The series from the first day with demand on: before it the pair was not in use (new item or warehouse), and
     * zeros there would make regular demand look intermittent. Without any demand, the whole (empty) period.
     */
    static DemandSeries sinceFirstDemand(LocalDate from, double[] q) {
        int first = 0;
        while (first < q.length && q[first] == 0) {
            first++;
        }
        return first == q.length || first == 0 ? DemandSeries.of(from, q)
                : DemandSeries.of(from.plusDays(first), java.util.Arrays.copyOfRange(q, first, q.length));
    }

    /**
     * A negative day is a reversal posted after its issue: it cancels the latest demand before it (as
     * {@link DemandSeries.Builder} does), so that no day stays negative.
     */
    static double[] carryBack(double[] q) {
        double carry = 0;
        for (int d = q.length - 1; d >= 0; d--) {
            double v = q[d] + carry;
            if (v < 0) {
                carry = v;
                q[d] = 0;
            } else {
                q[d] = v;
                carry = 0;
            }
        }
        return q;
    }

    /** The daily demand of one pair from {@code from} to {@code to}, straight from the ledger. */
    DemandSeries ledgerSeries(UUID itemId, UUID warehouseId, LocalDate from, LocalDate to) {
        DemandSeries.Builder b = DemandSeries.builder(from, to);
        jdbc.query("select m.posting_date, m.movement_type, sum(m.quantity) from stock_move m "
                + "join location lf on lf.id = m.from_location_id join location lt on lt.id = m.to_location_id "
                + "where m.item_id = ? and m.movement_type in " + DEMAND_TYPES + " and m.posting_date between ? and ? "
                + "and coalesce(lf.warehouse_id, lt.warehouse_id) = ? group by 1, 2", rs -> {
                    b.add(rs.getDate(1).toLocalDate(), MovementType.of(rs.getString(2)),
                            rs.getBigDecimal(3).doubleValue());
                }, itemId, Date.valueOf(from), Date.valueOf(to), warehouseId);
        return sinceFirstDemand(from, b.build().toArray());
    }

    static List<String> demandTypes() {
        return List.of("201", "202", "221", "222", "261", "262");
    }
}
