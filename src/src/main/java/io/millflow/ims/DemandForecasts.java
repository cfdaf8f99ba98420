package io.millflow.ims;

import io.millflow.ims.ReplenishmentHistory.PairKey;
import io.millflow.ims.ReplenishmentRuns.RuleRow;
import io.millflow.ims.ReplenishmentViews.DemandPoint;
import io.millflow.ims.ReplenishmentViews.ForecastView;
import io.millflow.ims.StockViews.StockPoint;
import io.millflow.ims.replenishment.DemandForecast;
import io.millflow.ims.replenishment.DemandForecaster;
import io.millflow.ims.replenishment.DemandSeries;
import io.millflow.ims.replenishment.ReorderLevels;
import io.millflow.ims.replenishment.ReorderPolicy;
import io.millflow.ims.replenishment.ReorderRule;
import io.millflow.ims.replenishment.SupplyTerms;
import io.millflow.shared.ProblemException.InvalidInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forecast of one item in one warehouse as a run would make it now, with its history, for the item page's
 * chart. Reads the ledger directly (one pair is cheap), so it shows postings of a minute ago. Without a reorder
 * rule it shows what a forecast-driven rule at 95 % would give.
 */
@Service
public class DemandForecasts {

    static final int FORECAST_DAYS = 56;

    private final JdbcTemplate jdbc;
    private final ReplenishmentHistory history;
    private final ReplenishmentRuns runs;
    private final ObjectProvider<SupplyTerms> supplyTerms;
    private final ReplenishmentProperties props;
    private final DemandForecaster forecaster = new DemandForecaster();
    private final Clock clock;

    DemandForecasts(JdbcTemplate jdbc, ReplenishmentHistory history, ReplenishmentRuns runs,
            ObjectProvider<SupplyTerms> supplyTerms, ReplenishmentProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.runs = runs;
        this.supplyTerms = supplyTerms;
        this.props = props;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public ForecastView forecast(UUID itemId, UUID warehouseId, int historyDays) {
        List<String> abc = jdbc.queryForList("select abc_class from item where id = ?", String.class, itemId);
        if (abc.isEmpty()) {
            throw new InvalidInput("itemId", "is not a known item");
        }
        List<String> warehouse = jdbc.queryForList("select code from warehouse where id = ?", String.class, warehouseId);
        if (warehouse.isEmpty()) {
            throw new InvalidInput("warehouseId", "is not a known warehouse");
        }
        if (historyDays < 7 || historyDays > props.historyDays()) {
            throw new InvalidInput("historyDays", "must lie between 7 and " + props.historyDays());
        }
        List<Object[]> ruleRows = jdbc.query("select id, type, min_quantity, max_quantity, service_level, cover_days, "
                + "lead_time_days, minimum_order_quantity, pack_size from reorder_rule where item_id = ? "
                + "and warehouse_id = ?", (rs, n) -> new Object[] {rs.getObject(1, UUID.class), new RuleRow(itemId,
                        warehouseId, rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5),
                        rs.getInt(6), (Integer) rs.getObject(7), rs.getBigDecimal(8), rs.getBigDecimal(9), abc.get(0))},
                itemId, warehouseId);
        UUID ruleId = ruleRows.isEmpty() ? null : (UUID) ruleRows.get(0)[0];
        RuleRow row = ruleRows.isEmpty()
                ? new RuleRow(itemId, warehouseId, "FORECAST", null, null, new BigDecimal("95"),
                        ReorderRules.DEFAULT_COVER_DAYS, null, null, null, abc.get(0))
                : (RuleRow) ruleRows.get(0)[1];
        SupplyTerms terms = supplyTerms.getIfAvailable();
        ReorderRule rule = runs.rule(row, terms == null ? null : terms.preferred(List.of(itemId)).get(itemId));

        LocalDate today = LocalDate.now(clock);
        LocalDate to = today.minusDays(1);
        LocalDate from = to.minusDays(props.historyDays() - 1L);
        DemandSeries series = history.ledgerSeries(itemId, warehouseId, from, to);
        DemandForecast forecast = forecaster.forecast(series, ReorderPolicy.forecastHorizon(rule));
        ReorderLevels levels = ReorderPolicy.levels(rule, forecast);

        PairKey key = new PairKey(itemId, warehouseId);
        BigDecimal[] stock = runs.stock(List.of(itemId)).getOrDefault(key, new BigDecimal[] {BigDecimal.ZERO,
            BigDecimal.ZERO});
        BigDecimal inbound = runs.inbound(List.of(itemId), new UUID(0, 0), today).getOrDefault(key, BigDecimal.ZERO);
        double position = stock[0].subtract(stock[1]).add(inbound).doubleValue();

        List<DemandPoint> past = new ArrayList<>();
        for (LocalDate day = today.minusDays(historyDays); day.isBefore(today); day = day.plusDays(1)) {
            // the series starts with the first demand; days before it had none
            int d = (int) java.time.temporal.ChronoUnit.DAYS.between(series.start(), day);
            past.add(new DemandPoint(day, d >= 0 && d < series.length() ? series.get(d) : 0));
        }
        List<DemandPoint> future = new ArrayList<>();
        for (int d = 0; d < FORECAST_DAYS; d++) {
            future.add(new DemandPoint(today.plusDays(d), forecast.meanDaily()));
        }
        double serviceLevel = rule.type() == ReorderRule.Type.FORECAST ? rule.serviceLevel() : Double.NaN;
        return new ForecastView(itemId, warehouseId, warehouse.get(0), ruleId, rule.type().name(),
                forecast.classification().demandClass().name(), forecast.method(), forecast.meanDaily(),
                rule.leadTimeDays(), Double.isNaN(serviceLevel) ? 0 : serviceLevel, levels.leadTimeDemand(),
                levels.safetyStock(), levels.reorderPoint(), levels.orderUpTo(), stock[0].doubleValue(), position, past,
                future, stockHistory(itemId, warehouseId, today.minusDays(historyDays)));
    }

    /** On hand in the warehouse at the end of each day with moves since {@code since} (and the level before it). */
    private List<StockPoint> stockHistory(UUID itemId, UUID warehouseId, LocalDate since) {
        List<Object[]> daily = jdbc.query("select day, sum(delta) from ("
                + " select m.posting_date as day, m.quantity as delta from stock_move m join location l on l.id = m.to_location_id"
                + "  where m.item_id = ? and l.warehouse_id = ?"
                + " union all"
                + " select m.posting_date, -m.quantity from stock_move m join location l on l.id = m.from_location_id"
                + "  where m.item_id = ? and l.warehouse_id = ?"
                + ") x group by day order by day", (rs, n) -> new Object[] {rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)},
                itemId, warehouseId, itemId, warehouseId);
        List<StockPoint> points = new ArrayList<>();
        BigDecimal running = BigDecimal.ZERO;
        for (Object[] d : daily) {
            running = running.add((BigDecimal) d[1]);
            LocalDate day = (LocalDate) d[0];
            if (!day.isBefore(since)) {
                points.add(new StockPoint(day, StockQueries.strip(running)));
            }
        }
        return points;
    }
}
