package io.millflow.ims;

import io.millflow.audit.AuditService;
import io.millflow.ims.ReservationViews.AllocationView;
import io.millflow.ims.ReservationViews.ConsumptionCommand;
import io.millflow.ims.ReservationViews.PurposeType;
import io.millflow.ims.ReservationViews.ReservationCommand;
import io.millflow.ims.ReservationViews.ReservationView;
import io.millflow.ims.StockPostings.Posted;
import io.millflow.ims.StockProblems.InsufficientStock;
import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.security.CurrentUser;
import io.millflow.shared.Idempotency;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Reservations hold stock for a project, task, order or cost centre: they lower what is available, not what
 * is on hand. Stock is taken from quants in shelves that may be reserved (storage, receiving, shipping), the
 * lot that expires first first, never from expired lots. Roles: WAREHOUSE and MANAGER reserve, release and
 * consume; the stock readers read.
 */
@Service
@Validated
public class Reservations {

    private final JdbcTemplate jdbc;
    private final StockLedger ledger;
    private final StockEvents events;
    private final AuditService audit;
    private final Idempotency idempotency;
    private final TransactionTemplate tx;
    private final Clock clock;

    Reservations(JdbcTemplate jdbc, StockLedger ledger, StockEvents events, AuditService audit, Idempotency idempotency,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.events = events;
        this.audit = audit;
        this.idempotency = idempotency;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    private record Candidate(UUID quantId, UUID locationId, String locationCode, UUID lotId, String lot,
            LocalDate expiry, BigDecimal available) {
    }

    @PreAuthorize("hasAnyRole('WAREHOUSE','MANAGER')")
    public ReservationView reserve(@Valid ReservationCommand cmd, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        return retry(() -> tx.execute(status -> {
            if (idempotencyKey != null) {
                Optional<ReservationView> earlier = idempotency.claim("reservations", idempotencyKey, actor, cmd,
                        ReservationView.class);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            ReservationView view = reserveNow(cmd, actor);
            if (idempotencyKey != null) {
                idempotency.remember("reservations", idempotencyKey, 201, view);
            }
            return view;
        }));
    }

    /**
     * Reserves as much of {@code cmd.quantity()} as is available now (all of it when enough is), for services whose
     * callers were authorised already (process workers); empty when nothing is available. Joins the caller's
     * transaction. The reservation, its audit record and the stock event are the same as {@link #reserve}'s.
     */
    public Optional<ReservationView> reserveAvailable(@Valid ReservationCommand cmd, String actor) {
        return Optional.ofNullable(tx.execute(status -> reserveNow(cmd, actor, true)));
    }

    /** {@link #release} for services whose callers were authorised already (process workers); joins their transaction. */
    public ReservationView releaseAs(UUID id, String actor) {
        return tx.execute(status -> releaseNow(id, actor));
    }

    /**
     * {@link #consume} for services whose callers were authorised already (process workers); joins their transaction.
     * Answers the issue document with the quantity and the ledger value it took.
     */
    public ReservationViews.Issued consumeAs(UUID id, @Valid ConsumptionCommand cmd, String actor) {
        return tx.execute(status -> {
            DocumentView doc = consumeNow(id, cmd, actor).document();
            Map<String, Object> sums = jdbc.queryForMap("select coalesce(sum(quantity), 0) as quantity, "
                    + "coalesce(sum(value), 0) as value from stock_move where document_id = ?", doc.id());
            return new ReservationViews.Issued(doc, StockQueries.strip((BigDecimal) sums.get("quantity")),
                    (BigDecimal) sums.get("value"));
        });
    }

    private ReservationView reserveNow(ReservationCommand cmd, String actor) {
        return reserveNow(cmd, actor, false);
    }

    private ReservationView reserveNow(ReservationCommand cmd, String actor, boolean partial) {
        StockLedger.ItemRow item = ledger.loadItems(List.of(cmd.itemId())).get(cmd.itemId());
        if (item == null) {
            throw new InvalidInput("itemId", "is not a known item");
        }
        if (!item.active()) {
            throw new InvalidInput("itemId", "item " + item.sku() + " is inactive");
        }
        if (item.tracking() == Tracking.SERIAL && cmd.quantity().stripTrailingZeros().scale() > 0) {
            throw new InvalidInput("quantity", "must be a whole number for serial-tracked item " + item.sku());
        }
        if (cmd.quantity().stripTrailingZeros().scale() > item.decimals()) {
            throw new InvalidInput("quantity", "has more decimals than unit " + item.baseUnit() + " allows");
        }
        Boolean warehouseActive = jdbc.query("select active from warehouse where id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, cmd.warehouseId());
        if (warehouseActive == null) {
            throw new InvalidInput("warehouseId", "is not a known warehouse");
        }
        if (!warehouseActive) {
            throw new InvalidInput("warehouseId", "is an inactive warehouse");
        }
        UUID lotId = null;
        if (cmd.lot() != null && !cmd.lot().isBlank()) {
            if (item.tracking() != Tracking.LOT) {
                throw new InvalidInput("lot", "must be empty: item " + item.sku() + " is not lot-tracked");
            }
            lotId = jdbc.query("select id from lot where item_id = ? and number = ?",
                    rs -> rs.next() ? rs.getObject(1, UUID.class) : null, item.id(), cmd.lot().strip());
            if (lotId == null) {
                throw new InvalidInput("lot", "is not a known lot of item " + item.sku());
            }
        }
        LocalDate today = LocalDate.now(clock);
        List<Candidate> candidates = jdbc.query("select q.id, q.location_id, l.code, q.lot_id, lt.number, lt.expiry_date, "
                + "q.quantity - q.reserved from quant q join location l on l.id = q.location_id "
                + "left join lot lt on lt.id = q.lot_id where q.item_id = ? and l.warehouse_id = ? "
                + "and l.type in ('STORAGE', 'RECEIVING', 'SHIPPING') and l.active "
                + "order by q.item_id, q.location_id, q.lot_key for update of q", (rs, n) -> new Candidate(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(),
                        rs.getBigDecimal(7)), item.id(), cmd.warehouseId());
        UUID wantedLot = lotId;
        List<Candidate> usable = candidates.stream()
                .filter(c -> c.available().signum() > 0)
                .filter(c -> wantedLot == null || wantedLot.equals(c.lotId()))
                .filter(c -> c.expiry() == null || !c.expiry().isBefore(today))
                .sorted(Comparator.comparing(Candidate::expiry, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Candidate::locationCode))
                .toList();
        BigDecimal available = usable.stream().map(Candidate::available).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal quantity = cmd.quantity();
        if (partial && available.compareTo(quantity) < 0) {
            if (available.signum() <= 0) {
                return null;
            }
            quantity = available;
        }
        if (available.compareTo(quantity) < 0) {
            throw new InsufficientStock("quantity", "only " + StockQueries.strip(available).toPlainString() + " "
                    + item.baseUnit() + " of " + item.sku() + " available to reserve in this warehouse"
                    + (cmd.lot() == null ? "" : " in lot " + cmd.lot()) + "; " + cmd.quantity().toPlainString() + " asked");
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String number = String.format("RS-%d-%07d", today.getYear(),
                jdbc.queryForObject("select nextval('reservation_seq')", Long.class));
        jdbc.update("insert into reservation (id, number, item_id, warehouse_id, lot_id, quantity, consumed_quantity, "
                + "purpose_type, purpose_ref, needed_by, status, created_by, created_at, version) "
                + "values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'OPEN', ?, ?, 0)", id, number, item.id(), cmd.warehouseId(), lotId,
                quantity, cmd.purposeType().name(), cmd.purposeRef().strip(),
                cmd.neededBy() == null ? null : Date.valueOf(cmd.neededBy()), actor, Timestamp.from(now));
        BigDecimal left = quantity;
        List<Object[]> allocations = new ArrayList<>();
        List<Object[]> quantUpdates = new ArrayList<>();
        Set<UUID> locations = new java.util.HashSet<>();
        for (Candidate c : usable) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(c.available());
            allocations.add(new Object[] {id, c.quantId(), take});
            quantUpdates.add(new Object[] {take, Timestamp.from(now), c.quantId()});
            locations.add(c.locationId());
            left = left.subtract(take);
        }
        jdbc.batchUpdate("insert into reservation_allocation (reservation_id, quant_id, quantity) values (?, ?, ?)",
                allocations);
        jdbc.batchUpdate("update quant set reserved = reserved + ?, updated_at = ? where id = ?", quantUpdates);
        ReservationView view = view(id);
        audit.record(actor, "RESERVED", "Reservation", id.toString(), null, summary(view));
        events.stockChanged(number, Set.of(item.id()), locations);
        return view;
    }

    /** Gives the open part of a reservation back to available stock. */
    @PreAuthorize("hasAnyRole('WAREHOUSE','MANAGER')")
    public ReservationView release(UUID id) {
        String actor = CurrentUser.get().username();
        return retry(() -> tx.execute(status -> releaseNow(id, actor)));
    }

    private ReservationView releaseNow(UUID id, String actor) {
        ReservationView before = lockOpen(id);
        List<UUID> quants = new ArrayList<>();
        jdbc.query("select quant_id from reservation_allocation where reservation_id = ? order by quant_id",
                rs -> {
                    quants.add(rs.getObject(1, UUID.class));
                }, id);
        // lock the quants in the ledger's order before changing them
        jdbc.query("select id from quant where id = any(?::uuid[]) order by item_id, location_id, lot_key for update",
                rs -> {
                }, (Object) quants.stream().map(UUID::toString).toArray(String[]::new));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("update quant q set reserved = q.reserved - a.quantity, updated_at = ? from reservation_allocation a "
                + "where a.reservation_id = ? and a.quant_id = q.id", now, id);
        jdbc.update("update reservation_allocation set quantity = 0 where reservation_id = ?", id);
        jdbc.update("update reservation set status = 'RELEASED', closed_at = ?, version = version + 1 where id = ?", now,
                id);
        ReservationView after = view(id);
        audit.record(actor, "RELEASED", "Reservation", id.toString(), summary(before), summary(after));
        events.stockChanged(after.number(), Set.of(after.itemId()),
                Set.copyOf(before.allocations().stream().map(AllocationView::locationId).toList()));
        return after;
    }

    /**
     * Issues a reservation's stock (all that is open, or {@code quantity}) to its purpose: 221 for projects and
     * tasks, 261 for orders, 201 for cost centres. Honours an Idempotency-Key like every posting.
     */
    @PreAuthorize("hasAnyRole('WAREHOUSE','MANAGER')")
    public Posted consume(UUID id, @Valid ConsumptionCommand cmd, String idempotencyKey) {
        String actor = CurrentUser.get().username();
        Map<String, Object> request = new HashMap<>();
        request.put("reservation", id.toString());
        request.put("quantity", cmd == null || cmd.quantity() == null ? null : cmd.quantity().toPlainString());
        return retry(() -> tx.execute(status -> {
            if (idempotencyKey != null) {
                Optional<DocumentView> earlier = idempotency.claim("reservations/consumption", idempotencyKey, actor,
                        request, DocumentView.class);
                if (earlier.isPresent()) {
                    return new Posted(earlier.get(), true);
                }
            }
            Posted posted = consumeNow(id, cmd, actor);
            if (idempotencyKey != null) {
                idempotency.remember("reservations/consumption", idempotencyKey, 201, posted.document());
            }
            return posted;
        }));
    }

    private Posted consumeNow(UUID id, ConsumptionCommand cmd, String actor) {
        ReservationView r = lockOpen(id);
        BigDecimal wanted = cmd == null || cmd.quantity() == null ? r.openQuantity() : cmd.quantity();
        if (wanted.compareTo(r.openQuantity()) > 0) {
            throw new InvalidInput("quantity", "is more than the reservation still holds ("
                    + r.openQuantity().toPlainString() + ")");
        }
        if ("SERIAL".equals(jdbc.queryForObject("select tracking from item where id = ?", String.class, r.itemId()))) {
            throw new ProblemException.Conflict("Reservation " + r.number() + " is of a serial-tracked item: "
                    + "post the issue with its serial numbers and reservationId");
        }
        List<PostingLine> lines = new ArrayList<>();
        BigDecimal left = wanted;
        for (AllocationView a : r.allocations()) {
            if (left.signum() == 0) {
                break;
            }
            if (a.quantity().signum() == 0) {
                continue;
            }
            BigDecimal take = left.min(a.quantity());
            lines.add(new PostingLine(r.itemId(), take, null, a.locationId(), null, a.lot(), null, null, null, id));
            left = left.subtract(take);
        }
        String type = switch (r.purposeType()) {
            case PROJECT, TASK -> MovementType.ISSUE_PROJECT.code();
            case ORDER -> MovementType.ISSUE_PRODUCTION.code();
            case COST_CENTRE -> MovementType.ISSUE_COST_CENTRE.code();
        };
        DocumentView doc = ledger.post(new PostingCommand(type, null, r.purposeRef(),
                cmd == null || cmd.reason() == null ? "Consumption of reservation " + r.number() : cmd.reason(), lines),
                actor, false);
        return new Posted(doc, false);
    }

    private ReservationView lockOpen(UUID id) {
        String status = jdbc.query("select status from reservation where id = ? for update",
                rs -> rs.next() ? rs.getString(1) : null, id);
        if (status == null) {
            throw new ProblemException.NotFound("No reservation " + id);
        }
        if (!"OPEN".equals(status)) {
            throw new ProblemException.Conflict("Reservation is " + status + ", not OPEN");
        }
        return view(id);
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public ReservationView get(UUID id) {
        return view(id);
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    @PreAuthorize(StockQueries.READERS)
    public PageView<ReservationView> list(UUID itemId, String status, PurposeType purposeType, String purposeRef,
            int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (itemId != null) {
            where.append(" and item_id = ?");
            args.add(itemId);
        }
        if (status != null && !status.isBlank()) {
            if (!Set.of("OPEN", "RELEASED", "CONSUMED").contains(status)) {
                throw new InvalidInput("status", "must be OPEN, RELEASED or CONSUMED");
            }
            where.append(" and status = ?");
            args.add(status);
        }
        if (purposeType != null) {
            where.append(" and purpose_type = ?");
            args.add(purposeType.name());
        }
        if (purposeRef != null && !purposeRef.isBlank()) {
            where.append(" and purpose_ref = ?");
            args.add(purposeRef.strip());
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<UUID> ids = jdbc.query("select id from reservation" + where + " order by created_at desc, number desc limit ? offset ?",
                (rs, n) -> rs.getObject(1, UUID.class), pageArgs.toArray());
        Long total = jdbc.queryForObject("select count(*) from reservation" + where, Long.class, args.toArray());
        return new PageView<>(ids.stream().map(this::view).toList(), Math.max(page, 0), limit, total == null ? 0 : total);
    }

    private ReservationView view(UUID id) {
        List<AllocationView> allocations = jdbc.query("select a.quant_id, q.location_id, l.code, q.lot_id, lt.number, a.quantity "
                + "from reservation_allocation a join quant q on q.id = a.quant_id join location l on l.id = q.location_id "
                + "left join lot lt on lt.id = q.lot_id where a.reservation_id = ? order by lt.expiry_date nulls last, l.code",
                (rs, n) -> new AllocationView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), StockQueries.strip(rs.getBigDecimal(6))), id);
        List<ReservationView> list = jdbc.query("select r.id, r.number, r.item_id, i.sku, r.warehouse_id, r.lot_id, lt.number, "
                + "r.quantity, r.consumed_quantity, r.purpose_type, r.purpose_ref, r.needed_by, r.status, r.created_by, "
                + "r.created_at, r.closed_at from reservation r join item i on i.id = r.item_id "
                + "left join lot lt on lt.id = r.lot_id where r.id = ?", (rs, n) -> {
                    BigDecimal q = rs.getBigDecimal(8);
                    BigDecimal consumed = rs.getBigDecimal(9);
                    String status = rs.getString(13);
                    return new ReservationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class), rs.getString(7),
                            StockQueries.strip(q), StockQueries.strip(consumed),
                            "OPEN".equals(status) ? StockQueries.strip(q.subtract(consumed)) : BigDecimal.ZERO,
                            PurposeType.valueOf(rs.getString(10)), rs.getString(11),
                            rs.getDate(12) == null ? null : rs.getDate(12).toLocalDate(), status, rs.getString(14),
                            rs.getTimestamp(15).toInstant(),
                            rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(),
                            allocations.stream().filter(a -> a.quantity().signum() > 0).toList());
                }, id);
        if (list.isEmpty()) {
            throw new ProblemException.NotFound("No reservation " + id);
        }
        return list.get(0);
    }

    private static Map<String, Object> summary(ReservationView v) {
        Map<String, Object> m = new HashMap<>();
        m.put("number", v.number());
        m.put("item", v.sku());
        m.put("quantity", v.quantity());
        m.put("open", v.openQuantity());
        m.put("status", v.status());
        m.put("purpose", v.purposeType() + " " + v.purposeRef());
        return m;
    }

    private static <T> T retry(Supplier<T> action) {
        for (int attempt = 1;; attempt++) {
            try {
                return action.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }
}
