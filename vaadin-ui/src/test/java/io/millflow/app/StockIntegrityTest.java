package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs after every other test class (see junit-platform.properties): rebuilding quants, reservations, serials and
 * valuation from all the moves the suite posted finds no difference; and the check does see a tampered quant.
 */
@AppTest
@Order(Integer.MAX_VALUE)
class StockIntegrityTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theLedgerAndTheStoredStockAgreeAfterTheWholeSuite() {
        Api api = new Api(port);
        Inventory inv = new Inventory(api, port);
        Api.Response r = api.get("/api/v1/stock/integrity", inv.admin());
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().get("differences")).as(r.raw()).isEmpty();
        assertThat(r.body().get("moves").asLong()).isGreaterThan(5000);

        // the check is not blind: a quant changed behind the ledger's back shows up, and again when put back
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        inv.receive(item, wh.bins().get(0), 3, "1");
        jdbc.update("update quant set quantity = quantity + 1 where item_id = ?::uuid", item);
        try {
            JsonNode report = api.get("/api/v1/stock/integrity", inv.admin()).body();
            assertThat(report.get("differences")).hasSize(2); // the quant, and the valuation's quantity
            assertThat(report.get("differences").get(0).get("itemId").asText()).isEqualTo(item);
        } finally {
            jdbc.update("update quant set quantity = quantity - 1 where item_id = ?::uuid", item);
        }
        assertThat(api.get("/api/v1/stock/integrity", inv.admin()).body().get("differences")).isEmpty();
    }

}
