package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Inventory;
import io.millflow.ims.StockEvents;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Stock changes reach every node: a second database connection listening like another app node would gets a
 * notification for each committed posting within a second, and none for a refused one; this node's subscribers
 * are told too.
 */
@AppTest
class StockEventsTest {

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    StockEvents events;

    @Test
    void committedPostingsAreAnnouncedToEveryListenerAndRefusedOnesAreNot() throws Exception {
        Api api = new Api(port);
        Inventory inv = new Inventory(api, port);
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        LinkedBlockingQueue<StockEvents.StockChange> local = new LinkedBlockingQueue<>();
        Runnable unsubscribe = events.subscribe(local::add);
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(true);
            try (Statement st = otherNode.createStatement()) {
                st.execute("LISTEN millflow_stock");
            }
            PGConnection pg = otherNode.unwrap(PGConnection.class);
            pg.getNotifications(10); // drain

            inv.warehouse(); // token fetched before timing
            // the notification is sent when the posting commits, which is before the HTTP answer arrives
            String number = inv.receive(item, wh.bins().get(0), 5, "1.00").get("number").asText();
            long start = System.nanoTime();
            List<String> received = new ArrayList<>();
            while (received.stream().noneMatch(p -> p.contains(number)) && System.nanoTime() - start < 1_000_000_000L) {
                PGNotification[] n = pg.getNotifications(100);
                if (n != null) {
                    for (PGNotification x : n) {
                        received.add(x.getParameter());
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(received).anyMatch(p -> p.contains(number) && p.contains(item) && p.contains(wh.bins().get(0)));
            assertThat(millis).isLessThan(1000);

            // a refused posting (not enough stock) announces nothing
            Api.Response refused = api.post("/api/v1/stock-documents", inv.warehouse(), Inventory.document("201", "CC-1",
                    List.of(Inventory.line(item, 50, wh.bins().get(0), null))));
            assertThat(refused.status()).isEqualTo(409);
            PGNotification[] after = pg.getNotifications(500);
            assertThat(after == null ? List.of() : List.of(after)).noneMatch(n -> n.getParameter().contains(item));
        } finally {
            unsubscribe.run();
        }
        StockEvents.StockChange change = local.poll(2, TimeUnit.SECONDS);
        while (change != null && !change.touchesItem(java.util.UUID.fromString(item))) {
            change = local.poll(2, TimeUnit.SECONDS);
        }
        assertThat(change).isNotNull();
        assertThat(change.touchesAnyLocation(List.of(java.util.UUID.fromString(wh.bins().get(0))))).isTrue();
    }
}
