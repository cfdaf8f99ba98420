package io.millflow.procurement;

import io.millflow.audit.AuditService;
import io.millflow.processes.Messages;
import io.millflow.processes.Variables;
import io.millflow.procurement.FulfilmentViews.InvoiceCommand;
import io.millflow.procurement.FulfilmentViews.InvoiceDocument;
import io.millflow.procurement.FulfilmentViews.InvoiceLineCommand;
import io.millflow.procurement.FulfilmentViews.InvoiceView;
import io.millflow.procurement.FulfilmentViews.PaymentCommand;
import io.millflow.security.CurrentUser;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Supplier invoices: uploaded by the supplier (number unique per supplier, the order's currency, lines against order
 * lines, a PDF of at most 5 MB kept apart from the row), matched three ways by the process, accepted or rejected by a
 * buyer on a mismatch, paid by finance. Roles: SUPPLIER uploads for their own orders and reads their own invoices
 * with the payment status; BUYER, MANAGER, FINANCE, WAREHOUSE, ADMIN read all; FINANCE marks them paid.
 */
@Service
@Validated
public class SupplierInvoices {

    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    static final String ENTITY = "SupplierInvoice";

    private final FulfilmentAccess access;
    private final PurchaseOrderRepository orders;
    private final PurchaseOrderLineRepository lines;
    private final SupplierRepository suppliers;
    private final PurchaseOrderQueries queries;
    private final PurchaseOrderProcess process;
    private final Tolerances tolerances;
    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final Clock clock;

    SupplierInvoices(FulfilmentAccess access, PurchaseOrderRepository orders, PurchaseOrderLineRepository lines,
            SupplierRepository suppliers, PurchaseOrderQueries queries, PurchaseOrderProcess process,
            Tolerances tolerances, JdbcTemplate jdbc, AuditService audit, Clock clock) {
        this.access = access;
        this.orders = orders;
        this.lines = lines;
        this.suppliers = suppliers;
        this.queries = queries;
        this.process = process;
        this.tolerances = tolerances;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('SUPPLIER')")
    public InvoiceView upload(@Valid InvoiceCommand cmd) {
        String actor = CurrentUser.get().username();
        access.requireSupplier();
        PurchaseOrder po = access.lockedOrder(cmd.purchaseOrderId());
        if (po.getStatus() == PurchaseOrderStatus.SENT || po.getStatus() == PurchaseOrderStatus.CLOSED
                || po.getStatus() == PurchaseOrderStatus.CANCELLED) {
            throw new FulfilmentProblems.OrderState("Order " + po.getNumber() + " is " + po.getStatus()
                    + "; invoices are for confirmed orders that are not closed");
        }
        if (!cmd.currency().equals(po.getCurrency())) {
            throw new FulfilmentProblems.CurrencyMismatch("The invoice is in " + cmd.currency() + " but order "
                    + po.getNumber() + " is in " + po.getCurrency());
        }
        String invoiceNumber = cmd.invoiceNumber().strip();
        Integer duplicate = jdbc.queryForObject("select count(*) from supplier_invoice where supplier_id = ? "
                + "and invoice_number = ?", Integer.class, po.getSupplierId(), invoiceNumber);
        if (duplicate != null && duplicate > 0) {
            throw new FulfilmentProblems.DuplicateInvoice("Invoice number " + invoiceNumber + " was sent already");
        }
        Map<UUID, PurchaseOrderLine> byId = lines.findByPurchaseOrderIdOrderByLineNo(po.getId()).stream()
                .collect(Collectors.toMap(PurchaseOrderLine::getId, Function.identity()));
        BigDecimal net = BigDecimal.ZERO;
        List<Object[]> lineRows = new ArrayList<>();
        UUID id = UUID.randomUUID();
        for (int i = 0; i < cmd.lines().size(); i++) {
            InvoiceLineCommand l = cmd.lines().get(i);
            PurchaseOrderLine line = byId.get(l.purchaseOrderLineId());
            if (line == null || line.isCancelled()) {
                throw new ProblemException.InvalidInput("lines[" + i + "].purchaseOrderLineId", "is not a line of order "
                        + po.getNumber());
            }
            BigDecimal amount = l.quantity().multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_UP);
            net = net.add(amount);
            lineRows.add(new Object[] {UUID.randomUUID(), id, i + 1, line.getId(), l.quantity(), l.unitPrice(), amount});
        }
        byte[] pdf = pdf(cmd.file());
        BigDecimal tax = cmd.taxAmount() == null ? BigDecimal.ZERO.setScale(2) : cmd.taxAmount().setScale(2);
        int paymentDays = suppliers.findById(po.getSupplierId()).map(Supplier::getPaymentDays).orElse(30);
        jdbc.update("insert into supplier_invoice (id, purchase_order_id, supplier_id, invoice_number, invoice_date, due_date, "
                + "currency, net_amount, tax_amount, total_amount, status, submitted_by, submitted_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)", id, po.getId(), po.getSupplierId(), invoiceNumber,
                Date.valueOf(cmd.invoiceDate()), Date.valueOf(cmd.invoiceDate().plusDays(paymentDays)), cmd.currency(),
                net, tax, net.add(tax), actor, Timestamp.from(clock.instant()));
        jdbc.batchUpdate("insert into supplier_invoice_line (id, invoice_id, line_no, purchase_order_line_id, quantity, "
                + "unit_price, line_amount) values (?, ?, ?, ?, ?, ?, ?)", lineRows);
        jdbc.update("insert into supplier_invoice_file (invoice_id, file_name, content_type, size_bytes, sha256, content) "
                + "values (?, ?, ?, ?, ?, ?)", id, cmd.file().name().strip(), "application/pdf", pdf.length, sha256(pdf), pdf);
        InvoiceView view = invoice(id);
        audit.record(actor, "RECEIVED", ENTITY, id.toString(), null, view);
        process.correlate(po.getId(), Messages.SUPPLIER_INVOICE_RECEIVED, Map.of(Variables.INVOICE_ID, id.toString()));
        return view;
    }

    private static byte[] pdf(FulfilmentViews.InvoiceFile file) {
        if (!"application/pdf".equals(file.contentType())) {
            throw new ProblemException.InvalidInput("file.contentType", "must be application/pdf");
        }
        // base64 of 5 MB is about 6.7 million characters: refuse larger before decoding
        if (file.contentBase64().length() > (MAX_FILE_BYTES / 3 + 1) * 4 + 4) {
            throw new ProblemException.InvalidInput("file.contentBase64", "is larger than " + MAX_FILE_BYTES + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(file.contentBase64());
        } catch (IllegalArgumentException e) {
            throw new ProblemException.InvalidInput("file.contentBase64", "is not base64");
        }
        if (bytes.length == 0 || bytes.length > MAX_FILE_BYTES) {
            throw new ProblemException.InvalidInput("file.contentBase64", "must hold 1 to " + MAX_FILE_BYTES + " bytes");
        }
        if (bytes.length < 5 || !new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new ProblemException.InvalidInput("file.contentBase64", "is not a PDF document");
        }
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.READERS)
    public InvoiceView get(UUID id) {
        InvoiceView v = invoiceOrNull(id);
        if (v == null || !mayRead(v)) {
            throw new ProblemException.NotFound("No invoice " + id);
        }
        return v;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.READERS)
    public InvoiceDocument file(UUID id) {
        get(id);
        List<InvoiceDocument> found = jdbc.query("select file_name, content_type, content from supplier_invoice_file "
                + "where invoice_id = ?", (rs, n) -> new InvoiceDocument(rs.getString(1), rs.getString(2),
                        rs.getBytes(3)), id);
        if (found.isEmpty()) {
            throw new ProblemException.NotFound("Invoice " + id + " has no file");
        }
        return found.get(0);
    }

    /** Newest first; filters: order, status. A supplier sees only their own. */
    @Transactional(readOnly = true)
    @PreAuthorize(FulfilmentAccess.READERS)
    public PageView<InvoiceView> list(UUID purchaseOrderId, String status, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder("true");
        List<Object> args = new ArrayList<>();
        Optional<UUID> scope = access.supplierFilter();
        if (scope.isPresent()) {
            where.append(" and i.supplier_id = ?");
            args.add(scope.get());
        }
        if (purchaseOrderId != null) {
            where.append(" and i.purchase_order_id = ?");
            args.add(purchaseOrderId);
        }
        if (status != null && !status.isBlank()) {
            if (!List.of("RECEIVED", "MATCHED", "MISMATCH", "ACCEPTED", "REJECTED", "PAID").contains(status)) {
                throw new ProblemException.InvalidInput("status", "must be RECEIVED, MATCHED, MISMATCH, ACCEPTED, "
                        + "REJECTED or PAID");
            }
            where.append(" and i.status = ?");
            args.add(status);
        }
        Long total = jdbc.queryForObject("select count(*) from supplier_invoice i where " + where, Long.class,
                args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        return new PageView<>(queries.invoices("i.id in (select i.id from supplier_invoice i where " + where
                + " order by i.submitted_at desc limit ? offset ?)", pageArgs.toArray()), Math.max(page, 0), limit,
                total == null ? 0 : total);
    }

    /** Finance paid a matched or accepted invoice. */
    @Transactional
    @PreAuthorize("hasRole('FINANCE')")
    public InvoiceView markPaid(UUID id, @Valid PaymentCommand cmd) {
        String actor = CurrentUser.get().username();
        String status = lockStatus(id);
        if (!"MATCHED".equals(status) && !"ACCEPTED".equals(status)) {
            throw new ProblemException.Conflict("Invoice is " + status + "; only MATCHED or ACCEPTED invoices are paid");
        }
        jdbc.update("update supplier_invoice set status = 'PAID', paid_at = ?, paid_by = ?, payment_reference = ?, "
                + "version = version + 1 where id = ?", Timestamp.from(clock.instant()), actor, cmd.paymentReference().strip(),
                id);
        audit.record(actor, "PAID", ENTITY, id.toString(), Map.of("status", status),
                Map.of("status", "PAID", "paymentReference", cmd.paymentReference().strip()));
        return invoice(id);
    }

    /**
     * {@code procurement.matchInvoice}: matches the oldest RECEIVED invoice of the order three ways and returns
     * whether it is within tolerance. A retry after the match was recorded returns the recorded result.
     */
    @Transactional
    public boolean match(UUID poId) {
        PurchaseOrder po = orders.lockById(poId).orElseThrow(() -> FulfilmentAccess.notFound(poId));
        List<UUID> waiting = jdbc.queryForList("select id from supplier_invoice where purchase_order_id = ? "
                + "and status = 'RECEIVED' order by submitted_at, invoice_number limit 1 for update", UUID.class, poId);
        if (waiting.isEmpty()) {
            List<Boolean> last = jdbc.queryForList("select matched from invoice_match where purchase_order_id = ? "
                    + "order by matched_at desc limit 1", Boolean.class, poId);
            if (last.isEmpty()) {
                throw new IllegalStateException("Order " + po.getNumber() + " has no invoice to match");
            }
            return last.get(0);
        }
        UUID invoiceId = waiting.get(0);
        Map<UUID, BigDecimal[]> invoiced = new HashMap<>(); // quantity, amount
        jdbc.query("select purchase_order_line_id, sum(quantity), sum(line_amount) from supplier_invoice_line "
                + "where invoice_id = ? group by purchase_order_line_id", rs -> {
                    invoiced.put(rs.getObject(1, UUID.class), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
                }, invoiceId);
        UUID matchId = UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (PurchaseOrderLine line : lines.findByPurchaseOrderIdOrderByLineNo(poId)) {
            BigDecimal[] inv = invoiced.get(line.getId());
            if (line.isCancelled() && inv == null) {
                continue;
            }
            BigDecimal received = line.netReceivedQuantity().subtract(line.getInvoicedQuantity());
            BigDecimal invQty = inv == null ? BigDecimal.ZERO : inv[0];
            BigDecimal invPrice = inv == null || inv[0].signum() == 0 ? null
                    : inv[1].divide(inv[0], 4, RoundingMode.HALF_UP);
            Tolerances.Match tol = tolerances.match(line.getLineAmount());
            BigDecimal qtyAllowed = received.abs().multiply(tol.quantityPercent()).divide(BigDecimal.valueOf(100), 3,
                    RoundingMode.DOWN);
            boolean qtyOk = invQty.subtract(received).abs().compareTo(qtyAllowed) <= 0;
            BigDecimal priceAllowed = line.getUnitPrice().multiply(tol.pricePercent()).divide(BigDecimal.valueOf(100), 4,
                    RoundingMode.DOWN);
            boolean priceOk = invPrice == null || invPrice.subtract(line.getUnitPrice()).abs().compareTo(priceAllowed) <= 0;
            if (!qtyOk) {
                problems.add("line " + line.getLineNo() + ": invoiced " + PurchaseOrderQueries.strip(invQty).toPlainString()
                        + ", received " + PurchaseOrderQueries.strip(received).toPlainString());
            }
            if (!priceOk) {
                problems.add("line " + line.getLineNo() + ": price " + invPrice.stripTrailingZeros().toPlainString()
                        + ", ordered at " + line.getUnitPrice().stripTrailingZeros().toPlainString());
            }
            rows.add(new Object[] {UUID.randomUUID(), matchId, line.getId(), line.expectedQuantity(), received, invQty,
                    line.getUnitPrice(), invPrice, tol.pricePercent(), tol.quantityPercent(), qtyOk, priceOk});
        }
        boolean matched = problems.isEmpty();
        String summary = matched ? "Order, receipt and invoice agree within tolerance"
                : String.join("; ", problems);
        if (summary.length() > 2000) {
            summary = summary.substring(0, 1997) + "...";
        }
        jdbc.update("insert into invoice_match (id, invoice_id, purchase_order_id, matched, summary, matched_at) "
                + "values (?, ?, ?, ?, ?, ?)", matchId, invoiceId, poId, matched, summary, Timestamp.from(clock.instant()));
        jdbc.batchUpdate("insert into invoice_match_line (id, match_id, purchase_order_line_id, ordered_quantity, "
                + "received_quantity, invoiced_quantity, order_price, invoice_price, price_tolerance_percent, "
                + "quantity_tolerance_percent, quantity_ok, price_ok) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        setStatus(invoiceId, matched ? "MATCHED" : "MISMATCH", "system", null);
        if (matched) {
            book(invoiceId, poId);
        }
        return matched;
    }

    /** A buyer's decision on a mismatched invoice; returns whether another invoice waits to be matched. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean decideMismatch(UUID poId, boolean accept, String comment, String actor) {
        List<UUID> mismatched = jdbc.queryForList("select id from supplier_invoice where purchase_order_id = ? "
                + "and status = 'MISMATCH' order by submitted_at desc limit 1 for update", UUID.class, poId);
        if (mismatched.isEmpty()) {
            throw new ProblemException.Conflict("Order " + poId + " has no mismatched invoice");
        }
        if (!accept && (comment == null || comment.isBlank())) {
            throw new ProblemException.InvalidInput("comment", "is required to reject an invoice");
        }
        UUID invoiceId = mismatched.get(0);
        setStatus(invoiceId, accept ? "ACCEPTED" : "REJECTED", actor, comment);
        if (accept) {
            book(invoiceId, poId);
        }
        return process.invoicePending(poId);
    }

    /** The invoiced quantities of an accepted or matched invoice count on the order lines. */
    private void book(UUID invoiceId, UUID poId) {
        Map<UUID, PurchaseOrderLine> byId = lines.findByPurchaseOrderIdOrderByLineNo(poId).stream()
                .collect(Collectors.toMap(PurchaseOrderLine::getId, Function.identity()));
        jdbc.query("select purchase_order_line_id, sum(quantity) from supplier_invoice_line where invoice_id = ? "
                + "group by purchase_order_line_id", rs -> {
                    byId.get(rs.getObject(1, UUID.class)).invoiced(rs.getBigDecimal(2));
                }, invoiceId);
    }

    private void setStatus(UUID invoiceId, String status, String actor, String comment) {
        String before = lockStatus(invoiceId);
        jdbc.update("update supplier_invoice set status = ?, decided_by = ?, decision_comment = ?, version = version + 1 "
                + "where id = ?", status, actor, comment, invoiceId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", status);
        after.put("comment", comment);
        audit.record(actor, status, ENTITY, invoiceId.toString(), Map.of("status", before), after);
    }

    private String lockStatus(UUID id) {
        List<String> status = jdbc.queryForList("select status from supplier_invoice where id = ? for update", String.class,
                id);
        if (status.isEmpty()) {
            throw new ProblemException.NotFound("No invoice " + id);
        }
        return status.get(0);
    }

    private boolean mayRead(InvoiceView v) {
        Optional<UUID> scope = access.supplierFilter();
        return scope.isEmpty() || scope.get().equals(v.supplierId());
    }

    private InvoiceView invoiceOrNull(UUID id) {
        List<InvoiceView> found = queries.invoices("i.id = ?", id);
        return found.isEmpty() ? null : found.get(0);
    }

    private InvoiceView invoice(UUID id) {
        return queries.invoices("i.id = ?", id).get(0);
    }
}
