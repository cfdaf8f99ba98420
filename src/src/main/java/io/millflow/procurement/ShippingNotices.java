package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.integration.carrier.Carriers;
import io.millflow.integration.shipment.Shipments;
import io.millflow.processes.Messages;
import io.millflow.processes.Variables;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeCommand;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeLineCommand;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Advance shipping notices: the supplier tells what ships (lines, lots), with which carrier and tracking number.
 * A notice may not bring more than is open on a confirmed line plus the over-delivery tolerance (422, nothing
 * written). Roles: SUPPLIER submits for their own confirmed orders; readers of orders read (scoped like orders).
 */
@Service
@Validated
public class ShippingNotices {

    private final FulfilmentAccess access;
    private final PurchaseOrderLineRepository lines;
    private final PurchaseOrderQueries queries;
    private final PurchaseOrderProcess process;
    private final Tolerances tolerances;
    private final DocumentNumbers numbers;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final Shipments shipments;
    private final Carriers carriers;

    ShippingNotices(FulfilmentAccess access, PurchaseOrderLineRepository lines, PurchaseOrderQueries queries,
            PurchaseOrderProcess process, Tolerances tolerances, DocumentNumbers numbers, JdbcTemplate jdbc,
            AuditService audit, Clock clock, Shipments shipments, Carriers carriers) {
        this.shipments = shipments;
        this.carriers = carriers;
        this.access = access;
        this.lines = lines;
        this.queries = queries;
        this.process = process;
        this.tolerances = tolerances;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('SUPPLIER')")
    public ShippingNoticeView submit(@Valid ShippingNoticeCommand cmd) {
        String actor = CurrentUser.get().username();
        access.requireSupplier();
        PurchaseOrder po = access.lockedOrder(cmd.purchaseOrderId());
        if (po.getStatus() != PurchaseOrderStatus.CONFIRMED && po.getStatus() != PurchaseOrderStatus.PARTIALLY_RECEIVED) {
            throw new FulfilmentProblems.OrderState("Order " + po.getNumber() + " is " + po.getStatus()
                    + "; shipping notices are for CONFIRMED or PARTIALLY_RECEIVED orders");
        }
        if (cmd.expectedDate() != null && cmd.expectedDate().isBefore(cmd.shipDate())) {
            throw new ProblemException.InvalidInput("expectedDate", "must not be before the ship date");
        }
        Map<UUID, PurchaseOrderLine> byId = lines.findByPurchaseOrderIdOrderByLineNo(po.getId()).stream()
                .collect(Collectors.toMap(PurchaseOrderLine::getId, Function.identity()));
        Map<UUID, Object[]> items = queries.itemFacts(byId.values().stream().map(PurchaseOrderLine::getItemId).toList());
        Map<UUID, BigDecimal> pending = pendingOnNotices(po.getId());
        Map<UUID, BigDecimal> asked = new HashMap<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            ShippingNoticeLineCommand l = cmd.lines().get(i);
            String field = "lines[" + i + "]";
            PurchaseOrderLine line = byId.get(l.purchaseOrderLineId());
            if (line == null || line.isCancelled()) {
                throw new ProblemException.InvalidInput(field + ".purchaseOrderLineId",
                        "is not a line of order " + po.getNumber());
            }
            if (line.getConfirmation() != LineConfirmation.CONFIRMED) {
                throw new ProblemException.InvalidInput(field + ".purchaseOrderLineId", "line " + line.getLineNo()
                        + " is " + line.getConfirmation() + "; only confirmed lines ship");
            }
            Object[] item = line.getItemId() == null ? null : items.get(line.getItemId());
            if ((l.lot() != null && !l.lot().isBlank() || l.lotExpiry() != null) && (item == null || !"LOT".equals(item[1]))) {
                throw new ProblemException.InvalidInput(field + ".lot", "must be empty: line " + line.getLineNo()
                        + " is not lot-tracked");
            }
            BigDecimal total = asked.merge(line.getId(), l.quantity(), BigDecimal::add);
            BigDecimal percent = tolerances.overDeliveryPercent(item == null ? "" : (String) item[2]);
            BigDecimal allowed = allowed(line, percent).subtract(pending.getOrDefault(line.getId(), BigDecimal.ZERO));
            if (total.compareTo(allowed) > 0) {
                throw new FulfilmentProblems.OverQuantity(field + ".quantity", "Line " + line.getLineNo() + " has "
                        + PurchaseOrderQueries.strip(allowed.max(BigDecimal.ZERO)).toPlainString() + " " + line.getUnit()
                        + " left to ship (open " + PurchaseOrderQueries.strip(line.openQuantity()).toPlainString()
                        + ", over-delivery tolerance " + percent.toPlainString() + " %, on other notices "
                        + PurchaseOrderQueries.strip(pending.getOrDefault(line.getId(), BigDecimal.ZERO)).toPlainString()
                        + "); the notice asks for " + PurchaseOrderQueries.strip(total).toPlainString());
            }
        }
        UUID id = UUID.randomUUID();
        String number = numbers.next("ASN");
        jdbc.update("insert into advance_shipping_notice (id, number, purchase_order_id, supplier_id, carrier_code, "
                + "tracking_number, ship_date, expected_date, status, submitted_by, submitted_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)", id, number, po.getId(), po.getSupplierId(),
                cmd.carrierCode().strip(), blankToNull(cmd.trackingNumber()), Date.valueOf(cmd.shipDate()),
                cmd.expectedDate() == null ? null : Date.valueOf(cmd.expectedDate()), actor,
                Timestamp.from(clock.instant()));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            ShippingNoticeLineCommand l = cmd.lines().get(i);
            rows.add(new Object[] {UUID.randomUUID(), id, i + 1, l.purchaseOrderLineId(), l.quantity(),
                    blankToNull(l.lot()), l.lotExpiry() == null ? null : Date.valueOf(l.lotExpiry())});
        }
        jdbc.batchUpdate("insert into advance_shipping_notice_line (id, asn_id, line_no, purchase_order_line_id, quantity, "
                + "lot_number, lot_expiry) values (?, ?, ?, ?, ?, ?, ?)", rows);
        ShippingNoticeView view = queries.shippingNotices("n.id = ?", id).get(0);
        audit.record(actor, "SUBMITTED", "AdvanceShippingNotice", id.toString(), null, view);
        trackInbound(id, cmd.carrierCode().strip(), blankToNull(cmd.trackingNumber()));
        process.correlate(po.getId(), Messages.ADVANCE_SHIPPING_NOTICE_SUBMITTED, Map.of(Variables.ASN_ID, id.toString()));
        return view;
    }

    /**
     * A notice that names an offered carrier (e.g. FEDEX) and a tracking number becomes an inbound shipment that the
     * tracking poll and the carrier's webhook keep up to date; other carriers stay text on the notice.
     */
    private void trackInbound(UUID asnId, String carrierCode, String trackingNumber) {
        if (trackingNumber == null) {
            return;
        }
        carriers.codes().stream().filter(c -> c.equalsIgnoreCase(carrierCode)).findFirst()
                .ifPresent(code -> shipments.registerInbound("ASN", asnId, code, trackingNumber));
    }

    /** Expected quantity plus tolerance, minus net received. */
    static BigDecimal allowed(PurchaseOrderLine line, BigDecimal percent) {
        BigDecimal expected = line.expectedQuantity();
        BigDecimal withTolerance = expected.add(expected.multiply(percent).divide(BigDecimal.valueOf(100), 3,
                RoundingMode.DOWN));
        return withTolerance.subtract(line.netReceivedQuantity());
    }

    /** Quantities on submitted notices not yet received, per order line. */
    private Map<UUID, BigDecimal> pendingOnNotices(UUID poId) {
        Map<UUID, BigDecimal> pending = new HashMap<>();
        jdbc.query("select l.purchase_order_line_id, sum(l.quantity - l.received_quantity) from advance_shipping_notice_line l "
                + "join advance_shipping_notice n on n.id = l.asn_id where n.purchase_order_id = ? and n.status = 'SUBMITTED' "
                + "group by l.purchase_order_line_id", rs -> {
                    pending.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                }, poId);
        return pending;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.READERS)
    public ShippingNoticeView get(UUID id) {
        List<ShippingNoticeView> found = queries.shippingNotices("n.id = ?", id);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No shipping notice " + id);
        }
        ShippingNoticeView n = found.get(0);
        Optional<UUID> scope = access.supplierFilter();
        if (scope.isPresent() && !scope.get().equals(n.supplierId())) {
            throw new ProblemException.NotFound("No shipping notice " + id);
        }
        return n;
    }

    /** Newest first; filters: order, status (SUBMITTED, RECEIVED). */
    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.READERS)
    public PageView<ShippingNoticeView> list(UUID purchaseOrderId, String status, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        Optional<UUID> scope = access.supplierFilter();
        if (scope.isPresent()) {
            where.append(" and n.supplier_id = ?");
            args.add(scope.get());
        }
        if (purchaseOrderId != null) {
            where.append(" and n.purchase_order_id = ?");
            args.add(purchaseOrderId);
        }
        if (status != null && !status.isBlank()) {
            if (!List.of("SUBMITTED", "RECEIVED").contains(status)) {
                throw new ProblemException.InvalidInput("status", "must be SUBMITTED or RECEIVED");
            }
            where.append(" and n.status = ?");
            args.add(status);
        }
        Long total = jdbc.queryForObject("select count(*) from advance_shipping_notice n where " + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<ShippingNoticeView> items = queries.shippingNotices("n.id in (select n.id from advance_shipping_notice n where "
                + where + " order by n.submitted_at desc, n.number desc limit ? offset ?)", pageArgs.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
