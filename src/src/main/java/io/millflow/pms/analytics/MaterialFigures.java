package io.millflow.pms.analytics;

import io.millflow.ims.ReservationViews.PurposeType;
import io.millflow.ims.StockQueries;
import io.millflow.pms.analytics.AnalyticsSources.MaterialsIssued;
import io.millflow.pms.analytics.AnalyticsViews.MaterialRow;
import io.millflow.pms.material.MaterialRequestViews.LineView;
import io.millflow.pms.material.MaterialRequestViews.MaterialRequestView;
import io.millflow.pms.material.MaterialRequests;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Materials of a project: the ledger value issued to it (ims {@link StockQueries#issuedToPurpose}, issues 221
 * minus their reversals, reference = the project id) and, per item, what its material requests had issued.
 */
@Component
class MaterialFigures implements MaterialsIssued {

    private final StockQueries stock;
    private final MaterialRequests requests;

    MaterialFigures(StockQueries stock, MaterialRequests requests) {
        this.stock = stock;
        this.requests = requests;
    }

    @Override
    public BigDecimal issuedValue(UUID projectId) {
        return stock.issuedToPurpose(PurposeType.PROJECT, projectId.toString());
    }

    @Override
    public List<MaterialRow> materials(UUID projectId, String projectCode) {
        record Sum(String name, String unit, BigDecimal quantity, BigDecimal value) {
        }
        Map<String, Sum> bySku = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            var found = requests.list(projectId, null, page, 500);
            for (MaterialRequestView r : found.items()) {
                for (LineView l : r.lines()) {
                    if (l.issuedQuantity() == null || l.issuedQuantity().signum() == 0) {
                        continue;
                    }
                    bySku.merge(l.sku(), new Sum(l.itemName(), l.unit(), l.issuedQuantity(), nz(l.issuedValue())),
                            (a, b) -> new Sum(a.name(), a.unit(), a.quantity().add(b.quantity()), a.value().add(b.value())));
                }
            }
            if ((long) (page + 1) * 500 >= found.total()) {
                break;
            }
        }
        List<MaterialRow> rows = new ArrayList<>();
        bySku.forEach((sku, s) -> rows.add(new MaterialRow(projectId, projectCode, sku, s.name(), s.quantity().stripTrailingZeros(),
                s.unit(), s.value().setScale(2, java.math.RoundingMode.HALF_UP))));
        return rows;
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
