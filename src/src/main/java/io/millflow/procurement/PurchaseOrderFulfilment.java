package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import io.millflow.processes.Messages;
import io.millflow.processes.ProcessKeys;
import io.millflow.processes.Variables;
import io.millflow.shared.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code purchase-order} process and the order: starts it when an order is created, passes changes,
 * cancellations and supplier assignments to it, and does the work of its service tasks (send, remind, close).
 * The worker-facing methods are idempotent and have no role check (workers run as the system).
 */
@Service
public class PurchaseOrderFulfilment {

    static final String ENTITY = "PurchaseOrder";
    /** Audit entity of the process's own bookkeeping on an order (process started, revision sent). */
    static final String PROCESS_ENTITY = "PurchaseOrderProcess";
    private static final Logger log = LoggerFactory.getLogger(PurchaseOrderFulfilment.class);

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository lines;
    private final SupplierRepository suppliers;
    private final PurchaseOrderProcess process;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final BusinessEvents businessEvents;

    PurchaseOrderFulfilment(PurchaseOrderRepository orders, PurchaseOrderLineRepository lines,
            SupplierRepository suppliers, PurchaseOrderProcess process, RuntimeService runtime, JdbcTemplate jdbc,
            AuditService audit, Clock clock, BusinessEvents businessEvents) {
        this.businessEvents = businessEvents;
        this.orders = orders;
        this.lines = lines;
        this.suppliers = suppliers;
        this.process = process;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- events of the suppliers side (same transaction as the change)

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onCreated(PurchaseOrderCreated event) {
        PurchaseOrder po = orders.findById(event.purchaseOrderId())
                .orElseThrow(() -> new IllegalStateException("Created order " + event.purchaseOrderId() + " not found"));
        if (process.running(po.getId())) {
            return;
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(Variables.PURCHASE_ORDER_ID, po.getId().toString());
        vars.put(Variables.SUPPLIER_READY, supplierReady(po));
        vars.put(Variables.ASN_PENDING, false);
        vars.put(Variables.QUANTITY_OPEN, true);
        vars.put(Variables.INVOICE_PENDING, false);
        ProcessInstance pi = runtime.startProcessInstanceByKey(ProcessKeys.PURCHASE_ORDER, po.getId().toString(), vars);
        po.processStarted(pi.getId(), clock.instant());
        audit.record("system", "PROCESS_STARTED", PROCESS_ENTITY, po.getId().toString(), null,
                Map.of("processInstanceId", pi.getId(), "supplierReady", vars.get(Variables.SUPPLIER_READY)));
        log.info("Process purchase-order started for {}", po.getNumber());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onChanged(PurchaseOrderChanged event) {
        if (process.correlate(event.purchaseOrderId(), Messages.PURCHASE_ORDER_CHANGED, Map.of())) {
            log.info("Changed order {} (revision {}) is sent again", event.purchaseOrderId(), event.revision());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onCancelled(PurchaseOrderCancelled event) {
        process.correlate(event.purchaseOrderId(), Messages.PURCHASE_ORDER_CANCELLED,
                Map.of("cancelReason", event.reason() == null ? "" : event.reason()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onSupplierAssigned(PurchaseOrderSupplierAssigned event) {
        PurchaseOrder po = orders.findById(event.purchaseOrderId()).orElse(null);
        if (po != null && supplierReady(po)) {
            process.completeTask(po.getId(), "AssignSupplier", "system", Map.of(Variables.SUPPLIER_READY, true));
        }
    }

    boolean supplierReady(PurchaseOrder po) {
        return po.getSupplierId() != null
                && suppliers.findById(po.getSupplierId()).map(s -> !s.isBlocked()).orElse(false);
    }

    // ---- service tasks

    /**
     * {@code procurement.sendPurchaseOrder}: the order becomes SENT and visible in the supplier portal. Sending a
     * changed revision, or again after every line was declined, resets the line confirmations.
     */
    @Transactional
    public void send(UUID poId) {
        PurchaseOrder po = orders.lockById(poId).orElseThrow(() -> AccessNotFound(poId));
        if (po.getStatus() == PurchaseOrderStatus.CANCELLED || po.getStatus() == PurchaseOrderStatus.CLOSED) {
            log.info("Order {} is {}: not sent", po.getNumber(), po.getStatus());
            return;
        }
        List<PurchaseOrderLine> orderLines = lines.findByPurchaseOrderIdOrderByLineNo(poId);
        boolean allDeclined = orderLines.stream().filter(l -> !l.isCancelled())
                .allMatch(l -> l.getConfirmation() == LineConfirmation.DECLINED);
        boolean newRevision = po.getSentRevision() != null && po.getSentRevision() != po.getRevision();
        if (po.getSentRevision() != null && !newRevision && !allDeclined) {
            return; // a retry of a send that was done
        }
        Map<String, Object> before = Map.of("status", po.getStatus().name(), "sentRevision",
                String.valueOf(po.getSentRevision()));
        if (newRevision || allDeclined) {
            orderLines.stream().filter(l -> !l.isCancelled()).forEach(PurchaseOrderLine::resetConfirmation);
        }
        po.sent(clock.instant());
        audit.record("system", "SENT", PROCESS_ENTITY, poId.toString(), before,
                Map.of("status", po.getStatus().name(), "sentRevision", po.getRevision()));
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("purchaseOrderId", poId.toString());
        event.put("number", po.getNumber());
        event.put("supplierId", po.getSupplierId() == null ? null : po.getSupplierId().toString());
        event.put("revision", po.getRevision());
        event.put("totalAmount", po.getTotalAmount());
        event.put("currency", po.getCurrency());
        businessEvents.publish(EventTypes.PURCHASE_ORDER_SENT, "PurchaseOrder", poId.toString(), "system", event);
    }

    /** {@code procurement.remindSupplier}: records one reminder per sending, shown in the portal. */
    @Transactional
    public void remind(UUID poId) {
        PurchaseOrder po = orders.lockById(poId).orElseThrow(() -> AccessNotFound(poId));
        Instant since = po.getSentAt() == null ? po.getCreatedAt() : po.getSentAt();
        Integer earlier = jdbc.queryForObject("select count(*) from purchase_order_reminder where purchase_order_id = ? "
                + "and kind = 'REMINDER' and created_at >= ?", Integer.class, poId, Timestamp.from(since));
        if (earlier != null && earlier > 0) {
            return;
        }
        recordReminder(po, "REMINDER", "Please confirm purchase order " + po.getNumber() + " (sent "
                + since.toString().substring(0, 10) + ").", "system");
    }

    /** A buyer chased the supplier (task "Chase confirmation"); the note is kept with the order. */
    @Transactional(propagation = Propagation.MANDATORY)
    void recordChase(UUID poId, String note, String actor) {
        PurchaseOrder po = orders.findById(poId).orElseThrow(() -> AccessNotFound(poId));
        recordReminder(po, "CHASE", note == null || note.isBlank() ? "Chased by " + actor : note, actor);
    }

    private void recordReminder(PurchaseOrder po, String kind, String note, String actor) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into purchase_order_reminder (id, purchase_order_id, kind, note, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", id, po.getId(), kind, note, actor, Timestamp.from(clock.instant()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", kind);
        after.put("note", note);
        audit.record(actor, kind, ENTITY, po.getId().toString(), null, after);
    }

    /** {@code procurement.closePurchaseOrder}: the three-way matched order is CLOSED. */
    @Transactional
    public void close(UUID poId) {
        PurchaseOrder po = orders.lockById(poId).orElseThrow(() -> AccessNotFound(poId));
        if (po.getStatus() == PurchaseOrderStatus.CLOSED) {
            return;
        }
        if (po.getStatus() == PurchaseOrderStatus.CANCELLED) {
            throw new ProblemException.Conflict("Order " + po.getNumber() + " is CANCELLED");
        }
        String before = po.getStatus().name();
        po.closed(clock.instant());
        audit.record("system", "CLOSED", ENTITY, poId.toString(), Map.of("status", before), Map.of("status", "CLOSED"));
    }

    /** Every line declined and the buyer drops the order (task "Review declined order" rejected). */
    @Transactional(propagation = Propagation.MANDATORY)
    void dropDeclined(UUID poId, String reason, String actor) {
        PurchaseOrder po = orders.lockById(poId).orElseThrow(() -> AccessNotFound(poId));
        String before = po.getStatus().name();
        po.declinedBySupplier("Declined by the supplier: " + reason, clock.instant());
        audit.record(actor, "CANCELLED", ENTITY, poId.toString(), Map.of("status", before),
                Map.of("status", "CANCELLED", "reason", po.getCancelReason()));
    }

    private static ProblemException AccessNotFound(UUID id) {
        return FulfilmentAccess.notFound(id);
    }
}
