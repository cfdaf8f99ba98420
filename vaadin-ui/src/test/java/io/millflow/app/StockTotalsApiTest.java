package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.StockData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The totals of a stock query cover every row of the filter, not only the page asked for. */
@AppTest
class StockTotalsApiTest {

    @LocalServerPort
    int port;

    @Test
    void theIncomingTotalCountsTransfersIntoRowsBeyondThePage() {
        StockData data = new StockData(new Api(port), port);
        String s = StockData.unique();
        String warehouseId = data.warehouse(data.site("S" + s), "W" + s);
        String bin1 = data.location(warehouseId, null, "B1-" + s, "STORAGE");
        String bin2 = data.location(warehouseId, null, "B2-" + s, "STORAGE");
        String itemId = data.item("INC-" + s, "NONE", "C");
        data.receive(itemId, bin1, 10, null);
        data.receive(itemId, bin2, 3, null);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("itemId", itemId);
        line.put("quantity", 2);
        line.put("fromLocationId", bin1);
        line.put("toLocationId", bin2);
        Api.Response transfer = data.asWarehouse("/api/v1/transfers", Map.of("reference", "T-" + s, "lines", List.of(line)));
        assertThat(transfer.status()).as(transfer.raw()).isEqualTo(201);
        Api.Response ready = data.asWarehouse("/api/v1/transfers/" + transfer.text("id") + "/ready", Map.of());
        assertThat(ready.status()).as(ready.raw()).isEqualTo(200);

        JsonNode firstPage = data.getAsWarehouse("/api/v1/stock?itemId=" + itemId + "&size=1").body();
        assertThat(firstPage.path("items")).hasSize(1);
        assertThat(firstPage.path("items").get(0).path("locationCode").asText()).isEqualTo("B1-" + s);
        assertThat(firstPage.path("total").asLong()).isEqualTo(2);
        assertThat(firstPage.path("totals").path("onHand").asText()).isEqualTo("13");
        assertThat(firstPage.path("totals").path("incoming").asText()).isEqualTo("2");
    }
}
