package io.millflow.app.support;

import static org.awaitility.Awaitility.await;

import io.millflow.procurement.PurchaseOrderCreated;
import io.millflow.security.UserAccounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suppliers with a portal user each, and purchase orders with lines as the suppliers side creates them (rows, then
 * {@link PurchaseOrderCreated} in the same transaction, which starts the purchase-order process). Unique codes per
 * call: all test classes share one database.
 */
public final class OrderFixtures {

    public record SupplierUser(String supplierId, String code, String username) {
    }

    /** One order line: item, quantity (in the item's base unit PCS), unit price. */
    public record Line(String itemId, String quantity, String unitPrice) {
    }

    public record Order(String id, String number, List<String> lineIds) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final UserAccounts accounts;
    private final Api api;
    private final int port;

    public OrderFixtures(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            UserAccounts accounts, Api api, int port) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.accounts = accounts;
        this.api = api;
        this.port = port;
    }

    /** A supplier (payment NET30) and a SUPPLIER user linked to it. */
    public SupplierUser supplier(String currency) {
        String code = Inventory.unique("SUP");
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into supplier (id, code, name, currency, payment_terms, payment_days, blocked, created_at, "
                + "updated_at, version) values (?, ?, ?, ?, 'NET30', 30, false, ?, ?, 0)", id, code, "Supplier " + code,
                currency, now, now);
        String username = code.toLowerCase();
        accounts.create("test", username, "millflow", "Portal " + code, username + "@example.com", Set.of("SUPPLIER"));
        jdbc.update("update app_user set supplier_id = ? where username = ?", id, username);
        return new SupplierUser(id.toString(), code, username);
    }

    public String token(SupplierUser s) {
        return Tokens.user(port, s.username());
    }

    /** Creates the order (DRAFT, no process) and publishes its creation; waits until the process has sent it. */
    public Order order(SupplierUser supplier, String warehouseId, String currency, List<Line> lines) {
        Order o = tx.execute(status -> {
            UUID id = UUID.randomUUID();
            String number = Inventory.unique("PO-T");
            Timestamp now = Timestamp.from(Instant.now());
            BigDecimal total = BigDecimal.ZERO;
            List<String> lineIds = new ArrayList<>();
            jdbc.update("insert into purchase_order (id, number, currency, total_amount, status, created_at, supplier_id, "
                    + "warehouse_id, buyer, revision, updated_at, version, item_description) values "
                    + "(?, ?, ?, 0, 'DRAFT', ?, ?, ?, 'buyer', 0, ?, 0, 'test order')", id, number, currency, now,
                    supplier == null ? null : UUID.fromString(supplier.supplierId()),
                    warehouseId == null ? null : UUID.fromString(warehouseId), now);
            int no = 1;
            for (Line l : lines) {
                UUID lineId = UUID.randomUUID();
                BigDecimal amount = new BigDecimal(l.quantity()).multiply(new BigDecimal(l.unitPrice()))
                        .setScale(2, RoundingMode.HALF_UP);
                total = total.add(amount);
                jdbc.update("insert into purchase_order_line (id, purchase_order_id, line_no, item_id, description, "
                        + "quantity, unit, unit_price, line_amount, delivery_date) values (?, ?, ?, ?, ?, ?, 'PCS', ?, ?, ?)",
                        lineId, id, no++, UUID.fromString(l.itemId()), "Line for " + l.itemId(),
                        new BigDecimal(l.quantity()), new BigDecimal(l.unitPrice()), amount,
                        Date.valueOf(LocalDate.now().plusDays(14)));
                lineIds.add(lineId.toString());
            }
            jdbc.update("update purchase_order set total_amount = ? where id = ?", total, id);
            events.publishEvent(new PurchaseOrderCreated(id));
            return new Order(id.toString(), number, lineIds);
        });
        if (supplier != null) {
            await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(status(o.id())));
        }
        return o;
    }

    public String status(String orderId) {
        return jdbc.queryForObject("select status from purchase_order where id = ?", String.class, UUID.fromString(orderId));
    }

    /** Confirms every line in full, promised in a week. */
    public Api.Response confirmAll(SupplierUser s, Order o, List<String> quantities) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < o.lineIds().size(); i++) {
            answers.add(Map.of("purchaseOrderLineId", o.lineIds().get(i), "decision", "CONFIRM", "confirmedQuantity",
                    quantities.get(i), "promisedDate", LocalDate.now().plusDays(7).toString()));
        }
        return api.post("/api/v1/purchase-orders/" + o.id() + "/confirmation", token(s), Map.of("lines", answers));
    }

    public static Map<String, Object> asn(Order o, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purchaseOrderId", o.id());
        body.put("carrierCode", "DHL");
        body.put("trackingNumber", "JD0146000" + (System.nanoTime() % 100000));
        body.put("shipDate", LocalDate.now().toString());
        body.put("expectedDate", LocalDate.now().plusDays(2).toString());
        body.put("lines", lines);
        return body;
    }

    public static Map<String, Object> asnLine(String orderLineId, Object quantity, String lot) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("purchaseOrderLineId", orderLineId);
        l.put("quantity", quantity);
        if (lot != null) {
            l.put("lot", lot);
            l.put("lotExpiry", LocalDate.now().plusYears(1).toString());
        }
        return l;
    }

    /** An invoice body; lines are [orderLineId, quantity, unitPrice]. */
    public static Map<String, Object> invoice(Order o, String number, String currency, List<Object[]> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purchaseOrderId", o.id());
        body.put("invoiceNumber", number);
        body.put("invoiceDate", LocalDate.now().toString());
        body.put("currency", currency);
        body.put("taxAmount", "0");
        body.put("lines", lines.stream().map(l -> Map.of("purchaseOrderLineId", l[0], "quantity", l[1], "unitPrice", l[2]))
                .toList());
        body.put("file", Map.of("name", number + ".pdf", "contentType", "application/pdf", "contentBase64",
                Base64.getEncoder().encodeToString(("%PDF-1.4\n% invoice " + number + "\n%%EOF\n").getBytes())));
        return body;
    }
}
