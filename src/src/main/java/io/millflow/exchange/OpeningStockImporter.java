package io.millflow.exchange;

import io.millflow.ims.MovementType;
import io.millflow.ims.StockPostings;
import io.millflow.ims.StockViews;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Opening stock: one row per item, bin and lot (or serial numbers), posted as movement type 561 (initial entry of
 * stock) from the virtual location V-OPENING with {@link StockPostings#post}: one document for the file (several
 * when it has more than {@link StockViews#MAX_LINES} rows), so the ledger's own checks (units, decimals, lots,
 * serials, bins) apply to every line.
 */
@Component
class OpeningStockImporter implements KindImporter<OpeningStockImporter.Plan> {

    private static final Pattern LINE = Pattern.compile("^lines\\[(\\d+)]");

    record Plan(List<Integer> rows, List<PostingLine> lines) {
    }

    private final StockPostings postings;
    private final References refs;

    OpeningStockImporter(StockPostings postings, References refs) {
        this.postings = postings;
        this.refs = refs;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.OPENING_STOCK;
    }

    @Override
    public Plan read(Sheet s) {
        Map<String, References.ItemRef> items = refs.items(s.distinct("item", false));
        Map<String, UUID> warehouses = refs.warehouses();
        Map<String, References.LocationRef> locations = refs.locations(warehouses.values());
        Map<String, Integer> seen = new HashMap<>();
        List<Integer> rows = new ArrayList<>();
        List<PostingLine> lines = new ArrayList<>();
        for (Table.Row r : s.rows()) {
            int before = s.errors().size();
            String sku = s.required(r, "item");
            References.ItemRef item = sku == null ? null : items.get(sku);
            if (sku != null && item == null) {
                s.error(r, "item", "is not a known item: " + sku);
            } else if (item != null && !item.active()) {
                s.error(r, "item", "item " + sku + " is inactive");
            }
            String whCode = s.required(r, "warehouse");
            UUID wh = whCode == null ? null : warehouses.get(whCode.toUpperCase(Locale.ROOT));
            if (whCode != null && wh == null) {
                s.error(r, "warehouse", "is not a known warehouse: " + whCode);
            }
            String locCode = s.required(r, "location");
            References.LocationRef loc = wh == null || locCode == null ? null
                    : locations.get(wh + "/" + locCode.toUpperCase(Locale.ROOT));
            if (wh != null && locCode != null && loc == null) {
                s.error(r, "location", "is not a location of warehouse " + whCode + ": " + locCode);
            }
            BigDecimal quantity = s.decimal(r, "quantity");
            if (s.text(r, "quantity") == null) {
                s.error(r, "quantity", "is required");
            } else if (quantity != null && quantity.signum() <= 0) {
                s.error(r, "quantity", "must be greater than 0");
            }
            String lot = s.text(r, "lot");
            String serialText = s.text(r, "serials");
            List<String> serials = serialText == null ? List.of()
                    : Arrays.stream(serialText.split("[|]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            if (item != null && loc != null) {
                String key = item.id() + "/" + loc.id() + "/" + (lot == null ? "" : lot);
                Integer other = seen.putIfAbsent(key, r.number());
                if (other != null && serials.isEmpty()) {
                    s.error(r, "location", "item " + sku + " is given twice for this bin" + (lot == null ? "" : " and lot")
                            + " (also row " + other + ")");
                }
            }
            PostingLine line = new PostingLine(item == null ? null : item.id(), quantity, s.text(r, "unit"), null,
                    loc == null ? null : loc.id(), lot, s.date(r, "lot_expiry"), serials.isEmpty() ? null : serials,
                    s.decimal(r, "unit_cost"), null);
            if (s.errors().size() == before) {
                rows.add(r.number());
                lines.add(line);
            }
        }
        return new Plan(rows, lines);
    }

    @Override
    public int write(Sheet s, Plan plan) {
        for (int from = 0; from < plan.lines().size(); from += StockViews.MAX_LINES) {
            int offset = from;
            List<PostingLine> chunk = plan.lines().subList(from, Math.min(plan.lines().size(), from + StockViews.MAX_LINES));
            try {
                postings.post(new PostingCommand(MovementType.INITIAL_ENTRY.code(), null, "Opening stock import",
                        "Opening stock import", chunk), null);
            } catch (ProblemException e) {
                Matcher m = LINE.matcher(e.field() == null ? "" : e.field());
                int row = m.find() ? plan.rows().get(offset + Integer.parseInt(m.group(1))) : plan.rows().get(offset);
                throw new RowFailure(new RowError(row, s.columnOf(e.field()), e.getMessage()), e);
            } catch (jakarta.validation.ConstraintViolationException e) {
                var v = e.getConstraintViolations().iterator().next();
                String path = v.getPropertyPath().toString().replaceFirst("^post\\.cmd\\.", "");
                Matcher m = LINE.matcher(path);
                int row = m.find() ? plan.rows().get(offset + Integer.parseInt(m.group(1))) : plan.rows().get(offset);
                throw new RowFailure(new RowError(row, s.columnOf(path), v.getMessage()), e);
            }
        }
        return plan.lines().size();
    }
}
