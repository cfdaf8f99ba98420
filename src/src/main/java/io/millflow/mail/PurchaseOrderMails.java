package io.millflow.mail;

import io.millflow.procurement.FulfilmentViews.PurchaseOrderLineView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.PurchaseOrderQueries;
import io.millflow.procurement.SupplierViews.SupplierView;
import io.millflow.procurement.Suppliers;
import io.millflow.security.AppUser;
import io.millflow.security.UserAccounts;
import io.millflow.shared.events.BusinessEvent;
import io.millflow.shared.events.EventTypes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "PO sent to supplier": on {@code procurement.purchaseOrderSent} writes a mail with the order as a PDF to the
 * supplier's e-mail address into the outbox, in the transaction that sent the order (it commits or rolls back with
 * it). German for suppliers whose ordering address is in DE, AT or CH, else English. A supplier without an address
 * gets a FAILED outbox row that says so (visible to ADMIN), and the order is not held up.
 */
@Component
class PurchaseOrderMails {

    private static final Logger log = LoggerFactory.getLogger(PurchaseOrderMails.class);
    private static final Set<String> GERMAN = Set.of("DE", "AT", "CH");

    private final PurchaseOrderQueries orders;
    private final Suppliers suppliers;
    private final MailTemplates templates;
    private final MailOutbox outbox;
    private final MailProperties props;
    private final ZoneId zone;
    private final UserAccounts users;

    PurchaseOrderMails(PurchaseOrderQueries orders, Suppliers suppliers, MailTemplates templates, MailOutbox outbox,
            MailProperties props, UserAccounts users, @Value("${millflow.calendar.zone:Europe/Berlin}") ZoneId zone) {
        this.users = users;
        this.orders = orders;
        this.suppliers = suppliers;
        this.templates = templates;
        this.outbox = outbox;
        this.props = props;
        this.zone = zone;
    }

    @EventListener(condition = "#event.type() == '" + EventTypes.PURCHASE_ORDER_SENT + "'")
    public void purchaseOrderSent(BusinessEvent event) {
        UUID id;
        try {
            id = UUID.fromString(Objects.requireNonNullElse(event.text("purchaseOrderId"), event.subjectId()));
        } catch (IllegalArgumentException | NullPointerException e) {
            log.error("Event {} names no purchase order id; no supplier mail", event.id());
            return;
        }
        if (!orders.exists(id)) {
            // a listener must not undo the change that announced the event (ADR 25): say so and mail nothing
            log.warn("Event {} names purchase order {}, which does not exist; no supplier mail", event.id(), id);
            return;
        }
        PurchaseOrderView po = RunAs.system(() -> orders.get(id));
        SupplierView supplier = po.supplierId() == null ? null : RunAs.system(() -> suppliers.get(po.supplierId()));
        String language = supplier != null && supplier.addresses().stream()
                .anyMatch(a -> a.country() != null && GERMAN.contains(a.country().toUpperCase())) ? "de" : "en";
        Map<String, String> values = new LinkedHashMap<>();
        values.put("supplierName", po.supplierName() == null ? "" : po.supplierName());
        values.put("poNumber", po.number());
        values.put("revision", Integer.toString(po.sentRevision() != null ? po.sentRevision() : po.revision()));
        values.put("total", PurchaseOrderPdf.money(po.totalAmount()));
        values.put("currency", po.currency() == null ? "" : po.currency());
        values.put("deliveryDate", po.lines().stream().filter(l -> !l.cancelled())
                .map(PurchaseOrderLineView::deliveryDate).filter(Objects::nonNull).min(LocalDate::compareTo)
                .map(LocalDate::toString).orElse("-"));
        values.put("buyer", po.buyer() == null ? "" : po.buyer());
        values.put("companyName", props.companyName());
        RenderedMail content = templates.render(MailTemplateKind.PURCHASE_ORDER_SENT, language, values, Map.of());
        byte[] pdf = PurchaseOrderPdf.render(po, supplier, props.companyName(), language, zone);
        String to = supplier == null ? null : supplier.email() != null && !supplier.email().isBlank()
                ? supplier.email() : supplier.contacts().stream().map(c -> c.email())
                        .filter(e -> e != null && !e.isBlank()).findFirst().orElse(null);
        String replyTo = po.buyer() == null ? null : users.find(po.buyer()).map(AppUser::getEmail)
                .filter(e -> !e.isBlank()).orElse(null);
        outbox.enqueue(new OutgoingMail(MailTemplateKind.PURCHASE_ORDER_SENT.name(), language, null,
                to == null ? List.of() : List.of(to), List.of(), replyTo, content, "PurchaseOrder", po.id().toString(),
                List.of(new MailAttachment(po.number() + ".pdf", "application/pdf", pdf))), event.actor());
    }
}
