package io.millflow.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.Browsers;
import io.millflow.app.support.Inventory;
import io.millflow.app.support.OrderFixtures;
import io.millflow.app.support.OrderFixtures.Line;
import io.millflow.app.support.OrderFixtures.Order;
import io.millflow.app.support.OrderFixtures.SupplierUser;
import io.millflow.security.UserAccounts;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The supplier portal and the warehouse's inbox panels in a browser, by their element ids: the supplier confirms
 * and notifies shipping, the warehouse receives and puts away.
 */
@AppTest
class SupplierPortalBrowserTest {

    private static Browsers browsers;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    UserAccounts accounts;
    Api api;
    Inventory inv;
    OrderFixtures fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        inv = new Inventory(api, port);
        fx = new OrderFixtures(jdbc, transactions, events, accounts, api, port);
        if (browsers == null) {
            browsers = Browsers.launch(port);
        }
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
            browsers = null;
        }
    }

    @Test
    void supplierConfirmsAndShipsThenTheWarehouseReceivesAndPutsAway() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser supplier = fx.supplier("EUR");
        Order o = fx.order(supplier, wh.warehouseId(), "EUR", List.of(new Line(item, "3", "7.00")));

        Page portal = browsers.login(supplier.username(), "millflow", Browsers.desktop());
        portal.navigate(browsers.url("/portal"));
        portal.locator("#portal-order-" + o.number()).click();
        assertThat(portal.locator("#po-status")).hasText("SENT");
        assertThat(portal.locator("#confirm-line-1-quantity input")).hasValue("3");
        portal.locator("#submit-confirmation").click();
        assertThat(portal.locator("#po-status")).hasText("CONFIRMED");

        portal.locator("#asn-carrier input").fill("DHL");
        portal.locator("#asn-tracking input").fill("JD014600");
        portal.locator("#asn-line-1-quantity input").fill("3");
        portal.locator("#submit-asn").click();
        assertThat(portal.locator("#po-asns .po-asn")).hasCount(1);
        assertThat(portal.locator("#po-asns")).containsText("SUBMITTED");

        Page warehouse = browsers.signIn("warehouse", Browsers.desktop());
        warehouse.locator(".task-card[data-business-key='" + o.id() + "']").click();
        assertThat(warehouse.locator("#task-title")).hasText("Receive goods");
        assertThat(warehouse.locator("#approve-task")).isHidden();
        assertThat(warehouse.locator("#receive-line-1-quantity input")).hasValue("3");
        warehouse.locator("#post-receipt").click();
        assertThat(warehouse.locator("#receive-form")).hasCount(0);
        warehouse.locator(".task-card[data-business-key='" + o.id() + "']")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Put away")).click();
        assertThat(warehouse.locator("#task-title")).hasText("Put away");
        warehouse.locator("#post-put-away").click();
        assertThat(warehouse.locator("#put-away-form")).hasCount(0);
        assertThat(warehouse.locator(".task-card[data-business-key='" + o.id() + "']")).hasCount(0);

        assertThat(fx.status(o.id())).isEqualTo("RECEIVED");
        org.assertj.core.api.Assertions.assertThat(inv.stockAt(item, wh.bins().get(0))[0]).isEqualByComparingTo("3");

        portal.navigate(browsers.url("/portal"));
        assertThat(portal.locator("#portal-order-" + o.number())).hasAttribute("data-status", "RECEIVED");
    }

    @Test
    void aBuyerAssignsASupplierToAnOrderWithoutOneInTheInbox() {
        Inventory.Warehouse wh = inv.warehouse(1);
        String item = inv.item("NONE", "C");
        SupplierUser supplier = fx.supplier("EUR");
        Order o = fx.order(null, wh.warehouseId(), "EUR", List.of(new Line(item, "4", "2.50")));
        assertThat(fx.status(o.id())).isEqualTo("DRAFT");

        Page buyer = browsers.signIn("buyer", Browsers.desktop());
        buyer.locator(".task-card[data-business-key='" + o.id() + "']").click();
        assertThat(buyer.locator("#task-title")).hasText("Assign supplier");
        assertThat(buyer.locator("#approve-task")).isHidden();
        buyer.locator("#assign-supplier-button").click();
        assertThat(buyer.locator("vaadin-notification-card").last()).containsText("choose a supplier");
        assertThat(fx.status(o.id())).isEqualTo("DRAFT");
        buyer.locator("#assign-supplier").click();
        buyer.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(supplier.code())).click();
        buyer.locator("#assign-supplier-button").click();
        assertThat(buyer.locator(".task-card[data-business-key='" + o.id() + "']")).hasCount(0);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "SENT".equals(fx.status(o.id())));

        Page portal = browsers.login(supplier.username(), "millflow", Browsers.desktop());
        portal.navigate(browsers.url("/portal"));
        assertThat(portal.locator("#portal-order-" + o.number())).hasAttribute("data-status", "SENT");
    }
}
