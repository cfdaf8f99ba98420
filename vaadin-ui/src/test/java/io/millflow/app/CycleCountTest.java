package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.operaton.bpm.engine.HistoryService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cycle counts: blind sheets; differences within the ABC tolerance post at once, larger ones wait for a second
 * warehouse person's approval in the inbox and post only when approved.
 */
@AppTest
class CycleCountTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    HistoryService history;
    Api api;
    Inventory inv;
    Inventory.Warehouse wh;
    String classA;
    String classC;
    String lotted;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
        wh = inv.warehouse(3);
        classA = inv.item("NONE", "A");
        classC = inv.item("NONE", "C");
        lotted = inv.item("LOT", "B");
        inv.receive(classA, wh.bins().get(0), 100, "10.00");
        inv.receive(classC, wh.bins().get(1), 50, "1.00");
        Map<String, Object> l = Inventory.line(lotted, 20, null, wh.bins().get(2));
        l.put("lot", "L-" + wh.code());
        l.put("unitCost", "3.00");
        inv.post(Inventory.document("501", null, List.of(l)));
    }

    JsonNode sheet() {
        Api.Response r = api.post("/api/v1/cycle-counts", inv.warehouse(),
                Map.of("warehouseId", wh.warehouseId(), "locationId", wh.aisleId()));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("lines")).hasSize(3);
        for (JsonNode line : r.body().get("lines")) {
            assertThat(line.get("bookQuantity").isNull()).as("blind count").isTrue();
        }
        return r.body();
    }

    Api.Response submit(JsonNode sheet, long countA, long countC, long countLot) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (JsonNode line : sheet.get("lines")) {
            Map<String, Object> e = new LinkedHashMap<>();
            String item = line.get("itemId").asText();
            e.put("itemId", item);
            e.put("locationId", line.get("locationId").asText());
            e.put("lot", line.get("lot").isNull() ? null : line.get("lot").asText());
            e.put("countedQuantity", item.equals(classA) ? countA : item.equals(classC) ? countC : countLot);
            entries.add(e);
        }
        return api.post("/api/v1/cycle-counts/" + sheet.get("id").asText() + "/counts", inv.warehouse(),
                Map.of("lines", entries));
    }

    String outcome(JsonNode count, String item) {
        for (JsonNode line : count.get("lines")) {
            if (line.get("itemId").asText().equals(item)) {
                return line.get("outcome").asText();
            }
        }
        throw new AssertionError("no line for " + item);
    }

    String taskFor(String user, String countId) {
        Api.Response r = api.get("/api/v1/tasks", Tokens.user(port, user));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        for (JsonNode t : r.body()) {
            if (countId.equals(t.get("businessKey").asText())) {
                return t.get("id").asText();
            }
        }
        return null;
    }

    @Test
    void smallDifferencesPostAtOnceAndLargeOnesAfterApproval() {
        JsonNode sheet = sheet();
        String id = sheet.get("id").asText();
        // C: 50 → 49 is within 5 %; lot item unchanged; A: 100 → 90 is over 1 %
        Api.Response counted = submit(sheet, 90, 49, 20);
        assertThat(counted.status()).as(counted.raw()).isEqualTo(200);
        assertThat(counted.text("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(outcome(counted.body(), classC)).isEqualTo("POSTED");
        assertThat(outcome(counted.body(), lotted)).isEqualTo("NO_DIFFERENCE");
        assertThat(outcome(counted.body(), classA)).isEqualTo("NEEDS_APPROVAL");
        assertThat(inv.stockAt(classC, wh.bins().get(1))[0]).isEqualByComparingTo("49");
        assertThat(inv.stockAt(classA, wh.bins().get(0))[0]).isEqualByComparingTo("100");
        Api.Response losses = api.get("/api/v1/stock-moves?itemId=" + classC + "&movementType=702", inv.warehouse());
        assertThat(losses.body().get("total").asLong()).isEqualTo(1);

        // the counter neither sees nor decides it; the supervisor does
        assertThat(taskFor("warehouse", id)).isNull();
        String task = taskFor("supervisor", id);
        assertThat(task).isNotNull();
        Api.Response own = api.post("/api/v1/tasks/" + task + "/complete", Tokens.user(port, "warehouse"),
                Map.of("approved", true));
        assertThat(own.status()).as(own.raw()).isEqualTo(403);
        assertThat(api.post("/api/v1/tasks/" + task + "/complete", Tokens.user(port, "buyer"), Map.of("approved", true))
                .status()).isIn(403, 404);
        assertThat(inv.stockAt(classA, wh.bins().get(0))[0]).isEqualByComparingTo("100");

        Api.Response approve = api.post("/api/v1/tasks/" + task + "/complete", Tokens.user(port, "supervisor"),
                Map.of("approved", true, "comment", "recounted, 10 missing"));
        assertThat(approve.status()).as(approve.raw()).isIn(200, 204);
        await().atMost(Duration.ofSeconds(20)).until(() -> "POSTED".equals(
                api.get("/api/v1/cycle-counts/" + id, inv.warehouse()).text("status")));
        assertThat(inv.stockAt(classA, wh.bins().get(0))[0]).isEqualByComparingTo("90");
        JsonNode done = api.get("/api/v1/cycle-counts/" + id, inv.warehouse()).body();
        assertThat(outcome(done, classA)).isEqualTo("APPROVED");
        assertThat(done.get("decidedBy").asText()).isEqualTo("supervisor");
        Api.Response lossA = api.get("/api/v1/stock-moves?itemId=" + classA + "&movementType=702", inv.warehouse());
        assertThat(lossA.body().get("items").get(0).get("quantity").decimalValue()).isEqualByComparingTo("10");
        // valued at the moving average
        assertThat(lossA.body().get("items").get(0).get("value").decimalValue()).isEqualByComparingTo("100");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).finished().count())
                .isEqualTo(1);
    }

    @Test
    void aRejectionPostsNothing() {
        JsonNode sheet = sheet();
        String id = sheet.get("id").asText();
        long movesBefore = jdbc.queryForObject("select count(*) from stock_move", Long.class);
        Api.Response counted = submit(sheet, 130, 50, 20);
        assertThat(counted.text("status")).isEqualTo("PENDING_APPROVAL");
        String task = taskFor("supervisor", id);
        Api.Response noComment = api.post("/api/v1/tasks/" + task + "/complete", Tokens.user(port, "supervisor"),
                Map.of("approved", false));
        assertThat(noComment.status()).as(noComment.raw()).isEqualTo(400);
        Api.Response reject = api.post("/api/v1/tasks/" + task + "/complete", Tokens.user(port, "supervisor"),
                Map.of("approved", false, "comment", "count again, wrong bin"));
        assertThat(reject.status()).as(reject.raw()).isIn(200, 204);
        JsonNode after = api.get("/api/v1/cycle-counts/" + id, inv.warehouse()).body();
        assertThat(after.get("status").asText()).isEqualTo("REJECTED");
        assertThat(outcome(after, classA)).isEqualTo("REJECTED");
        assertThat(jdbc.queryForObject("select count(*) from stock_move", Long.class)).isEqualTo(movesBefore);
        assertThat(inv.stockAt(classA, wh.bins().get(0))[0]).isEqualByComparingTo("100");
        await().atMost(Duration.ofSeconds(10)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id).finished().count() == 1);
    }

    @Test
    void aSmallGainPostsA701AndFoundStockIsCounted() {
        JsonNode sheet = sheet();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (JsonNode line : sheet.get("lines")) {
            String item = line.get("itemId").asText();
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("itemId", item);
            e.put("locationId", line.get("locationId").asText());
            e.put("lot", line.get("lot").isNull() ? null : line.get("lot").asText());
            e.put("countedQuantity", item.equals(classC) ? 52 : item.equals(classA) ? 100 : 20);
            entries.add(e);
        }
        Api.Response missing = api.post("/api/v1/cycle-counts/" + sheet.get("id").asText() + "/counts", inv.warehouse(),
                Map.of("lines", entries.subList(0, 2)));
        assertThat(missing.status()).as(missing.raw()).isEqualTo(400);
        assertThat(missing.text("field")).isEqualTo("lines");
        Api.Response r = api.post("/api/v1/cycle-counts/" + sheet.get("id").asText() + "/counts", inv.warehouse(),
                Map.of("lines", entries));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("POSTED");
        assertThat(inv.stockAt(classC, wh.bins().get(1))[0]).isEqualByComparingTo("52");
        Api.Response gains = api.get("/api/v1/stock-moves?itemId=" + classC + "&movementType=701", inv.warehouse());
        assertThat(gains.body().get("items").get(0).get("quantity").decimalValue()).isEqualByComparingTo("2");
        assertThat(taskFor("supervisor", sheet.get("id").asText())).isNull();
    }
}
