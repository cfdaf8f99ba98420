package io.millflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.millflow.app.support.Api;
import io.millflow.app.support.AppTest;
import io.millflow.app.support.MailSandbox;
import io.millflow.app.support.OrderFixtures;
import io.millflow.app.support.Purchasing;
import io.millflow.app.support.Tokens;
import io.millflow.mail.MailOutbox;
import io.millflow.security.UserAccounts;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "PO sent to supplier": the {@code procurement.purchaseOrderSent} event (published when the process sends the order) puts
 * a mail with the order as a PDF into the outbox in the same transaction; the sender delivers it to the supplier's
 * address; the PDF names the order. An event whose transaction rolls back leaves no mail.
 */
@AppTest
class PurchaseOrderMailTest {

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
    @Autowired
    BusinessEvents businessEvents;
    @Autowired
    MailOutbox outbox;

    @Test
    void theSupplierGetsTheOrderAsPdfAndARolledBackSendLeavesNoMail() throws Exception {
        Api api = new Api(port);
        OrderFixtures fx = new OrderFixtures(jdbc, transactions, events, accounts, api, port);
        OrderFixtures.SupplierUser supplier = fx.supplier("EUR");
        String address = supplier.code().toLowerCase() + "-orders@supplier.test";
        jdbc.update("update supplier set email = ? where id = ?", address, UUID.fromString(supplier.supplierId()));
        String item = Purchasing.item(api, port, "PM", 0).get("id").asText();
        OrderFixtures.Order order = fx.order(supplier, null, "EUR", List.of(new OrderFixtures.Line(item, "12", "10.50")));

        // the order was sent by the purchase-order process (procurement.sendPurchaseOrder publishes the event in the
        // transaction that marks it sent): its mail is in the outbox
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where reference_id = ?", Integer.class,
                order.id())).as("one mail for the sent order").isEqualTo(1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            businessEvents.publish(EventTypes.PURCHASE_ORDER_SENT, "PurchaseOrder", order.id(), "buyer",
                    Map.of("purchaseOrderId", order.id(), "number", order.number(), "supplierId",
                            supplier.supplierId(), "revision", 0));
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where reference_id = ?", Integer.class,
                order.id())).as("the rolled back send left no mail").isEqualTo(1);

        MailSandbox.drain(outbox);
        MimeMessage mail = await().atMost(Duration.ofSeconds(20)).until(() -> MailSandbox.received(address,
                order.number()), l -> !l.isEmpty()).get(0);

        assertThat(mail.getSubject()).contains("Purchase order " + order.number());
        assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo("buyer@demo.millflow.io");
        assertThat(MailSandbox.text(mail)).contains(order.number()).contains("126.00 EUR");
        Part pdf = attachment((Multipart) mail.getContent());
        assertThat(pdf).as("the PDF attachment").isNotNull();
        assertThat(pdf.getFileName()).isEqualTo(order.number() + ".pdf");
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        PdfReader reader = new PdfReader(pdf.getInputStream().readAllBytes());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertThat(text).contains("Purchase order " + order.number()).contains("Supplier " + supplier.code())
                .contains("12 PCS").contains("126.00 EUR");

        JsonNode sent = api.get("/api/v1/mail-outbox?referenceType=PurchaseOrder&referenceId=" + order.id(),
                Tokens.user(port, "admin")).body();
        assertThat(sent.get("items").get(0).get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("items").get(0).get("attachments").get(0).asText()).isEqualTo(order.number() + ".pdf");
    }

    @Test
    void aSupplierWithoutAddressGetsAFailedMailThatAdminSees() {
        Api api = new Api(port);
        OrderFixtures fx = new OrderFixtures(jdbc, transactions, events, accounts, api, port);
        OrderFixtures.SupplierUser supplier = fx.supplier("EUR");
        String item = Purchasing.item(api, port, "PN", 0).get("id").asText();
        OrderFixtures.Order order = fx.order(supplier, null, "EUR", List.of(new OrderFixtures.Line(item, "1", "5.00")));

        // sent by the purchase-order process; the supplier has no address

        JsonNode failed = api.get("/api/v1/mail-outbox?status=FAILED&referenceType=PurchaseOrder&referenceId="
                + order.id(), Tokens.user(port, "admin")).body();
        assertThat(failed.get("items")).hasSize(1);
        assertThat(failed.get("items").get(0).get("lastError").asText()).isEqualTo("no recipient address");
        Api.Response resend = api.post("/api/v1/mail-outbox/" + failed.get("items").get(0).get("id").asText()
                + "/resend", Tokens.user(port, "admin"), Map.of());
        assertThat(resend.status()).as(resend.raw()).isEqualTo(409);
    }

    @Test
    void anEventNamingAnUnknownOrderMailsNothingAndDoesNotUndoTheChange() {
        String unknown = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            businessEvents.publish(EventTypes.PURCHASE_ORDER_SENT, "PurchaseOrder", unknown, "buyer",
                    Map.of("purchaseOrderId", unknown, "number", "PO-NONE"));
            jdbc.update("insert into audit_record (id, actor, action, entity_type, entity_id, occurred_at) "
                    + "values (?, 'test', 'MARKER', 'Test', ?, now())", UUID.randomUUID(), unknown);
        });
        assertThat(jdbc.queryForObject("select count(*) from audit_record where entity_id = ? and action = 'MARKER'",
                Integer.class, unknown)).as("the publishing transaction committed").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where reference_id = ?", Integer.class,
                unknown)).isZero();
    }

    private static Part attachment(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
            if (part.getContent() instanceof Multipart nested) {
                Part found = attachment(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
