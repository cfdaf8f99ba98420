package io.millflow.ims;

import io.millflow.audit.AuditService;
import io.millflow.ims.StockPostings.Posted;
import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.ims.TransferViews.TransferCommand;
import io.millflow.ims.TransferViews.TransferLineCommand;
import io.millflow.ims.TransferViews.TransferLineView;
import io.millflow.ims.TransferViews.TransferView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.Idempotency;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import jakarta.validation.Valid;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Transfers (pickings): several lines moving stock between shelves, DRAFT → READY → DONE, or CANCELLED. Lines
 * are checked like a 311 posting when the transfer is saved and again when it is done; DONE posts the 311
 * document. Roles: WAREHOUSE creates and works transfers; the stock readers read them.
 */
@Service
@Validated
public class Transfers {

    private final JdbcTemplate jdbc;
    private final StockLedger ledger;
    private final DocumentNumbers numbers;
    private final AuditService audit;
    private final Idempotency idempotency;
    private final TransactionTemplate tx;
    private final Clock clock;

    Transfers(JdbcTemplate jdbc, StockLedger ledger, DocumentNumbers numbers, AuditService audit, Idempotency idempotency,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.numbers = numbers;
        this.audit = audit;
        this.idempotency = idempotency;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public TransferView create(@Valid TransferCommand cmd) {
        String actor = CurrentUser.get().username();
        check(cmd.lines());
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        String number = numbers.next("TR");
        jdbc.update("insert into transfer (id, number, status, reference, note, scheduled_for, created_by, created_at, "
                + "updated_at, version) values (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, 0)", id, number, cmd.reference(), cmd.note(),
                cmd.scheduledFor() == null ? null : Date.valueOf(cmd.scheduledFor()), actor, now, now);
        insertLines(id, cmd.lines());
        TransferView view = view(id);
        audit.record(actor, "CREATED", "Transfer", id.toString(), null, view);
        return view;
    }

    /** Replaces the lines of a DRAFT transfer. */
    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public TransferView update(UUID id, @Valid TransferCommand cmd) {
        TransferView before = lock(id, "DRAFT");
        check(cmd.lines());
        jdbc.update("delete from transfer_line where transfer_id = ?", id);
        insertLines(id, cmd.lines());
        jdbc.update("update transfer set reference = ?, note = ?, scheduled_for = ?, updated_at = ?, version = version + 1 "
                + "where id = ?", cmd.reference(), cmd.note(), cmd.scheduledFor() == null ? null : Date.valueOf(cmd.scheduledFor()),
                Timestamp.from(clock.instant()), id);
        TransferView after = view(id);
        audit.record(CurrentUser.get().username(), "UPDATED", "Transfer", id.toString(), before, after);
        return after;
    }

    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public TransferView ready(UUID id) {
        TransferView before = lock(id, "DRAFT");
        check(before.lines().stream().map(Transfers::command).toList());
        return setStatus(before, "READY");
    }

    @Transactional
    @PreAuthorize("hasRole('WAREHOUSE')")
    public TransferView cancel(UUID id) {
        TransferView before = lock(id, "DRAFT", "READY");
        return setStatus(before, "CANCELLED");
    }

    /** Posts the transfer's 311 document and marks it DONE (all or nothing). */
    @PreAuthorize("hasRole('WAREHOUSE')")
    public Posted done(UUID id, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        return tx.execute(status -> {
            if (idempotencyKey != null) {
                Optional<DocumentView> earlier = idempotency.claim("transfers/done", idempotencyKey, actor,
                        Map.of("transfer", id.toString()), DocumentView.class);
                if (earlier.isPresent()) {
                    return new Posted(earlier.get(), true);
                }
            }
            TransferView before = lock(id, "DRAFT", "READY");
            List<PostingLine> lines = before.lines().stream().map(l -> new PostingLine(l.itemId(), l.quantity(), l.unit(),
                    l.fromLocationId(), l.toLocationId(), l.lot(), null, l.serials().isEmpty() ? null : l.serials(), null,
                    null)).toList();
            DocumentView doc = ledger.post(new PostingCommand(MovementType.TRANSFER.code(), null,
                    before.reference() == null ? before.number() : before.reference(), "Transfer " + before.number(), lines),
                    actor, false);
            jdbc.update("update transfer set document_id = ? where id = ?", doc.id(), id);
            setStatus(before, "DONE");
            if (idempotencyKey != null) {
                idempotency.remember("transfers/done", idempotencyKey, 200, doc);
            }
            return new Posted(doc, false);
        });
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public TransferView get(UUID id) {
        return view(id);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public PageView<TransferView> list(String status, String text, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            if (!List.of("DRAFT", "READY", "DONE", "CANCELLED").contains(status)) {
                throw new ProblemException.InvalidInput("status", "must be DRAFT, READY, DONE or CANCELLED");
            }
            where.append(" and status = ?");
            args.add(status);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (number like ? or reference like ?)");
            args.add("%" + text.strip() + "%");
            args.add("%" + text.strip() + "%");
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<UUID> ids = jdbc.query("select id from transfer" + where + " order by created_at desc limit ? offset ?",
                (rs, n) -> rs.getObject(1, UUID.class), pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from transfer" + where, Long.class, args.toArray());
        return new PageView<>(ids.stream().map(this::view).toList(), Math.max(page, 0), limit, total == null ? 0 : total);
    }

    // ----

    private void check(List<TransferLineCommand> lines) {
        // the same checks as the posting, without posting: units, locations, lots, serial counts
        ledger.validate(new PostingCommand(MovementType.TRANSFER.code(), null, null, null, lines.stream()
                .map(l -> new PostingLine(l.itemId(), l.quantity(), l.unit(), l.fromLocationId(), l.toLocationId(), l.lot(),
                        null, l.serials(), null, null)).toList()));
    }

    private void insertLines(UUID id, List<TransferLineCommand> lines) {
        Map<UUID, StockLedger.ItemRow> items = ledger.loadItems(lines.stream().map(TransferLineCommand::itemId).toList());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            TransferLineCommand l = lines.get(i);
            StockLedger.ItemRow item = items.get(l.itemId());
            String unit = l.unit() == null || l.unit().isBlank() ? item.baseUnit() : l.unit();
            java.math.BigDecimal factor = unit.equals(item.baseUnit()) ? java.math.BigDecimal.ONE : item.units().get(unit);
            rows.add(new Object[] {UUID.randomUUID(), id, i + 1, l.itemId(), l.quantity(), unit, l.quantity().multiply(factor),
                    l.fromLocationId(), l.toLocationId(), l.lot() == null || l.lot().isBlank() ? null : l.lot().strip(),
                    l.serials() == null || l.serials().isEmpty() ? null : String.join("\n", l.serials())});
        }
        jdbc.batchUpdate("insert into transfer_line (id, transfer_id, line_no, item_id, quantity, unit, base_quantity, "
                + "from_location_id, to_location_id, lot_number, serials) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private TransferView lock(UUID id, String... allowed) {
        String status = jdbc.query("select status from transfer where id = ? for update",
                rs -> rs.next() ? rs.getString(1) : null, id);
        if (status == null) {
            throw new ProblemException.NotFound("No transfer " + id);
        }
        if (!Arrays.asList(allowed).contains(status)) {
            throw new ProblemException.Conflict("Transfer is " + status + "; this step needs " + String.join(" or ", allowed));
        }
        return view(id);
    }

    private TransferView setStatus(TransferView before, String status) {
        jdbc.update("update transfer set status = ?, updated_at = ?, version = version + 1 where id = ?", status,
                Timestamp.from(clock.instant()), before.id());
        TransferView after = view(before.id());
        audit.record(CurrentUser.get().username(), status, "Transfer", before.id().toString(),
                Map.of("status", before.status()), Map.of("status", status));
        return after;
    }

    private static TransferLineCommand command(TransferLineView l) {
        return new TransferLineCommand(l.itemId(), l.quantity(), l.unit(), l.fromLocationId(), l.toLocationId(), l.lot(),
                l.serials());
    }

    private TransferView view(UUID id) {
        List<TransferLineView> lines = jdbc.query("select tl.line_no, tl.item_id, i.sku, tl.quantity, tl.unit, tl.base_quantity, "
                + "tl.from_location_id, fl.code, tl.to_location_id, tlo.code, tl.lot_number, tl.serials from transfer_line tl "
                + "join item i on i.id = tl.item_id join location fl on fl.id = tl.from_location_id "
                + "join location tlo on tlo.id = tl.to_location_id where tl.transfer_id = ? order by tl.line_no",
                (rs, n) -> new TransferLineView(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3),
                        StockQueries.strip(rs.getBigDecimal(4)), rs.getString(5), StockQueries.strip(rs.getBigDecimal(6)),
                        rs.getObject(7, UUID.class), rs.getString(8), rs.getObject(9, UUID.class), rs.getString(10),
                        rs.getString(11), rs.getString(12) == null ? List.of() : List.of(rs.getString(12).split("\n"))), id);
        List<TransferView> list = jdbc.query("select id, number, status, reference, note, scheduled_for, document_id, created_by, "
                + "created_at, updated_at, version from transfer where id = ?", (rs, n) -> new TransferView(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getObject(7, UUID.class),
                        rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(), rs.getLong(11),
                        lines), id);
        if (list.isEmpty()) {
            throw new ProblemException.NotFound("No transfer " + id);
        }
        return list.get(0);
    }
}
