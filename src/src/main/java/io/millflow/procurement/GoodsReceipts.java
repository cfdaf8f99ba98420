package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import io.millflow.ims.MasterData;
import io.millflow.ims.MovementType;
import io.millflow.ims.StockPostings;
import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptCommand;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptLineCommand;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptView;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.FulfilmentViews.PutAwayCommand;
import io.millflow.procurement.FulfilmentViews.PutAwayLineCommand;
import io.millflow.procurement.FulfilmentViews.ReturnCommand;
import io.millflow.procurement.FulfilmentViews.ReturnLineCommand;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeLineView;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.ExchangeRates;
import io.millflow.shared.Idempotency;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The warehouse side of a purchase order: goods receipts against a shipping notice (101 from the supplier into a
 * RECEIVING location, valued at the order price in EUR; partial deliveries allowed, over-delivery beyond the
 * tolerance refused), put-away (311 from receiving to STORAGE bins) and returns to the supplier (122). Each
 * posts through ims {@link StockPostings} with an idempotency key of its own and completes the process's task.
 * Roles: WAREHOUSE; the readers of orders (not SUPPLIER) read receipts.
 */
@Service
@Validated
public class GoodsReceipts {

    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository lines;
    private final PurchaseOrderQueries queries;
    private final PurchaseOrderProcess process;
    private final StockPostings postings;
    private final Tolerances tolerances;
    private final ExchangeRates rates;
    private final Idempotency idempotency;
    private final DocumentNumbers numbers;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;
    private final MasterData masterData;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final BusinessEvents businessEvents;

    GoodsReceipts(PurchaseOrderRepository orders, PurchaseOrderLineRepository lines, PurchaseOrderQueries queries,
            PurchaseOrderProcess process, StockPostings postings, Tolerances tolerances, ExchangeRates rates,
            Idempotency idempotency, DocumentNumbers numbers, JdbcTemplate jdbc, AuditService audit, Clock clock,
            MasterData masterData, org.springframework.context.ApplicationEventPublisher events,
            BusinessEvents businessEvents) {
        this.businessEvents = businessEvents;
        this.masterData = masterData;
        this.events = events;
        this.orders = orders;
        this.lines = lines;
        this.queries = queries;
        this.process = process;
        this.postings = postings;
        this.tolerances = tolerances;
        this.rates = rates;
        this.idempotency = idempotency;
        this.numbers = numbers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Receives what arrived of a shipping notice. The same {@code idempotencyKey} (optional) returns the first
     * receipt and posts nothing again.
     */
    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public GoodsReceiptView receive(@Valid GoodsReceiptCommand cmd, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        if (idempotencyKey != null) {
            Optional<GoodsReceiptView> earlier = idempotency.claim("goods-receipts", idempotencyKey, actor, cmd,
                    GoodsReceiptView.class);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<ShippingNoticeView> found = queries.shippingNotices("n.id = ?", cmd.asnId());
        if (found.isEmpty()) {
            throw new ProblemException.InvalidInput("asnId", "is not a shipping notice: " + cmd.asnId());
        }
        ShippingNoticeView asn = found.get(0);
        PurchaseOrder po = orders.lockById(asn.purchaseOrderId()).orElseThrow();
        if (po.getStatus() != PurchaseOrderStatus.CONFIRMED && po.getStatus() != PurchaseOrderStatus.PARTIALLY_RECEIVED) {
            throw new FulfilmentProblems.OrderState("Order " + po.getNumber() + " is " + po.getStatus()
                    + "; goods are received for CONFIRMED or PARTIALLY_RECEIVED orders");
        }
        if (!"SUBMITTED".equals(jdbc.queryForObject("select status from advance_shipping_notice where id = ? for update",
                String.class, asn.id()))) {
            throw new FulfilmentProblems.OrderState("Shipping notice " + asn.number() + " was received already");
        }
        checkLocation(cmd.receivingLocationId(), "receivingLocationId", "RECEIVING", po.getWarehouseId());
        Map<UUID, ShippingNoticeLineView> asnLines = asn.lines().stream()
                .collect(Collectors.toMap(ShippingNoticeLineView::id, Function.identity()));
        Map<UUID, PurchaseOrderLine> poLines = lines.findByPurchaseOrderIdOrderByLineNo(po.getId()).stream()
                .collect(Collectors.toMap(PurchaseOrderLine::getId, Function.identity()));
        Map<UUID, Object[]> items = queries.itemFacts(poLines.values().stream().map(PurchaseOrderLine::getItemId).toList());
        Map<UUID, BigDecimal> perOrderLine = new HashMap<>();
        Map<UUID, Integer> seen = new HashMap<>();
        List<Object[]> receiptLines = new ArrayList<>();
        List<PostingLine> posting = new ArrayList<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            GoodsReceiptLineCommand l = cmd.lines().get(i);
            String field = "lines[" + i + "]";
            ShippingNoticeLineView asnLine = asnLines.get(l.asnLineId());
            if (asnLine == null) {
                throw new ProblemException.InvalidInput(field + ".asnLineId", "is not a line of " + asn.number());
            }
            if (seen.put(l.asnLineId(), i) != null) {
                throw new ProblemException.InvalidInput(field + ".asnLineId", "is received twice in this receipt");
            }
            if (l.quantity().signum() == 0) {
                continue;
            }
            PurchaseOrderLine line = poLines.get(asnLine.purchaseOrderLineId());
            if (line.getItemId() == null) {
                throw new ProblemException.InvalidInput(field + ".asnLineId", "line " + line.getLineNo()
                        + " is free text (no item) and cannot be received into stock");
            }
            Object[] item = items.get(line.getItemId());
            String lot = ShippingNotices.blankToNull(l.lot()) != null ? l.lot().strip() : asnLine.lot();
            LocalDate expiry = l.lotExpiry() != null ? l.lotExpiry() : asnLine.lotExpiry();
            boolean lotTracked = item != null && "LOT".equals(item[1]);
            if (lotTracked && lot == null) {
                throw new ProblemException.InvalidInput(field + ".lot", "is required: line " + line.getLineNo()
                        + " is lot-tracked");
            }
            if (!lotTracked) {
                lot = null;
                expiry = null;
            }
            BigDecimal total = perOrderLine.merge(line.getId(), l.quantity(), BigDecimal::add);
            BigDecimal percent = tolerances.overDeliveryPercent(item == null ? "" : (String) item[2]);
            BigDecimal allowed = ShippingNotices.allowed(line, percent);
            if (total.compareTo(allowed) > 0) {
                throw new FulfilmentProblems.OverQuantity(field + ".quantity", "Line " + line.getLineNo() + " may receive "
                        + PurchaseOrderQueries.strip(allowed.max(BigDecimal.ZERO)).toPlainString() + " " + line.getUnit()
                        + " more (over-delivery tolerance " + percent.toPlainString() + " %); this receipt brings "
                        + PurchaseOrderQueries.strip(total).toPlainString());
            }
            receiptLines.add(new Object[] {line, asnLine, l, lot, expiry});
            posting.add(new PostingLine(line.getItemId(), l.quantity(), line.getUnit(), null, cmd.receivingLocationId(),
                    lot, expiry, l.serials() == null || l.serials().isEmpty() ? null : l.serials(),
                    unitCost(line, po.getCurrency()), null));
        }
        if (receiptLines.isEmpty()) {
            throw new ProblemException.InvalidInput("lines", "receive at least one line with a quantity above 0");
        }
        UUID id = UUID.randomUUID();
        String number = numbers.next("GR");
        DocumentView doc = postings.post(new PostingCommand(MovementType.GOODS_RECEIPT.code(), null, po.getNumber(),
                "Goods receipt " + number + " of " + asn.number(), posting), "goods-receipt/" + id).document();
        jdbc.update("insert into goods_receipt (id, number, purchase_order_id, asn_id, receiving_location_id, "
                + "stock_document_id, received_by, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)", id, number, po.getId(),
                asn.id(), cmd.receivingLocationId(), doc.id(), actor, Timestamp.from(clock.instant()));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < receiptLines.size(); i++) {
            Object[] r = receiptLines.get(i);
            PurchaseOrderLine line = (PurchaseOrderLine) r[0];
            ShippingNoticeLineView asnLine = (ShippingNoticeLineView) r[1];
            GoodsReceiptLineCommand l = (GoodsReceiptLineCommand) r[2];
            rows.add(new Object[] {UUID.randomUUID(), id, i + 1, line.getId(), asnLine.id(), line.getItemId(),
                    l.quantity(), r[3], r[4] == null ? null : Date.valueOf((LocalDate) r[4]),
                    l.serials() == null || l.serials().isEmpty() ? null : String.join("\n", l.serials())});
            jdbc.update("update advance_shipping_notice_line set received_quantity = received_quantity + ? where id = ?",
                    l.quantity(), asnLine.id());
            line.received(l.quantity());
        }
        jdbc.batchUpdate("insert into goods_receipt_line (id, goods_receipt_id, line_no, purchase_order_line_id, "
                + "asn_line_id, item_id, quantity, lot_number, lot_expiry, serials) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("update advance_shipping_notice set status = 'RECEIVED', received_at = ? where id = ?",
                Timestamp.from(clock.instant()), asn.id());
        String before = po.getStatus().name();
        boolean open = poLines.values().stream().anyMatch(l -> l.openQuantity().signum() > 0);
        po.receivingProgress(open, clock.instant());
        GoodsReceiptView view = queries.receipts("r.id = ?", id).get(0);
        audit.record(actor, "RECEIVED", "GoodsReceipt", id.toString(), null, view);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("purchaseOrderId", po.getId().toString());
        event.put("number", po.getNumber());
        event.put("goodsReceiptId", id.toString());
        event.put("goodsReceiptNumber", number);
        event.put("status", po.getStatus().name());
        businessEvents.publish(EventTypes.GOODS_RECEIVED, "GoodsReceipt", id.toString(), actor, event);
        audit.record(actor, po.getStatus().name(), PurchaseOrderFulfilment.ENTITY, po.getId().toString(),
                Map.of("status", before), Map.of("status", po.getStatus().name(), "goodsReceipt", number));
        process.completeTask(po.getId(), "ReceiveGoods", actor, Map.of());
        if (idempotencyKey != null) {
            idempotency.remember("goods-receipts", idempotencyKey, 201, view);
        }
        return view;
    }

    /** The order price per base unit in EUR (the ledger values stock in EUR per base unit). */
    private BigDecimal unitCost(PurchaseOrderLine line, String currency) {
        BigDecimal priceEur = rates.toEur(line.getUnitPrice(), currency, "currency");
        BigDecimal factor = CatalogueSupplyTerms.factor(masterData.item(line.getItemId()), line.getUnit());
        if (factor == null) {
            throw new IllegalStateException("Unit " + line.getUnit() + " of order line " + line.getId()
                    + " is not a unit of its item");
        }
        return priceEur.divide(factor, 6, RoundingMode.HALF_UP);
    }

    private void checkLocation(UUID locationId, String field, String type, UUID warehouseId) {
        List<Map<String, Object>> loc = jdbc.queryForList("select type, warehouse_id from location where id = ?",
                locationId);
        if (loc.isEmpty() || !type.equals(loc.get(0).get("type"))) {
            throw new ProblemException.InvalidInput(field, "must be a " + type + " location");
        }
        if (warehouseId != null && !warehouseId.equals(loc.get(0).get("warehouse_id"))) {
            throw new ProblemException.InvalidInput(field, "must be in the order's warehouse");
        }
    }

    /** Moves received goods from the receiving location to storage bins (311). */
    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public PurchaseOrderView putAway(UUID purchaseOrderId, @Valid PutAwayCommand cmd, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotency.claim("put-away", idempotencyKey, actor,
                    Map.of("order", purchaseOrderId.toString(), "cmd", cmd), UUID.class);
            if (earlier.isPresent()) {
                return queries.view(orders.findById(earlier.get()).orElseThrow());
            }
        }
        PurchaseOrder po = orders.lockById(purchaseOrderId).orElseThrow(() -> FulfilmentAccess.notFound(purchaseOrderId));
        List<Map<String, Object>> open = jdbc.queryForList("select l.id, l.item_id, l.quantity, l.put_away_quantity, "
                + "l.lot_number, l.serials, r.receiving_location_id, pl.unit from goods_receipt_line l "
                + "join goods_receipt r on r.id = l.goods_receipt_id join purchase_order_line pl on pl.id = l.purchase_order_line_id "
                + "where r.purchase_order_id = ? for update of l", po.getId());
        Map<UUID, Map<String, Object>> byId = open.stream().collect(Collectors.toMap(m -> (UUID) m.get("id"),
                Function.identity()));
        Map<UUID, BigDecimal> asked = new HashMap<>();
        List<PostingLine> posting = new ArrayList<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            PutAwayLineCommand l = cmd.lines().get(i);
            String field = "lines[" + i + "]";
            Map<String, Object> r = byId.get(l.goodsReceiptLineId());
            if (r == null) {
                throw new ProblemException.InvalidInput(field + ".goodsReceiptLineId", "is not a receipt line of order "
                        + po.getNumber());
            }
            checkLocation(l.toLocationId(), field + ".toLocationId", "STORAGE", po.getWarehouseId());
            BigDecimal left = ((BigDecimal) r.get("quantity")).subtract((BigDecimal) r.get("put_away_quantity"));
            BigDecimal total = asked.merge(l.goodsReceiptLineId(), l.quantity(), BigDecimal::add);
            if (total.compareTo(left) > 0) {
                throw new FulfilmentProblems.OverQuantity(field + ".quantity", "only "
                        + PurchaseOrderQueries.strip(left).toPlainString() + " of this receipt line is left in receiving");
            }
            String serials = (String) r.get("serials");
            posting.add(new PostingLine((UUID) r.get("item_id"), l.quantity(), (String) r.get("unit"),
                    (UUID) r.get("receiving_location_id"), l.toLocationId(), (String) r.get("lot_number"), null,
                    serials == null ? null : List.of(serials.split("\n")), null, null));
        }
        UUID id = UUID.randomUUID();
        String number = numbers.next("PA");
        DocumentView doc = postings.post(new PostingCommand(MovementType.TRANSFER.code(), null, po.getNumber(),
                "Put-away " + number, posting), "put-away/" + id).document();
        jdbc.update("insert into put_away (id, number, purchase_order_id, stock_document_id, put_away_by, put_away_at) "
                + "values (?, ?, ?, ?, ?, ?)", id, number, po.getId(), doc.id(), actor, Timestamp.from(clock.instant()));
        for (int i = 0; i < cmd.lines().size(); i++) {
            PutAwayLineCommand l = cmd.lines().get(i);
            jdbc.update("insert into put_away_line (id, put_away_id, line_no, goods_receipt_line_id, to_location_id, "
                    + "quantity) values (?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id, i + 1, l.goodsReceiptLineId(),
                    l.toLocationId(), l.quantity());
            jdbc.update("update goods_receipt_line set put_away_quantity = put_away_quantity + ? where id = ?",
                    l.quantity(), l.goodsReceiptLineId());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("stockDocument", doc.number());
        after.put("lines", cmd.lines());
        audit.record(actor, "PUT_AWAY", PurchaseOrderFulfilment.ENTITY, po.getId().toString(), null, after);
        events.publishEvent(new PurchaseOrderGoodsStored(po.getId(), po.getRequisitionId(), po.getWarehouseId()));
        if (!process.putAwayPending(po.getId())) {
            process.completeTask(po.getId(), "PutAway", actor, process.receivingState(po.getId()));
        }
        if (idempotencyKey != null) {
            idempotency.remember("put-away", idempotencyKey, 200, po.getId());
        }
        return queries.view(po);
    }

    /** Sends goods back to the supplier (122 from a location); reduces the lines' net received quantity. */
    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public PurchaseOrderView returnGoods(UUID purchaseOrderId, @Valid ReturnCommand cmd, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        if (idempotencyKey != null) {
            Optional<UUID> earlier = idempotency.claim("supplier-returns", idempotencyKey, actor,
                    Map.of("order", purchaseOrderId.toString(), "cmd", cmd), UUID.class);
            if (earlier.isPresent()) {
                return queries.view(orders.findById(earlier.get()).orElseThrow());
            }
        }
        PurchaseOrder po = orders.lockById(purchaseOrderId).orElseThrow(() -> FulfilmentAccess.notFound(purchaseOrderId));
        if (po.getStatus() == PurchaseOrderStatus.CANCELLED) {
            throw new FulfilmentProblems.OrderState("Order " + po.getNumber() + " is CANCELLED");
        }
        Map<UUID, PurchaseOrderLine> poLines = lines.findByPurchaseOrderIdOrderByLineNo(po.getId()).stream()
                .collect(Collectors.toMap(PurchaseOrderLine::getId, Function.identity()));
        Map<UUID, BigDecimal> asked = new HashMap<>();
        List<PostingLine> posting = new ArrayList<>();
        for (int i = 0; i < cmd.lines().size(); i++) {
            ReturnLineCommand l = cmd.lines().get(i);
            String field = "lines[" + i + "]";
            PurchaseOrderLine line = poLines.get(l.purchaseOrderLineId());
            if (line == null || line.getItemId() == null) {
                throw new ProblemException.InvalidInput(field + ".purchaseOrderLineId", "is not a stock line of order "
                        + po.getNumber());
            }
            BigDecimal total = asked.merge(line.getId(), l.quantity(), BigDecimal::add);
            if (total.compareTo(line.netReceivedQuantity()) > 0) {
                throw new FulfilmentProblems.OverQuantity(field + ".quantity", "line " + line.getLineNo() + " has "
                        + PurchaseOrderQueries.strip(line.netReceivedQuantity()).toPlainString() + " "
                        + line.getUnit() + " received (net of returns)");
            }
            posting.add(new PostingLine(line.getItemId(), l.quantity(), line.getUnit(), l.fromLocationId(), null,
                    ShippingNotices.blankToNull(l.lot()), null, null, null, null));
        }
        UUID id = UUID.randomUUID();
        String number = numbers.next("RT");
        DocumentView doc = postings.post(new PostingCommand(MovementType.RETURN_TO_SUPPLIER.code(), null, po.getNumber(),
                "Return " + number + ": " + cmd.reason().strip(), posting), "supplier-return/" + id).document();
        jdbc.update("insert into supplier_return (id, number, purchase_order_id, stock_document_id, reason, returned_by, "
                + "returned_at) values (?, ?, ?, ?, ?, ?, ?)", id, number, po.getId(), doc.id(), cmd.reason().strip(), actor,
                Timestamp.from(clock.instant()));
        for (int i = 0; i < cmd.lines().size(); i++) {
            ReturnLineCommand l = cmd.lines().get(i);
            jdbc.update("insert into supplier_return_line (id, return_id, line_no, purchase_order_line_id, from_location_id, "
                    + "quantity, lot_number) values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), id, i + 1,
                    l.purchaseOrderLineId(), l.fromLocationId(), l.quantity(), ShippingNotices.blankToNull(l.lot()));
            poLines.get(l.purchaseOrderLineId()).returned(l.quantity());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", number);
        after.put("stockDocument", doc.number());
        after.put("reason", cmd.reason());
        after.put("lines", cmd.lines());
        audit.record(actor, "RETURNED", PurchaseOrderFulfilment.ENTITY, po.getId().toString(), null, after);
        if (idempotencyKey != null) {
            idempotency.remember("supplier-returns", idempotencyKey, 201, po.getId());
        }
        return queries.view(po);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.INTERNAL_READERS)
    public GoodsReceiptView get(UUID id) {
        List<GoodsReceiptView> found = queries.receipts("r.id = ?", id);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("No goods receipt " + id);
        }
        return found.get(0);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.INTERNAL_READERS)
    public PageView<GoodsReceiptView> list(UUID purchaseOrderId, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        String where = purchaseOrderId == null ? "true" : "r.purchase_order_id = ?";
        Object[] args = purchaseOrderId == null ? new Object[0] : new Object[] {purchaseOrderId};
        Long total = jdbc.queryForObject("select count(*) from goods_receipt r where " + where, Long.class, args);
        List<Object> pageArgs = new ArrayList<>(List.of(args));
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        return new PageView<>(queries.receipts("r.id in (select r.id from goods_receipt r where " + where
                + " order by r.received_at desc limit ? offset ?)", pageArgs.toArray()), Math.max(page, 0), limit,
                total == null ? 0 : total);
    }
}
