package io.millflow.ims;

import io.millflow.audit.AuditService;
import io.millflow.shared.events.BusinessEvents;
import io.millflow.shared.events.EventTypes;
import io.millflow.ims.StockProblems.AlreadyReversed;
import io.millflow.ims.StockProblems.InsufficientStock;
import io.millflow.ims.StockViews.DocumentView;
import io.millflow.ims.StockViews.PostingCommand;
import io.millflow.ims.StockViews.PostingLine;
import io.millflow.shared.ProblemException;
import io.millflow.shared.ProblemException.InvalidInput;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock ledger: posts a document as immutable moves and updates quants, serial numbers, reservations
 * and moving-average valuation in the caller's transaction, or throws and changes nothing.
 * <p>
 * Concurrency: the quants and valuation rows a document touches are locked in one global order (item,
 * location, lot; then item, site) before anything is checked, so concurrent documents serialise on the
 * rows they share, never lose or double a unit and do not deadlock one another.
 * <p>
 * Roles are checked by the callers ({@link StockPostings}, transfers, cycle counts); this class trusts them.
 */
@Component
class StockLedger {

    static final UUID NO_LOT = new UUID(0, 0);
    /** A stock posting event lists at most this many lines ({@code lineCount} has them all). */
    private static final int MAX_EVENT_LINES = 200;
    private static final Logger log = LoggerFactory.getLogger(StockLedger.class);

    private final JdbcTemplate jdbc;
    private final AuditService audit;
    private final StockEvents events;
    private final BusinessEvents businessEvents;
    private final Clock clock;
    private final Map<LocationType, LocRow> virtuals = new java.util.concurrent.ConcurrentHashMap<>();

    StockLedger(JdbcTemplate jdbc, AuditService audit, StockEvents events, BusinessEvents businessEvents, Clock clock) {
        this.businessEvents = businessEvents;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ model of a posting in progress

    record ItemRow(UUID id, String sku, String baseUnit, int decimals, Tracking tracking, boolean active,
            Integer shelfLifeDays, String abcClass, Map<String, BigDecimal> units) {
    }

    record LocRow(UUID id, UUID warehouseId, UUID siteId, String code, LocationType type, boolean virtual,
            boolean active) {
    }

    static final class Line {
        int no;
        String field;
        ItemRow item;
        BigDecimal quantity;
        BigDecimal enteredQuantity;
        String enteredUnit;
        LocRow from;
        LocRow to;
        String lotNumber;
        LocalDate lotExpiry;
        UUID lotId;
        List<String> serials = List.of();
        List<UUID> serialIds = new ArrayList<>();
        BigDecimal unitCost;
        BigDecimal fixedValue;
        UUID reservationId;
        UUID reversalOf;
        UUID moveId = UUID.randomUUID();
        BigDecimal value;
    }

    record Header(MovementType type, LocalDate postingDate, String reference, String reason, UUID reversalOf) {
    }

    // ------------------------------------------------------------------ entry points

    /**
     * Validates and posts a document entered by a person or a system. Types that only the ledger itself
     * posts (reversals, count differences) must be allowed explicitly by the caller.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    DocumentView post(PostingCommand cmd, String actor, boolean allowCountTypes) {
        MovementType type = MovementType.of(cmd.movementType());
        if (type.isReversal()) {
            throw new InvalidInput("movementType", type.code() + " is posted by reversing a document "
                    + "(POST /api/v1/stock-documents/{id}/reversal), not directly");
        }
        if (!allowCountTypes && (type == MovementType.COUNT_GAIN || type == MovementType.COUNT_LOSS)) {
            throw new InvalidInput("movementType", "count differences (701/702) are posted by cycle counts");
        }
        if (type.referenceRequired() && (cmd.reference() == null || cmd.reference().isBlank())) {
            throw new InvalidInput("reference", "is required for movement type " + type.code() + " ("
                    + type.label() + ")");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate postingDate = cmd.postingDate() == null ? today : cmd.postingDate();
        if (postingDate.isAfter(today)) {
            throw new InvalidInput("postingDate", "lies in the future");
        }
        List<Line> lines = resolve(type, postingDate, cmd.lines());
        Header header = new Header(type, postingDate, blankToNull(cmd.reference()), blankToNull(cmd.reason()), null);
        return apply(header, lines, actor);
    }

    /** Checks a document that moves stock between shelves (a 311, e.g. a transfer's lines) without posting it. */
    void validate(PostingCommand cmd) {
        MovementType type = MovementType.of(cmd.movementType());
        if (type.isInbound()) {
            throw new IllegalArgumentException("Only documents that do not bring in new lots can be validated ahead");
        }
        resolve(type, LocalDate.now(clock), cmd.lines());
    }

    /** Posts the reversal of a whole document: each move undone with its exact quantity and value. */
    @Transactional(propagation = Propagation.MANDATORY)
    DocumentView reverse(UUID documentId, String reason, String actor) {
        List<Map<String, Object>> doc = jdbc.queryForList(
                "select id, number, movement_type, reference from stock_document where id = ? for update", documentId);
        if (doc.isEmpty()) {
            throw new ProblemException.NotFound("No stock document " + documentId);
        }
        String number = (String) doc.get(0).get("number");
        MovementType original = MovementType.of((String) doc.get(0).get("movement_type"));
        MovementType reversalType = original.reversal();
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists(select 1 from stock_document where reversal_of = ?)",
                Boolean.class, documentId))) {
            throw new AlreadyReversed("Document " + number + " was reversed already");
        }
        List<Map<String, Object>> moves = jdbc.queryForList("select id, line_no, item_id, quantity, entered_quantity, "
                + "entered_unit, from_location_id, to_location_id, lot_id, value, reservation_id "
                + "from stock_move where document_id = ? order by line_no", documentId);
        Map<UUID, ItemRow> items = loadItems(moves.stream().map(m -> (UUID) m.get("item_id")).toList());
        Set<UUID> locIds = new HashSet<>();
        moves.forEach(m -> {
            locIds.add((UUID) m.get("from_location_id"));
            locIds.add((UUID) m.get("to_location_id"));
        });
        Map<UUID, LocRow> locs = loadLocations(locIds);
        Map<UUID, List<String>> serials = new HashMap<>();
        jdbc.query("select ms.move_id, s.serial from stock_move_serial ms join serial_number s on s.id = ms.serial_id "
                + "join stock_move m on m.id = ms.move_id where m.document_id = ? order by s.serial", rs -> {
                    serials.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2));
                }, documentId);
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> m : moves) {
            Line l = new Line();
            l.no = lines.size() + 1;
            l.field = "lines[" + (l.no - 1) + "]";
            l.item = items.get((UUID) m.get("item_id"));
            l.quantity = (BigDecimal) m.get("quantity");
            l.enteredQuantity = (BigDecimal) m.get("entered_quantity");
            l.enteredUnit = (String) m.get("entered_unit");
            l.from = locs.get((UUID) m.get("to_location_id"));
            l.to = locs.get((UUID) m.get("from_location_id"));
            l.lotId = (UUID) m.get("lot_id");
            l.serials = serials.getOrDefault((UUID) m.get("id"), List.of());
            l.fixedValue = (BigDecimal) m.get("value");
            l.reversalOf = (UUID) m.get("id");
            lines.add(l);
        }
        Header header = new Header(reversalType, LocalDate.now(clock), (String) doc.get(0).get("reference"),
                reason == null || reason.isBlank() ? "Reversal of " + number : reason.strip(), documentId);
        return apply(header, lines, actor);
    }

    // ------------------------------------------------------------------ validation

    private List<Line> resolve(MovementType type, LocalDate postingDate, List<PostingLine> input) {
        Map<UUID, ItemRow> items = loadItems(input.stream().map(PostingLine::itemId).filter(Objects::nonNull).toList());
        Set<UUID> locIds = new HashSet<>();
        for (PostingLine p : input) {
            if (p.fromLocationId() != null) {
                locIds.add(p.fromLocationId());
            }
            if (p.toLocationId() != null) {
                locIds.add(p.toLocationId());
            }
        }
        Map<UUID, LocRow> locs = loadLocations(locIds);
        LocRow virtualFrom = type.virtualFrom() == null ? null : virtual(type.virtualFrom());
        LocRow virtualTo = type.virtualTo() == null ? null : virtual(type.virtualTo());
        Map<String, Integer> serialsSeen = new HashMap<>();
        List<Line> lines = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            PostingLine p = input.get(i);
            Line l = new Line();
            l.no = i + 1;
            l.field = "lines[" + i + "]";
            l.item = items.get(p.itemId());
            if (l.item == null) {
                throw new InvalidInput(l.field + ".itemId", "is not a known item: " + p.itemId());
            }
            if (!l.item.active()) {
                throw new InvalidInput(l.field + ".itemId", "item " + l.item.sku() + " is inactive");
            }
            // unit and quantity
            l.enteredUnit = p.unit() == null || p.unit().isBlank() ? l.item.baseUnit() : p.unit().strip();
            BigDecimal factor = l.enteredUnit.equals(l.item.baseUnit()) ? BigDecimal.ONE : l.item.units().get(l.enteredUnit);
            if (factor == null) {
                throw new InvalidInput(l.field + ".unit", "is not a unit of item " + l.item.sku() + " (base unit "
                        + l.item.baseUnit() + (l.item.units().isEmpty() ? "" : ", alternatives " + l.item.units().keySet())
                        + ")");
            }
            l.enteredQuantity = p.quantity();
            l.quantity = p.quantity().multiply(factor).stripTrailingZeros();
            if (l.quantity.scale() > l.item.decimals() || (l.item.tracking() == Tracking.SERIAL && l.quantity.scale() > 0)) {
                throw new InvalidInput(l.field + ".quantity", l.item.tracking() == Tracking.SERIAL
                        ? "must be a whole number of units for serial-tracked item " + l.item.sku()
                        : "has more decimals than unit " + l.item.baseUnit() + " allows (" + l.item.decimals() + ")");
            }
            if (l.quantity.precision() - l.quantity.scale() > 12) {
                throw new InvalidInput(l.field + ".quantity", "is too large");
            }
            l.quantity = l.quantity.setScale(Math.max(0, l.quantity.scale()), RoundingMode.UNNECESSARY);
            // locations
            l.from = virtualFrom != null ? checkVirtualSide(p.fromLocationId(), virtualFrom, l.field + ".fromLocationId")
                    : physical(p.fromLocationId(), locs, l.field + ".fromLocationId");
            l.to = virtualTo != null ? checkVirtualSide(p.toLocationId(), virtualTo, l.field + ".toLocationId")
                    : physical(p.toLocationId(), locs, l.field + ".toLocationId");
            if (l.from.id().equals(l.to.id())) {
                throw new InvalidInput(l.field + ".toLocationId", "is the same as the location the stock comes from");
            }
            // lot
            if (l.item.tracking() == Tracking.LOT) {
                if (p.lot() == null || p.lot().isBlank()) {
                    throw new InvalidInput(l.field + ".lot", "is required: item " + l.item.sku() + " is lot-tracked");
                }
                l.lotNumber = p.lot().strip();
                l.lotExpiry = p.lotExpiry();
                if (l.lotExpiry != null && !type.isInbound()) {
                    throw new InvalidInput(l.field + ".lotExpiry", "is set when a lot is received, not on a " + type.code());
                }
            } else if (p.lot() != null && !p.lot().isBlank()) {
                throw new InvalidInput(l.field + ".lot", "must be empty: item " + l.item.sku() + " is not lot-tracked");
            }
            // serials
            List<String> serials = p.serials() == null ? List.of() : p.serials().stream().map(String::strip).toList();
            if (l.item.tracking() == Tracking.SERIAL) {
                if (serials.size() != l.quantity.intValueExact()) {
                    throw new InvalidInput(l.field + ".serials", "must list one serial number per unit: "
                            + l.quantity.toPlainString() + " units, " + serials.size() + " serial numbers");
                }
                for (String s : serials) {
                    Integer other = serialsSeen.putIfAbsent(l.item.id() + "/" + s, i);
                    if (other != null) {
                        throw new InvalidInput(l.field + ".serials", "lists serial number " + s
                                + " twice in this document (also lines[" + other + "])");
                    }
                }
                l.serials = serials;
            } else if (!serials.isEmpty()) {
                throw new InvalidInput(l.field + ".serials", "must be empty: item " + l.item.sku()
                        + " is not serial-tracked");
            }
            // value
            if (type == MovementType.GOODS_RECEIPT && p.unitCost() == null) {
                throw new InvalidInput(l.field + ".unitCost", "is required for a goods receipt (the order price)");
            }
            if (p.unitCost() != null && !(type == MovementType.GOODS_RECEIPT || type == MovementType.RECEIPT_WITHOUT_ORDER)) {
                throw new InvalidInput(l.field + ".unitCost", "is only given on receipts; other moves are valued at "
                        + "the moving average");
            }
            l.unitCost = p.unitCost();
            // reservation
            if (p.reservationId() != null && !type.isConsumption()) {
                throw new InvalidInput(l.field + ".reservationId", "can only be consumed by an issue (201, 221, 261)");
            }
            l.reservationId = p.reservationId();
            lines.add(l);
        }
        resolveLotsForValidation(type, postingDate, lines);
        return lines;
    }

    private LocRow checkVirtualSide(UUID given, LocRow virtual, String field) {
        if (given != null && !given.equals(virtual.id())) {
            throw new InvalidInput(field, "must be empty (or " + virtual.code() + "): this movement type moves stock "
                    + (field.endsWith("fromLocationId") ? "from " : "to ") + virtual.code());
        }
        return virtual;
    }

    private LocRow physical(UUID id, Map<UUID, LocRow> locs, String field) {
        if (id == null) {
            throw new InvalidInput(field, "is required for this movement type");
        }
        LocRow loc = locs.get(id);
        if (loc == null) {
            throw new InvalidInput(field, "is not a known location: " + id);
        }
        if (loc.virtual()) {
            throw new InvalidInput(field, loc.code() + " is a virtual location; post to a location in a warehouse");
        }
        if (loc.type() == LocationType.VIEW) {
            throw new InvalidInput(field, loc.code() + " is a VIEW location (zone or aisle) and holds no stock; "
                    + "choose a bin under it");
        }
        if (!loc.active()) {
            throw new InvalidInput(field, loc.code() + " is inactive");
        }
        return loc;
    }

    /** Finds lots (creating those a receipt brings in) and checks their expiry. */
    private void resolveLotsForValidation(MovementType type, LocalDate postingDate, List<Line> lines) {
        List<Line> lotted = lines.stream().filter(l -> l.lotNumber != null).toList();
        if (lotted.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (type.isInbound()) {
            Map<String, Line> firstPerLot = new LinkedHashMap<>();
            for (Line l : lotted) {
                firstPerLot.putIfAbsent(l.item.id() + "/" + l.lotNumber, l);
            }
            List<Object[]> rows = new ArrayList<>();
            for (Line l : firstPerLot.values()) {
                LocalDate expiry = l.lotExpiry != null ? l.lotExpiry
                        : l.item.shelfLifeDays() != null ? postingDate.plusDays(l.item.shelfLifeDays()) : null;
                rows.add(new Object[] {UUID.randomUUID(), l.item.id(), l.lotNumber, expiry == null ? null : Date.valueOf(expiry),
                        Timestamp.from(now)});
            }
            jdbc.batchUpdate("insert into lot (id, item_id, number, expiry_date, created_at) values (?, ?, ?, ?, ?) "
                    + "on conflict (item_id, number) do nothing", rows);
        }
        Map<String, Object[]> found = new HashMap<>();
        jdbc.query("select l.id, l.item_id, l.number, l.expiry_date from lot l "
                + "join unnest(?::uuid[], ?::text[]) as k(item_id, number) on l.item_id = k.item_id and l.number = k.number",
                rs -> {
                    Date expiry = rs.getDate(4);
                    found.put(rs.getObject(2, UUID.class) + "/" + rs.getString(3),
                            new Object[] {rs.getObject(1, UUID.class), expiry == null ? null : expiry.toLocalDate()});
                }, lotted.stream().map(l -> l.item.id().toString()).toArray(String[]::new),
                lotted.stream().map(l -> l.lotNumber).toArray(String[]::new));
        for (Line l : lotted) {
            Object[] lot = found.get(l.item.id() + "/" + l.lotNumber);
            if (lot == null) {
                throw new InvalidInput(l.field + ".lot", "is not a known lot of item " + l.item.sku() + ": " + l.lotNumber);
            }
            l.lotId = (UUID) lot[0];
            LocalDate expiry = (LocalDate) lot[1];
            if (l.lotExpiry != null && !l.lotExpiry.equals(expiry)) {
                throw new InvalidInput(l.field + ".lotExpiry", "differs from the recorded expiry of lot " + l.lotNumber
                        + " (" + expiry + ")");
            }
            if (type.isConsumption() && expiry != null && expiry.isBefore(postingDate)) {
                throw new InvalidInput(l.field + ".lot", "lot " + l.lotNumber + " expired on " + expiry
                        + " and may not be issued; transfer it to quality hold or scrap it");
            }
        }
    }

    // ------------------------------------------------------------------ posting

    private DocumentView apply(Header h, List<Line> lines, String actor) {
        Instant now = clock.instant();
        Timestamp ts = Timestamp.from(now);
        UUID documentId = UUID.randomUUID();

        applySerials(h, lines, now);
        Map<UUID, ReservationUse> reservations = applyReservations(lines);
        applyQuants(lines, reservations, ts);
        applyValuation(h, lines, ts);

        String number = jdbc.queryForObject("insert into stock_document (id, number, movement_type, posting_date, "
                + "reference, reason, reversal_of, posted_by, posted_at, line_count) values (?, 'SD-' || ? || '-' "
                + "|| lpad(nextval('stock_document_seq')::text, 7, '0'), ?, ?, ?, ?, ?, ?, ?, ?) returning number",
                String.class, documentId, h.postingDate().getYear(), h.type().code(), Date.valueOf(h.postingDate()),
                h.reference(), h.reason(), h.reversalOf(), actor, ts, lines.size());
        int n = lines.size();
        List<Object> ids = new ArrayList<>(n);
        List<Object> lineNos = new ArrayList<>(n);
        List<Object> moveItems = new ArrayList<>(n);
        List<Object> quantities = new ArrayList<>(n);
        List<Object> entered = new ArrayList<>(n);
        List<Object> units = new ArrayList<>(n);
        List<Object> froms = new ArrayList<>(n);
        List<Object> tos = new ArrayList<>(n);
        List<Object> lots = new ArrayList<>(n);
        List<Object> sites = new ArrayList<>(n);
        List<Object> costs = new ArrayList<>(n);
        List<Object> values = new ArrayList<>(n);
        List<Object> reservationIds = new ArrayList<>(n);
        List<Object> reversals = new ArrayList<>(n);
        List<Object[]> serialRows = new ArrayList<>();
        for (Line l : lines) {
            ids.add(l.moveId);
            lineNos.add(l.no);
            moveItems.add(l.item.id());
            quantities.add(l.quantity);
            entered.add(l.enteredQuantity);
            units.add(l.enteredUnit);
            froms.add(l.from.id());
            tos.add(l.to.id());
            lots.add(l.lotId);
            sites.add(l.from.virtual() ? l.to.siteId() : l.from.siteId());
            costs.add(l.value.divide(l.quantity, 6, RoundingMode.HALF_UP));
            values.add(l.value);
            reservationIds.add(l.reservationId);
            reversals.add(l.reversalOf);
            for (UUID s : l.serialIds) {
                serialRows.add(new Object[] {l.moveId, s});
            }
        }
        // one statement for all lines: a 5,000-line document is one round trip, not 5,000 executions
        jdbc.update("insert into stock_move (id, document_id, line_no, movement_type, item_id, quantity, entered_quantity, "
                + "entered_unit, from_location_id, to_location_id, lot_id, site_id, unit_cost, value, reservation_id, "
                + "reversal_of, posting_date, posted_at) select m.id, ?, m.line_no, ?, m.item_id, m.quantity, m.entered, "
                + "m.unit, m.from_id, m.to_id, m.lot_id, m.site_id, m.cost, m.value, m.reservation_id, m.reversal_of, ?, ? "
                + "from unnest(?::uuid[], ?::int[], ?::uuid[], ?::numeric[], ?::numeric[], ?::varchar[], ?::uuid[], "
                + "?::uuid[], ?::uuid[], ?::uuid[], ?::numeric[], ?::numeric[], ?::uuid[], ?::uuid[]) "
                + "as m(id, line_no, item_id, quantity, entered, unit, from_id, to_id, lot_id, site_id, cost, value, "
                + "reservation_id, reversal_of)", documentId, h.type().code(), Date.valueOf(h.postingDate()), ts,
                strings(ids), lineNos.stream().map(Object::toString).toArray(String[]::new), strings(moveItems),
                strings(quantities), strings(entered), strings(units), strings(froms), strings(tos), strings(lots),
                strings(sites), strings(costs), strings(values), strings(reservationIds), strings(reversals));
        if (!serialRows.isEmpty()) {
            jdbc.batchUpdate("insert into stock_move_serial (move_id, serial_id) values (?, ?)", serialRows);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("number", number);
        summary.put("movementType", h.type().code());
        summary.put("postingDate", h.postingDate().toString());
        summary.put("reference", h.reference());
        summary.put("reason", h.reason());
        summary.put("lines", lines.size());
        summary.put("quantity", lines.stream().map(l -> l.quantity).reduce(BigDecimal.ZERO, BigDecimal::add));
        summary.put("value", lines.stream().map(l -> l.value).reduce(BigDecimal.ZERO, BigDecimal::add));
        if (h.reversalOf() != null) {
            summary.put("reversalOf", h.reversalOf().toString());
        }
        audit.record(actor, h.reversalOf() == null ? "POSTED" : "REVERSED", "StockDocument", documentId.toString(), null,
                summary);
        Set<UUID> itemIds = new LinkedHashSet<>();
        Set<UUID> locationIds = new LinkedHashSet<>();
        for (Line l : lines) {
            itemIds.add(l.item.id());
            if (!l.from.virtual()) {
                locationIds.add(l.from.id());
            }
            if (!l.to.virtual()) {
                locationIds.add(l.to.id());
            }
        }
        events.stockChanged(number, itemIds, locationIds);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("documentId", documentId.toString());
        event.put("documentNumber", number);
        event.put("movementType", h.type().code());
        event.put("postingDate", h.postingDate().toString());
        event.put("reference", h.reference());
        event.put("reversalOf", h.reversalOf() == null ? null : h.reversalOf().toString());
        event.put("lines", lines.stream().limit(MAX_EVENT_LINES).map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("itemId", l.item.id().toString());
            line.put("sku", l.item.sku());
            line.put("quantity", l.quantity);
            line.put("unit", l.item.baseUnit());
            line.put("fromLocationId", l.from.virtual() ? null : l.from.id().toString());
            line.put("toLocationId", l.to.virtual() ? null : l.to.id().toString());
            line.put("lot", l.lotNumber);
            return line;
        }).toList());
        event.put("lineCount", lines.size());
        businessEvents.publish(EventTypes.STOCK_POSTED, "StockDocument", documentId.toString(), actor, event);
        log.debug("Posted {} ({} {} lines) by {}", number, h.type().code(), lines.size(), actor);
        return new DocumentView(documentId, number, h.type().code(), h.type().label(), h.postingDate(), h.reference(),
                h.reason(), h.reversalOf(), null, actor, now, lines.size(), null);
    }

    /** Serial numbers: a receipt brings them in (never one already on a shelf); other moves take them from where they are. */
    private void applySerials(Header h, List<Line> lines, Instant now) {
        List<Line> serialLines = lines.stream().filter(l -> !l.serials.isEmpty()).toList();
        if (serialLines.isEmpty()) {
            return;
        }
        List<String> itemIds = new ArrayList<>();
        List<String> serials = new ArrayList<>();
        for (Line l : serialLines) {
            for (String s : l.serials) {
                itemIds.add(l.item.id().toString());
                serials.add(s);
            }
        }
        Map<String, Object[]> existing = new HashMap<>();
        jdbc.query("select s.id, s.item_id, s.serial, s.location_id, l.virtual, l.code from serial_number s "
                + "join location l on l.id = s.location_id "
                + "join unnest(?::uuid[], ?::text[]) as k(item_id, serial) on s.item_id = k.item_id and s.serial = k.serial "
                + "order by s.id for update of s", rs -> {
                    existing.put(rs.getObject(2, UUID.class) + "/" + rs.getString(3), new Object[] {rs.getObject(1, UUID.class),
                            rs.getObject(4, UUID.class), rs.getBoolean(5), rs.getString(6)});
                }, itemIds.toArray(String[]::new), serials.toArray(String[]::new));
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Line l : serialLines) {
            for (String s : l.serials) {
                Object[] found = existing.get(l.item.id() + "/" + s);
                if (l.from.virtual()) {
                    if (found != null && !(Boolean) found[2]) {
                        throw new InvalidInput(l.field + ".serials", "serial number " + s + " of item " + l.item.sku()
                                + " is already in stock at " + found[3]);
                    }
                } else if (found == null || !l.from.id().equals(found[1])) {
                    throw new InsufficientStock(l.field + ".serials", "serial number " + s + " of item " + l.item.sku()
                            + " is not at " + l.from.code() + (found == null ? " (unknown serial number)" : " but at " + found[3]));
                }
                if (found == null) {
                    UUID id = UUID.randomUUID();
                    inserts.add(new Object[] {id, l.item.id(), s, l.to.id(), l.lotId, Timestamp.from(now)});
                    l.serialIds.add(id);
                } else {
                    updates.add(new Object[] {l.to.id(), l.lotId, found[0]});
                    l.serialIds.add((UUID) found[0]);
                }
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into serial_number (id, item_id, serial, location_id, lot_id, created_at) "
                    + "values (?, ?, ?, ?, ?, ?)", inserts);
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update serial_number set location_id = ?, lot_id = coalesce(?, lot_id) where id = ?", updates);
        }
    }

    /** What an issue takes from one reservation. */
    private static final class ReservationUse {
        UUID id;
        String number;
        UUID itemId;
        UUID warehouseId;
        UUID lotId;
        BigDecimal open;
        BigDecimal taken = BigDecimal.ZERO;
        Map<UUID, BigDecimal> allocations = new LinkedHashMap<>();
    }

    private Map<UUID, ReservationUse> applyReservations(List<Line> lines) {
        List<UUID> ids = lines.stream().map(l -> l.reservationId).filter(Objects::nonNull).distinct().sorted().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ReservationUse> uses = new HashMap<>();
        jdbc.query("select id, number, item_id, warehouse_id, lot_id, quantity - consumed_quantity, status from reservation "
                + "where id = any(?::uuid[]) order by id for update", rs -> {
                    if (!"OPEN".equals(rs.getString(7))) {
                        throw new ProblemException.Conflict("Reservation " + rs.getString(2) + " is " + rs.getString(7));
                    }
                    ReservationUse u = new ReservationUse();
                    u.id = rs.getObject(1, UUID.class);
                    u.number = rs.getString(2);
                    u.itemId = rs.getObject(3, UUID.class);
                    u.warehouseId = rs.getObject(4, UUID.class);
                    u.lotId = rs.getObject(5, UUID.class);
                    u.open = rs.getBigDecimal(6);
                    uses.put(u.id, u);
                }, (Object) ids.stream().map(UUID::toString).toArray(String[]::new));
        for (Line l : lines) {
            if (l.reservationId == null) {
                continue;
            }
            ReservationUse u = uses.get(l.reservationId);
            if (u == null) {
                throw new InvalidInput(l.field + ".reservationId", "is not a known reservation");
            }
            if (!u.itemId.equals(l.item.id()) || !u.warehouseId.equals(l.from.warehouseId())
                    || (u.lotId != null && !u.lotId.equals(l.lotId))) {
                throw new InvalidInput(l.field + ".reservationId", "reservation " + u.number
                        + " is for another item, warehouse or lot");
            }
            u.taken = u.taken.add(l.quantity);
            if (u.taken.compareTo(u.open) > 0) {
                throw new InvalidInput(l.field + ".quantity", "is more than reservation " + u.number + " still holds ("
                        + u.open.toPlainString() + ")");
            }
        }
        jdbc.query("select a.reservation_id, a.quant_id, a.quantity from reservation_allocation a "
                + "where a.reservation_id = any(?::uuid[]) order by a.reservation_id, a.quant_id for update", rs -> {
                    uses.get(rs.getObject(1, UUID.class)).allocations.put(rs.getObject(2, UUID.class), rs.getBigDecimal(3));
                }, (Object) ids.stream().map(UUID::toString).toArray(String[]::new));
        return uses;
    }

    private record QuantKey(UUID item, UUID location, UUID lot) implements Comparable<QuantKey> {
        @Override
        public int compareTo(QuantKey o) {
            int c = compareAsDatabase(item, o.item);
            if (c == 0) {
                c = compareAsDatabase(location, o.location);
            }
            return c != 0 ? c : compareAsDatabase(lot, o.lot);
        }
    }

    private static final class QuantState {
        UUID id;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal originalQuantity;
        BigDecimal originalReserved;
        UUID lotId;
        boolean exists;
    }

    private void applyQuants(List<Line> lines, Map<UUID, ReservationUse> reservations, Timestamp ts) {
        TreeMap<QuantKey, QuantState> states = new TreeMap<>();
        for (Line l : lines) {
            UUID lot = l.lotId == null ? NO_LOT : l.lotId;
            if (!l.from.virtual()) {
                states.computeIfAbsent(new QuantKey(l.item.id(), l.from.id(), lot), k -> new QuantState());
            }
            if (!l.to.virtual()) {
                states.computeIfAbsent(new QuantKey(l.item.id(), l.to.id(), lot), k -> new QuantState());
            }
        }
        List<QuantKey> keys = new ArrayList<>(states.keySet());
        jdbc.query("select q.id, q.item_id, q.location_id, q.lot_key, q.quantity, q.reserved from quant q "
                + "join unnest(?::uuid[], ?::uuid[], ?::uuid[]) as k(item_id, location_id, lot_key) "
                + "on q.item_id = k.item_id and q.location_id = k.location_id and q.lot_key = k.lot_key "
                + "order by q.item_id, q.location_id, q.lot_key for update of q", rs -> {
                    QuantState s = states.get(new QuantKey(rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class)));
                    s.id = rs.getObject(1, UUID.class);
                    s.quantity = rs.getBigDecimal(5);
                    s.reserved = rs.getBigDecimal(6);
                    s.exists = true;
                }, keys.stream().map(k -> k.item().toString()).toArray(String[]::new),
                keys.stream().map(k -> k.location().toString()).toArray(String[]::new),
                keys.stream().map(k -> k.lot().toString()).toArray(String[]::new));
        for (QuantState s : states.values()) {
            s.originalQuantity = s.quantity;
            s.originalReserved = s.reserved;
        }
        List<Object[]> allocationUpdates = new ArrayList<>();
        for (Line l : lines) {
            UUID lot = l.lotId == null ? NO_LOT : l.lotId;
            if (!l.from.virtual()) {
                QuantState s = states.get(new QuantKey(l.item.id(), l.from.id(), lot));
                BigDecimal fromReservation = BigDecimal.ZERO;
                if (l.reservationId != null) {
                    ReservationUse u = reservations.get(l.reservationId);
                    BigDecimal allocated = s.id == null ? BigDecimal.ZERO : u.allocations.getOrDefault(s.id, BigDecimal.ZERO);
                    if (allocated.compareTo(l.quantity) < 0) {
                        throw new InsufficientStock(l.field + ".fromLocationId", "reservation " + u.number + " holds "
                                + allocated.toPlainString() + " " + l.item.baseUnit() + " at " + l.from.code()
                                + (l.lotNumber == null ? "" : " lot " + l.lotNumber) + ", less than "
                                + l.quantity.toPlainString());
                    }
                    u.allocations.put(s.id, allocated.subtract(l.quantity));
                    allocationUpdates.add(new Object[] {l.quantity, u.id, s.id});
                    fromReservation = l.quantity;
                }
                BigDecimal available = s.quantity.subtract(s.reserved).add(fromReservation);
                if (available.compareTo(l.quantity) < 0) {
                    throw new InsufficientStock(l.field + ".quantity", "only " + available.max(BigDecimal.ZERO).toPlainString()
                            + " " + l.item.baseUnit() + " of " + l.item.sku() + " available at " + l.from.code()
                            + (l.lotNumber == null ? "" : " in lot " + l.lotNumber) + " (" + s.quantity.toPlainString()
                            + " on hand, " + s.reserved.toPlainString() + " reserved); " + l.quantity.toPlainString()
                            + " asked");
                }
                s.quantity = s.quantity.subtract(l.quantity);
                s.reserved = s.reserved.subtract(fromReservation);
            }
            if (!l.to.virtual()) {
                QuantState s = states.get(new QuantKey(l.item.id(), l.to.id(), lot));
                s.quantity = s.quantity.add(l.quantity);
                s.lotId = l.lotId;
            }
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        states.forEach((k, s) -> {
            if (s.exists) {
                if (s.quantity.compareTo(s.originalQuantity) != 0 || s.reserved.compareTo(s.originalReserved) != 0) {
                    updates.add(new Object[] {s.quantity, s.reserved, ts, s.id});
                }
            } else if (s.quantity.signum() != 0) {
                inserts.add(new Object[] {UUID.randomUUID(), k.item(), k.location(), k.lot(),
                        NO_LOT.equals(k.lot()) ? null : k.lot(), s.quantity, ts});
            }
        });
        if (!updates.isEmpty()) {
            jdbc.update("update quant q set quantity = u.quantity, reserved = u.reserved, updated_at = ? "
                    + "from unnest(?::uuid[], ?::numeric[], ?::numeric[]) as u(id, quantity, reserved) where q.id = u.id", ts,
                    strings(updates.stream().map(r -> r[3]).toList()), strings(updates.stream().map(r -> r[0]).toList()),
                    strings(updates.stream().map(r -> r[1]).toList()));
        }
        if (!inserts.isEmpty()) {
            // a concurrent document may have created the same quant meanwhile: add to it instead
            jdbc.update("insert into quant (id, item_id, location_id, lot_key, lot_id, quantity, reserved, updated_at) "
                    + "select u.id, u.item_id, u.location_id, u.lot_key, u.lot_id, u.quantity, 0, ? "
                    + "from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::numeric[]) "
                    + "as u(id, item_id, location_id, lot_key, lot_id, quantity) "
                    + "on conflict (item_id, location_id, lot_key) do update "
                    + "set quantity = quant.quantity + excluded.quantity, updated_at = excluded.updated_at", ts,
                    strings(inserts.stream().map(r -> r[0]).toList()), strings(inserts.stream().map(r -> r[1]).toList()),
                    strings(inserts.stream().map(r -> r[2]).toList()), strings(inserts.stream().map(r -> r[3]).toList()),
                    strings(inserts.stream().map(r -> r[4]).toList()), strings(inserts.stream().map(r -> r[5]).toList()));
        }
        if (!allocationUpdates.isEmpty()) {
            jdbc.batchUpdate("update reservation_allocation set quantity = quantity - ? where reservation_id = ? "
                    + "and quant_id = ?", allocationUpdates);
            for (ReservationUse u : reservations.values()) {
                boolean done = u.taken.compareTo(u.open) == 0;
                jdbc.update("update reservation set consumed_quantity = consumed_quantity + ?, status = ?, "
                        + "closed_at = case when ? then ? else closed_at end, version = version + 1 where id = ?",
                        u.taken, done ? "CONSUMED" : "OPEN", done, ts, u.id);
            }
        }
    }

    private record ValKey(UUID item, UUID site) implements Comparable<ValKey> {
        @Override
        public int compareTo(ValKey o) {
            int c = compareAsDatabase(item, o.item);
            return c != 0 ? c : compareAsDatabase(site, o.site);
        }
    }

    /**
     * Moving average per item and site: receipts add their value; issues take value at the average (all
     * that is left when the last unit goes); transfers between sites carry value across; reversals take back
     * exactly the value of the move they undo.
     */
    private void applyValuation(Header h, List<Line> lines, Timestamp ts) {
        TreeMap<ValKey, BigDecimal[]> vals = new TreeMap<>();
        for (Line l : lines) {
            if (!l.from.virtual()) {
                vals.put(new ValKey(l.item.id(), l.from.siteId()), null);
            }
            if (!l.to.virtual()) {
                vals.put(new ValKey(l.item.id(), l.to.siteId()), null);
            }
        }
        List<ValKey> keys = new ArrayList<>(vals.keySet());
        // creates missing rows and locks all of them (in key order) in one statement, returning what they hold
        jdbc.query("insert into stock_valuation (item_id, site_id, quantity, value, updated_at) "
                + "select k.item_id, k.site_id, 0, 0, ? from unnest(?::uuid[], ?::uuid[]) with ordinality as k(item_id, site_id, n) "
                + "order by k.n on conflict (item_id, site_id) do update set updated_at = stock_valuation.updated_at "
                + "returning item_id, site_id, quantity, value", rs -> {
                    vals.put(new ValKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                            new BigDecimal[] {rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }, ts, strings(keys.stream().map(ValKey::item).toList()), strings(keys.stream().map(ValKey::site).toList()));
        Map<ValKey, BigDecimal[]> before = new HashMap<>();
        vals.forEach((k, v) -> before.put(k, v.clone()));
        for (Line l : lines) {
            BigDecimal[] out = l.from.virtual() ? null : vals.get(new ValKey(l.item.id(), l.from.siteId()));
            BigDecimal[] in = l.to.virtual() ? null : vals.get(new ValKey(l.item.id(), l.to.siteId()));
            if (out != null && in == out) {
                // within one site: no change of value, the move is recorded at the average
                l.value = l.fixedValue != null ? l.fixedValue : average(out, l).multiply(l.quantity).setScale(4, RoundingMode.HALF_UP);
                continue;
            }
            BigDecimal value;
            if (l.fixedValue != null) {
                value = l.fixedValue;
            } else if (out != null) {
                value = out[0].compareTo(l.quantity) == 0 ? out[1]
                        : average(out, l).multiply(l.quantity).setScale(4, RoundingMode.HALF_UP);
            } else if (l.unitCost != null) {
                value = l.unitCost.multiply(l.quantity).setScale(4, RoundingMode.HALF_UP);
            } else {
                value = average(in, l).multiply(l.quantity).setScale(4, RoundingMode.HALF_UP);
            }
            if (out != null) {
                out[0] = out[0].subtract(l.quantity);
                out[1] = out[1].subtract(value);
                if (out[0].signum() == 0 && l.fixedValue == null) {
                    out[1] = BigDecimal.ZERO.setScale(4);
                }
            }
            if (in != null) {
                in[0] = in[0].add(l.quantity);
                in[1] = in[1].add(value);
            }
            l.value = value;
        }
        List<Map.Entry<ValKey, BigDecimal[]>> changed = vals.entrySet().stream()
                .filter(e -> e.getValue()[0].compareTo(before.get(e.getKey())[0]) != 0
                        || e.getValue()[1].compareTo(before.get(e.getKey())[1]) != 0)
                .toList();
        if (!changed.isEmpty()) {
            jdbc.update("update stock_valuation v set quantity = u.quantity, value = u.value, updated_at = ? "
                    + "from unnest(?::uuid[], ?::uuid[], ?::numeric[], ?::numeric[]) as u(item_id, site_id, quantity, value) "
                    + "where v.item_id = u.item_id and v.site_id = u.site_id", ts,
                    strings(changed.stream().map(e -> e.getKey().item()).toList()),
                    strings(changed.stream().map(e -> e.getKey().site()).toList()),
                    strings(changed.stream().map(e -> e.getValue()[0]).toList()),
                    strings(changed.stream().map(e -> e.getValue()[1]).toList()));
        }
    }

    private static BigDecimal average(BigDecimal[] val, Line l) {
        if (val[0].signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return val[1].divide(val[0], 10, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------ master data lookups

    Map<UUID, ItemRow> loadItems(Collection<UUID> ids) {
        Map<UUID, ItemRow> items = new HashMap<>();
        if (ids.isEmpty()) {
            return items;
        }
        jdbc.query("select i.id, i.sku, i.base_unit, u.decimals, i.tracking, i.active, i.shelf_life_days, "
                + "array(select iu.unit_code || '=' || iu.factor from item_unit iu where iu.item_id = i.id), i.abc_class "
                + "from item i join unit_of_measure u on u.code = i.base_unit where i.id = any(?::uuid[])", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Integer shelf = (Integer) rs.getObject(7);
                    Map<String, BigDecimal> units = new HashMap<>();
                    for (Object unit : (Object[]) rs.getArray(8).getArray()) {
                        String[] kv = ((String) unit).split("=", 2);
                        units.put(kv[0], new BigDecimal(kv[1]));
                    }
                    items.put(id, new ItemRow(id, rs.getString(2), rs.getString(3), rs.getInt(4),
                            Tracking.valueOf(rs.getString(5)), rs.getBoolean(6), shelf, rs.getString(9), units));
                }, (Object) ids.stream().distinct().map(UUID::toString).toArray(String[]::new));
        return items;
    }

    Map<UUID, LocRow> loadLocations(Collection<UUID> ids) {
        Map<UUID, LocRow> locs = new HashMap<>();
        if (ids.isEmpty()) {
            return locs;
        }
        jdbc.query("select l.id, l.warehouse_id, l.site_id, l.code, l.type, l.virtual, "
                + "l.active and coalesce(w.active, true) and coalesce(s.active, true) from location l "
                + "left join warehouse w on w.id = l.warehouse_id left join site s on s.id = l.site_id "
                + "where l.id = any(?::uuid[])", rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    locs.put(id, new LocRow(id, rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                            LocationType.valueOf(rs.getString(5)), rs.getBoolean(6), rs.getBoolean(7)));
                }, (Object) ids.stream().distinct().map(UUID::toString).toArray(String[]::new));
        return locs;
    }

    /** The built-in virtual locations never change (they cannot be edited), so they are read once. */
    private LocRow virtual(LocationType type) {
        return virtuals.computeIfAbsent(type, t -> loadLocations(List.of(VirtualLocations.of(t))).get(VirtualLocations.of(t)));
    }

    private static String[] strings(Collection<?> values) {
        return values.stream().map(v -> v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString())
                .toArray(String[]::new);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** PostgreSQL orders uuids as unsigned bytes (Java's UUID.compareTo does not): lock in the database's order. */
    static int compareAsDatabase(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
