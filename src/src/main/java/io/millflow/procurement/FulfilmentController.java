package io.millflow.procurement;

import io.millflow.procurement.FulfilmentViews.ConfirmationCommand;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptCommand;
import io.millflow.procurement.FulfilmentViews.GoodsReceiptView;
import io.millflow.procurement.FulfilmentViews.InvoiceCommand;
import io.millflow.procurement.FulfilmentViews.InvoiceDocument;
import io.millflow.procurement.FulfilmentViews.InvoiceView;
import io.millflow.procurement.FulfilmentViews.PaymentCommand;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderSummary;
import io.millflow.procurement.FulfilmentViews.PurchaseOrderView;
import io.millflow.procurement.FulfilmentViews.PutAwayCommand;
import io.millflow.procurement.FulfilmentViews.ReturnCommand;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeCommand;
import io.millflow.procurement.FulfilmentViews.ShippingNoticeView;
import io.millflow.shared.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchase-order fulfilment over REST; the same endpoints serve the supplier portal and suppliers' own systems.
 * Roles: reading orders, notices and invoices: BUYER, MANAGER, FINANCE, WAREHOUSE, ADMIN, and SUPPLIER for their own
 * supplier only (404 otherwise); confirmation, notices, invoice upload: SUPPLIER; receipts, put-away, returns:
 * WAREHOUSE (receipts are read by the internal readers); payment: FINANCE. Others answer 403.
 */
@RestController
@Tag(name = "Purchase order fulfilment")
class FulfilmentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PurchaseOrderQueries queries;
    private final SupplierConfirmations confirmations;
    private final ShippingNotices notices;
    private final GoodsReceipts receipts;
    private final SupplierInvoices invoices;

    FulfilmentController(PurchaseOrderQueries queries, SupplierConfirmations confirmations, ShippingNotices notices,
            GoodsReceipts receipts, SupplierInvoices invoices) {
        this.queries = queries;
        this.confirmations = confirmations;
        this.notices = notices;
        this.receipts = receipts;
        this.invoices = invoices;
    }

    // ---- purchase orders

    @GetMapping("/api/v1/purchase-orders")
    @Operation(summary = "Purchase orders, newest first; a supplier sees only their own sent orders")
    PageView<PurchaseOrderSummary> orders(@RequestParam(required = false) String status,
            @RequestParam(required = false) UUID supplierId, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return queries.list(status, supplierId, q, page, size);
    }

    @GetMapping("/api/v1/purchase-orders/{id}")
    @Operation(summary = "One order with lines, confirmations, reminders, notices, receipts, invoices, matches, returns")
    PurchaseOrderView order(@PathVariable UUID id) {
        return queries.get(id);
    }

    @PostMapping("/api/v1/purchase-orders/{id}/confirmation")
    @Operation(summary = "SUPPLIER: confirm (quantity, promised date) or decline (reason) lines of a SENT order")
    PurchaseOrderView confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmationCommand body) {
        return confirmations.answer(id, body);
    }

    @PostMapping("/api/v1/purchase-orders/{id}/put-away")
    @Operation(summary = "WAREHOUSE: move received goods to storage bins (311); Idempotency-Key honoured")
    PurchaseOrderView putAway(@PathVariable UUID id, @Valid @RequestBody PutAwayCommand body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return receipts.putAway(id, body, key);
    }

    @PostMapping("/api/v1/purchase-orders/{id}/returns")
    @Operation(summary = "WAREHOUSE: return goods to the supplier (122); Idempotency-Key honoured")
    ResponseEntity<PurchaseOrderView> returnGoods(@PathVariable UUID id, @Valid @RequestBody ReturnCommand body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        return ResponseEntity.status(201).body(receipts.returnGoods(id, body, key));
    }

    // ---- advance shipping notices

    @PostMapping("/api/v1/asns")
    @Operation(summary = "SUPPLIER: an advance shipping notice; 422 when a line ships more than open plus tolerance")
    ResponseEntity<ShippingNoticeView> submit(@Valid @RequestBody ShippingNoticeCommand body) {
        ShippingNoticeView n = notices.submit(body);
        return ResponseEntity.created(URI.create("/api/v1/asns/" + n.id())).body(n);
    }

    @GetMapping("/api/v1/asns")
    @Operation(summary = "Shipping notices, newest first; filters purchaseOrderId, status")
    PageView<ShippingNoticeView> notices(@RequestParam(required = false) UUID purchaseOrderId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return notices.list(purchaseOrderId, status, page, size);
    }

    @GetMapping("/api/v1/asns/{id}")
    @Operation(summary = "One shipping notice")
    ShippingNoticeView notice(@PathVariable UUID id) {
        return notices.get(id);
    }

    // ---- goods receipts

    @PostMapping("/api/v1/goods-receipts")
    @Operation(summary = "WAREHOUSE: receive a shipping notice (101 into a RECEIVING location); 409 for a closed or "
            + "cancelled order; Idempotency-Key honoured")
    ResponseEntity<GoodsReceiptView> receive(@Valid @RequestBody GoodsReceiptCommand body,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
        GoodsReceiptView r = receipts.receive(body, key);
        return ResponseEntity.created(URI.create("/api/v1/goods-receipts/" + r.id())).body(r);
    }

    @GetMapping("/api/v1/goods-receipts")
    @Operation(summary = "Goods receipts, newest first; filter purchaseOrderId")
    PageView<GoodsReceiptView> receipts(@RequestParam(required = false) UUID purchaseOrderId,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return receipts.list(purchaseOrderId, page, size);
    }

    @GetMapping("/api/v1/goods-receipts/{id}")
    @Operation(summary = "One goods receipt")
    GoodsReceiptView receipt(@PathVariable UUID id) {
        return receipts.get(id);
    }

    // ---- supplier invoices

    @PostMapping("/api/v1/supplier-invoices")
    @Operation(summary = "SUPPLIER: upload an invoice with its PDF (base64); 422 in another currency than the order's")
    ResponseEntity<InvoiceView> upload(@Valid @RequestBody InvoiceCommand body) {
        InvoiceView i = invoices.upload(body);
        return ResponseEntity.created(URI.create("/api/v1/supplier-invoices/" + i.id())).body(i);
    }

    @GetMapping("/api/v1/supplier-invoices")
    @Operation(summary = "Invoices with payment status, newest first; filters purchaseOrderId, status")
    PageView<InvoiceView> invoices(@RequestParam(required = false) UUID purchaseOrderId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return invoices.list(purchaseOrderId, status, page, size);
    }

    @GetMapping("/api/v1/supplier-invoices/{id}")
    @Operation(summary = "One invoice with its lines and payment status")
    InvoiceView invoice(@PathVariable UUID id) {
        return invoices.get(id);
    }

    @GetMapping("/api/v1/supplier-invoices/{id}/file")
    @Operation(summary = "The invoice's PDF")
    ResponseEntity<byte[]> file(@PathVariable UUID id) {
        InvoiceDocument doc = invoices.file(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(doc.fileName())
                        .build().toString())
                .body(doc.content());
    }

    @PostMapping("/api/v1/supplier-invoices/{id}/payment")
    @Operation(summary = "FINANCE: mark a MATCHED or ACCEPTED invoice paid")
    InvoiceView pay(@PathVariable UUID id, @Valid @RequestBody PaymentCommand body) {
        return invoices.markPaid(id, body);
    }
}
