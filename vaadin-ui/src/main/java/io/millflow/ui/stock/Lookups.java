package io.millflow.ui.stock;

import io.millflow.ims.MasterData;
import io.millflow.ims.MasterDataViews.LocationView;
import io.millflow.ims.MasterDataViews.WarehouseView;
import io.millflow.shared.PageView;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;

/** Master data lists and labels the stock views share. */
final class Lookups {

    private Lookups() {
    }

    /** The locations of a warehouse in tree order (every page), or of all warehouses when {@code warehouseId} is null. */
    static List<LocationView> locations(MasterData masterData, UUID warehouseId) {
        List<LocationView> all = new ArrayList<>();
        for (int page = 0;; page++) {
            PageView<LocationView> p = masterData.locations(warehouseId, null, null, false, null,
                    PageView.request(page, PageView.MAX_SIZE, Sort.by("path")));
            all.addAll(p.items());
            if (p.items().size() < PageView.MAX_SIZE || all.size() >= p.total()) {
                return all;
            }
        }
    }

    /** Active locations that hold stock (not virtual, not VIEW), of every warehouse. */
    static List<LocationView> shelves(MasterData masterData) {
        return locations(masterData, null).stream().filter(l -> l.active() && l.type().holdsStock()).toList();
    }

    static Map<UUID, WarehouseView> warehouses(MasterData masterData) {
        return masterData.warehouses(null).stream().collect(Collectors.toMap(WarehouseView::id, Function.identity()));
    }

    static String label(LocationView l) {
        return l.code() + " · " + l.name();
    }

    /** A location with its warehouse, for lists that span warehouses. */
    static String label(LocationView l, Map<UUID, WarehouseView> warehouses) {
        WarehouseView w = warehouses.get(l.warehouseId());
        return (w == null ? "" : w.code() + " / ") + l.code() + " · " + l.name();
    }

    static String quantity(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    static String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(amount);
    }
}
