package io.millflow.procurement;

import io.millflow.procurement.FulfilmentViews.GoodsReceiptLineView;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptView;
import io.millflow.procurement.FulfilmentViews.InvoiceLineView;
import io.millflow.procurement.FulfilmentViews.InvoiceView;
import io.millflow.procurement.FulfilmentViews.MatchLineView;
import io.millflow.procurement.FulfilmentViews.MatchView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderLineView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderSummary;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.FulfilmentViews.PutAwayView;
import io.millflow.procurement.FulfilmentViews.ReminderView;
import io.millflow.procurement.FulfilmentViews.ReturnView;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeLineView;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeView;
import io.millflow.processes.ProcessKeys;
import io.millflow.shared.PageView;
import io.millflow.shared.inbox.ProcessDiagram;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.RepositoryService;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import io.millflow.shared.ProblemException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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

/**
 * Reading purchase orders with their confirmations, shipping notices, receipts, invoices, matches and returns.
 * Roles: BUYER, MANAGER, FINANCE, WAREHOUSE, ADMIN see every order; SUPPLIER only the sent orders of their own
 * supplier (another supplier's order answers 404 and is never listed).
 */
@Service
public class PurchaseOrderQueries {

    private final FulfilmentAccess access;
    private final PurchaseOrderLineRepository lines;
    private final SupplierRepository suppliers;
    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final HistoryService history;
    private final RuntimeService runtime;

    PurchaseOrderQueries(FulfilmentAccess access, PurchaseOrderLineRepository lines, SupplierRepository suppliers,
            JdbcTemplate jdbc, RepositoryService repository, HistoryService history, RuntimeService runtime) {
        this.access = access;
        this.lines = lines;
        this.suppliers = suppliers;
        this.jdbc = jdbc;
        this.repository = repository;
        this.history = history;
        this.runtime = runtime;
    }

    /** The order's purchase-order process: its model and the activities active now (none once it ended). */
    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.INTERNAL_READERS)
    public Optional<ProcessDiagram> diagram(UUID id) {
        PurchaseOrder po = access.order(id);
        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ProcessKeys.PURCHASE_ORDER).processInstanceBusinessKey(po.getId().toString())
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (pi == null) {
            return Optional.empty();
        }
        String xml;
        try (java.io.InputStream in = repository.getProcessModel(pi.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> active = pi.getEndTime() == null ? runtime.getActiveActivityIds(pi.getId()) : List.of();
        return Optional.of(new ProcessDiagram(xml, active));
    }

    /** Orders, newest first; filters: status, supplier, text in number or supplier name. */
    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.READERS)
    public PageView<PurchaseOrderSummary> list(String status, UUID supplierId, String text, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            if (Arrays.stream(PurchaseOrderStatus.values()).noneMatch(s -> s.name().equals(status))) {
                throw new ProblemException.InvalidInput("status", "must be one of "
                        + Arrays.toString(PurchaseOrderStatus.values()));
            }
            where.append(" and o.status = ?");
            args.add(status);
        }
        Optional<UUID> scope = access.supplierFilter();
        if (scope.isPresent()) {
            where.append(" and o.supplier_id = ? and o.status <> 'DRAFT'");
            args.add(scope.get());
        }
        if (supplierId != null) {
            where.append(" and o.supplier_id = ?");
            args.add(supplierId);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (o.number ilike ? or s.name ilike ?)");
            args.add("%" + text.strip() + "%");
            args.add("%" + text.strip() + "%");
        }
        String from = " from purchase_order o left join supplier s on s.id = o.supplier_id";
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<PurchaseOrderSummary> items = jdbc.query("select o.id, o.number, o.status, o.supplier_id, s.code, s.name, "
                + "o.currency, o.total_amount, o.revision, o.buyer, o.created_at, o.sent_at, o.closed_at" + from + where
                + " order by o.created_at desc, o.number desc limit ? offset ?", (rs, n) -> new PurchaseOrderSummary(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getInt(9),
                        rs.getString(10), instant(rs, 11), instant(rs, 12), instant(rs, 13)), pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*)" + from + where, Long.class, args.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    /**
     * Whether an order with this id exists; no access check and nothing about it is told. For listeners of business
     * events that name an order, which must not fail (and so undo the change) on an unknown id.
     */
    @Transactional(readOnly = true)
    public boolean exists(UUID id) {
        Integer n = jdbc.queryForObject("select count(*) from purchase_order where id = ?", Integer.class, id);
        return n != null && n > 0;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.READERS)
    public PurchaseOrderView get(UUID id) {
        return view(access.order(id));
    }

    /** The full view of an order the caller may see (no further check). */
    PurchaseOrderView view(PurchaseOrder po) {
        Supplier supplier = po.getSupplierId() == null ? null : suppliers.findById(po.getSupplierId()).orElse(null);
        List<PurchaseOrderLine> orderLines = lines.findByPurchaseOrderIdOrderByLineNo(po.getId());
        Map<UUID, Object[]> items = itemFacts(orderLines.stream().map(PurchaseOrderLine::getItemId).toList());
        List<PurchaseOrderLineView> lineViews = orderLines.stream().map(l -> {
            Object[] item = l.getItemId() == null ? null : items.get(l.getItemId());
            return new PurchaseOrderLineView(l.getId(), l.getLineNo(), l.getItemId(), item == null ? null : (String) item[0],
                    l.getSupplierSku(), l.getDescription(), strip(l.getQuantity()), l.getUnit(), l.getUnitPrice(),
                    l.getLineAmount(), l.getDeliveryDate(), l.getConfirmation().name(), strip(l.getConfirmedQuantity()),
                    l.getPromisedDate(), l.getDeclineReason(), strip(l.getReceivedQuantity()),
                    strip(l.getReturnedQuantity()), strip(l.getInvoicedQuantity()), strip(l.openQuantity()),
                    l.isCancelled(), item != null && "LOT".equals(item[1]));
        }).toList();
        List<ReminderView> reminders = jdbc.query("select kind, note, created_by, created_at from purchase_order_reminder "
                + "where purchase_order_id = ? order by created_at", (rs, n) -> new ReminderView(rs.getString(1),
                        rs.getString(2), rs.getString(3), instant(rs, 4)), po.getId());
        return new PurchaseOrderView(po.getId(), po.getNumber(), po.getStatus().name(), po.getSupplierId(),
                supplier == null ? null : supplier.getCode(), supplier == null ? null : supplier.getName(),
                po.getWarehouseId(), po.getCurrency(), po.getTotalAmount(), po.getRevision(), po.getSentRevision(),
                po.getBuyer(), po.getCreatedAt(), po.getSentAt(), po.getConfirmedAt(), po.getClosedAt(),
                po.getCancelReason(), lineViews, reminders, shippingNotices("n.purchase_order_id = ?", po.getId()),
                receipts("r.purchase_order_id = ?", po.getId()), putAways(po.getId()),
                invoices("i.purchase_order_id = ?", po.getId()), matches(po.getId()), returns(po.getId()));
    }

    /** sku and tracking per item id. */
    Map<UUID, Object[]> itemFacts(List<UUID> itemIds) {
        List<UUID> ids = itemIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select id, sku, tracking, abc_class, base_unit from item where id = any(?::uuid[])",
                (rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)}, (Object) ids.stream().map(UUID::toString).toArray(String[]::new))
                .stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> Arrays.copyOfRange(r, 1, r.length)));
    }

    // ---- shipping notices

    List<ShippingNoticeView> shippingNotices(String condition, Object... args) {
        List<ShippingNoticeView> headers = jdbc.query("select n.id, n.number, n.purchase_order_id, o.number, n.supplier_id, "
                + "n.carrier_code, n.tracking_number, n.ship_date, n.expected_date, n.status, n.submitted_by, n.submitted_at, "
                + "n.received_at from advance_shipping_notice n join purchase_order o on o.id = n.purchase_order_id where "
                + condition + " order by n.submitted_at desc, n.number desc", (rs, n) -> new ShippingNoticeView(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7), date(rs, 8), date(rs, 9),
                        rs.getString(10), rs.getString(11), instant(rs, 12), instant(rs, 13), new ArrayList<>()), args);
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, ShippingNoticeView> byId = headers.stream().collect(Collectors.toMap(ShippingNoticeView::id,
                Function.identity()));
        jdbc.query("select l.asn_id, l.id, l.line_no, l.purchase_order_line_id, pl.line_no, pl.item_id, pl.description, "
                + "l.quantity, pl.unit, l.lot_number, l.lot_expiry, l.received_quantity from advance_shipping_notice_line l "
                + "join purchase_order_line pl on pl.id = l.purchase_order_line_id where l.asn_id = any(?::uuid[]) "
                + "order by l.line_no", rs -> {
                    byId.get(rs.getObject(1, UUID.class)).lines().add(new ShippingNoticeLineView(rs.getObject(2, UUID.class),
                            rs.getInt(3), rs.getObject(4, UUID.class), rs.getInt(5), rs.getObject(6, UUID.class),
                            rs.getString(7), strip(rs.getBigDecimal(8)), rs.getString(9), rs.getString(10), date(rs, 11),
                            strip(rs.getBigDecimal(12))));
                }, (Object) ids(byId));
        return headers;
    }

    // ---- receipts, put-aways, returns

    List<GoodsReceiptView> receipts(String condition, Object... args) {
        List<GoodsReceiptView> headers = jdbc.query("select r.id, r.number, r.purchase_order_id, o.number, r.asn_id, n.number, "
                + "r.receiving_location_id, loc.code, r.stock_document_id, d.number, r.received_by, r.received_at "
                + "from goods_receipt r join purchase_order o on o.id = r.purchase_order_id "
                + "join advance_shipping_notice n on n.id = r.asn_id join location loc on loc.id = r.receiving_location_id "
                + "left join stock_document d on d.id = r.stock_document_id where " + condition
                + " order by r.received_at desc, r.number desc", (rs, n) -> new GoodsReceiptView(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, UUID.class),
                        rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8), rs.getObject(9, UUID.class),
                        rs.getString(10), rs.getString(11), instant(rs, 12), new ArrayList<>()), args);
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, GoodsReceiptView> byId = headers.stream().collect(Collectors.toMap(GoodsReceiptView::id,
                Function.identity()));
        jdbc.query("select l.goods_receipt_id, l.id, l.line_no, l.purchase_order_line_id, l.asn_line_id, l.item_id, "
                + "pl.description, l.quantity, pl.unit, l.lot_number, l.lot_expiry, l.put_away_quantity "
                + "from goods_receipt_line l join purchase_order_line pl on pl.id = l.purchase_order_line_id "
                + "where l.goods_receipt_id = any(?::uuid[]) order by l.line_no", rs -> {
                    byId.get(rs.getObject(1, UUID.class)).lines().add(new GoodsReceiptLineView(rs.getObject(2, UUID.class),
                            rs.getInt(3), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                            rs.getObject(6, UUID.class), rs.getString(7), strip(rs.getBigDecimal(8)), rs.getString(9),
                            rs.getString(10), date(rs, 11), strip(rs.getBigDecimal(12))));
                }, (Object) ids(byId));
        return headers;
    }

    List<PutAwayView> putAways(UUID poId) {
        return jdbc.query("select p.id, p.number, p.purchase_order_id, p.stock_document_id, d.number, p.put_away_by, "
                + "p.put_away_at from put_away p join stock_document d on d.id = p.stock_document_id "
                + "where p.purchase_order_id = ? order by p.put_away_at", (rs, n) -> new PutAwayView(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), instant(rs, 7)), poId);
    }

    List<ReturnView> returns(UUID poId) {
        return jdbc.query("select r.id, r.number, r.purchase_order_id, r.stock_document_id, d.number, r.reason, "
                + "r.returned_by, r.returned_at from supplier_return r join stock_document d on d.id = r.stock_document_id "
                + "where r.purchase_order_id = ? order by r.returned_at", (rs, n) -> new ReturnView(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7), instant(rs, 8)),
                poId);
    }

    // ---- invoices and matches

    List<InvoiceView> invoices(String condition, Object... args) {
        List<InvoiceView> headers = jdbc.query("select i.id, i.purchase_order_id, o.number, i.supplier_id, i.invoice_number, "
                + "i.invoice_date, i.due_date, i.currency, i.net_amount, i.tax_amount, i.total_amount, i.status, "
                + "i.decided_by, i.decision_comment, i.paid_at, i.payment_reference, f.file_name, f.size_bytes, "
                + "i.submitted_by, i.submitted_at from supplier_invoice i join purchase_order o on o.id = i.purchase_order_id "
                + "left join supplier_invoice_file f on f.invoice_id = i.id where " + condition
                + " order by i.submitted_at desc, i.invoice_number", (rs, n) -> new InvoiceView(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class), rs.getString(5),
                        date(rs, 6), date(rs, 7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10),
                        rs.getBigDecimal(11), rs.getString(12), paymentStatus(rs.getString(12)),
                        rs.getString(13), rs.getString(14), instant(rs, 15), rs.getString(16), rs.getString(17),
                        (Integer) rs.getObject(18), rs.getString(19), instant(rs, 20), new ArrayList<>()), args);
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, InvoiceView> byId = headers.stream().collect(Collectors.toMap(InvoiceView::id, Function.identity()));
        jdbc.query("select l.invoice_id, l.line_no, l.purchase_order_line_id, pl.line_no, l.quantity, l.unit_price, "
                + "l.line_amount from supplier_invoice_line l join purchase_order_line pl on pl.id = l.purchase_order_line_id "
                + "where l.invoice_id = any(?::uuid[]) order by l.line_no", rs -> {
                    byId.get(rs.getObject(1, UUID.class)).lines().add(new InvoiceLineView(rs.getInt(2),
                            rs.getObject(3, UUID.class), rs.getInt(4), strip(rs.getBigDecimal(5)), rs.getBigDecimal(6),
                            rs.getBigDecimal(7)));
                }, (Object) ids(byId));
        return headers;
    }

    /** OPEN (not yet approved for payment), APPROVED (matched or accepted, due on the due date), PAID, REJECTED. */
    static String paymentStatus(String status) {
        return switch (status) {
            case "PAID" -> "PAID";
            case "MATCHED", "ACCEPTED" -> "APPROVED";
            case "REJECTED" -> "REJECTED";
            default -> "OPEN";
        };
    }

    List<MatchView> matches(UUID poId) {
        List<MatchView> headers = jdbc.query("select id, invoice_id, matched, summary, matched_at from invoice_match "
                + "where purchase_order_id = ? order by matched_at", (rs, n) -> new MatchView(rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class), rs.getBoolean(3), rs.getString(4), instant(rs, 5), new ArrayList<>()),
                poId);
        if (headers.isEmpty()) {
            return headers;
        }
        Map<UUID, MatchView> byId = headers.stream().collect(Collectors.toMap(MatchView::id, Function.identity()));
        jdbc.query("select m.match_id, m.purchase_order_line_id, pl.line_no, m.ordered_quantity, m.received_quantity, "
                + "m.invoiced_quantity, m.order_price, m.invoice_price, m.price_tolerance_percent, "
                + "m.quantity_tolerance_percent, m.quantity_ok, m.price_ok from invoice_match_line m "
                + "join purchase_order_line pl on pl.id = m.purchase_order_line_id where m.match_id = any(?::uuid[]) "
                + "order by pl.line_no", rs -> {
                    byId.get(rs.getObject(1, UUID.class)).lines().add(new MatchLineView(rs.getObject(2, UUID.class),
                            rs.getInt(3), strip(rs.getBigDecimal(4)), strip(rs.getBigDecimal(5)),
                            strip(rs.getBigDecimal(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            strip(rs.getBigDecimal(9)), strip(rs.getBigDecimal(10)), rs.getBoolean(11),
                            rs.getBoolean(12)));
                }, (Object) ids(byId));
        return headers;
    }

    // ----

    private static String[] ids(Map<UUID, ?> byId) {
        return byId.keySet().stream().map(UUID::toString).toArray(String[]::new);
    }

    static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
