package io.millflow.integration.shipment;

import io.millflow.audit.AuditService;
import io.millflow.integration.carrier.BookedShipment;
import io.millflow.integration.carrier.CarrierGateway;
import io.millflow.integration.carrier.Carriers;
import io.millflow.integration.carrier.LabelRef;
import io.millflow.integration.carrier.LabelStore;
import io.millflow.integration.carrier.RateQuote;
import io.millflow.integration.carrier.RateRequest;
import io.millflow.integration.carrier.ShipmentBooking;
import io.millflow.integration.carrier.ShipmentRequest;
import io.millflow.integration.carrier.TrackingEvent;
import io.millflow.integration.carrier.TrackingInfo;
import io.millflow.integration.carrier.TrackingStatus;
import io.millflow.integration.shipment.ShipmentRepository.NewParcel;
import io.millflow.integration.shipment.ShipmentRepository.NewShipment;
import io.millflow.integration.shipment.ShipmentView.EventView;
import io.millflow.security.CurrentUser;
import io.millflow.shared.DocumentNumbers;
import io.millflow.shared.PageView;
import io.millflow.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Shipments: outbound goods booked with a carrier, inbound goods a supplier announced, and their tracking. Every
 * change writes an audit record ({@value #ENTITY}). Roles: WAREHOUSE and BUYER book, quote, cancel and set the
 * status of untracked shipments; WAREHOUSE, BUYER, MANAGER and ADMIN read; SUPPLIER may announce inbound shipments
 * (the supplier portal decides which ASNs a supplier may touch). Tracking is applied by the polling job and the
 * verified carrier webhooks, which run without a user.
 */
@Service
public class Shipments {

    static final String ENTITY = "Shipment";
    static final String READERS = "hasAnyRole('WAREHOUSE','BUYER','MANAGER','ADMIN')";
    static final String SHIPPERS = "hasAnyRole('WAREHOUSE','BUYER')";
    private static final Logger log = LoggerFactory.getLogger(Shipments.class);
    private static final String REFERENCE_TYPE = "[A-Z][A-Z0-9_]{1,29}";
    private static final String TRACKING_NUMBER = "[A-Za-z0-9][A-Za-z0-9 ./-]{0,59}";

    /** Where tracking came from; stored with each event. */
    public enum TrackingSource { POLL, WEBHOOK, PERSON }

    private final ShipmentRepository shipments;
    private final Carriers carriers;
    private final ShipmentBooking booking;
    private final LabelStore labels;
    private final DocumentNumbers numbers;
    private final AuditService audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    Shipments(ShipmentRepository shipments, Carriers carriers, ShipmentBooking booking, LabelStore labels,
            DocumentNumbers numbers, AuditService audit, PlatformTransactionManager transactions, Clock clock) {
        this.shipments = shipments;
        this.carriers = carriers;
        this.booking = booking;
        this.labels = labels;
        this.numbers = numbers;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Books the goods at the carrier (its labels go to the {@link LabelStore}), then keeps the shipment. The carrier
     * call runs outside the database transaction; if the shipment cannot be kept afterwards, the booking is
     * cancelled at the carrier again. Bad input is refused before the carrier is called.
     */
    @PreAuthorize(SHIPPERS)
    public ShipmentView bookOutbound(OutboundShipment cmd) {
        String actor = CurrentUser.get().username();
        if (cmd == null) {
            throw new ProblemException.InvalidInput("body", "is required");
        }
        String referenceType = referenceType(cmd.referenceType());
        requireReferenceId(cmd.referenceId());
        CarrierGateway carrier = carriers.get(cmd.carrierCode());
        LocalDate shipDate = cmd.shipDate() != null ? cmd.shipDate() : LocalDate.now(clock);
        if (shipDate.isBefore(LocalDate.now(clock))) {
            throw new ProblemException.InvalidInput("shipDate", "must not be in the past");
        }
        String labelReference = cmd.labelReference() != null && !cmd.labelReference().isBlank()
                ? cmd.labelReference().strip()
                : referenceType + " " + cmd.referenceId().toString().substring(0, 8);
        ShipmentRequest request = new ShipmentRequest(labelReference, cmd.shipper(), cmd.recipient(), cmd.parcels(),
                blankToNull(cmd.serviceCode()), shipDate, blankToNull(cmd.trackingNumber()));
        BookedShipment booked = booking.book(carrier.code(), request);
        try {
            return tx.execute(status -> {
                UUID id = UUID.randomUUID();
                List<NewParcel> parcels = new ArrayList<>();
                for (int i = 0; i < booked.packages().size(); i++) {
                    BookedShipment.Package p = booked.packages().get(i);
                    parcels.add(new NewParcel(p.trackingNumber(), request.parcels().get(i).weight(),
                            p.label() == null ? null : p.label().value()));
                }
                String labelRef = parcels.isEmpty() ? null : parcels.get(0).labelRef();
                shipments.insert(new NewShipment(id, numbers.next("SH"), "OUTBOUND", carrier.code(),
                        request.serviceCode(), booked.masterTrackingNumber(), ShipmentStatus.BOOKED, referenceType,
                        cmd.referenceId(), cmd.shipper(), cmd.recipient(), shipDate, booked.charge(), labelRef, actor,
                        clock.instant(), parcels));
                ShipmentView view = view(id);
                audit.record(actor, "BOOKED", ENTITY, id.toString(), null, snapshot(view));
                log.info("Shipment {} booked with {} as {} for {} {}", view.number(), carrier.code(),
                        view.trackingNumber(), referenceType, cmd.referenceId());
                return view;
            });
        } catch (RuntimeException e) {
            cancelOrphan(carrier, booked.masterTrackingNumber(), e);
            throw e;
        }
    }

    /**
     * An inbound shipment a supplier announced (ASN): tracked like the others. Idempotent per reference, carrier
     * and tracking number: announcing it again answers the shipment already kept.
     */
    @PreAuthorize("hasAnyRole('WAREHOUSE','BUYER','SUPPLIER')")
    public ShipmentView registerInbound(String referenceType, UUID referenceId, String carrierCode,
            String trackingNumber) {
        String actor = CurrentUser.get().username();
        String type = referenceType(referenceType);
        requireReferenceId(referenceId);
        CarrierGateway carrier = carriers.get(carrierCode);
        String number = trackingNumber == null ? "" : trackingNumber.strip();
        if (!number.matches(TRACKING_NUMBER)) {
            throw new ProblemException.InvalidInput("trackingNumber",
                    "must have 1 to 60 letters, digits, spaces, dots, slashes and dashes");
        }
        return tx.execute(status -> {
            shipments.lockKey("inbound:" + type + ":" + referenceId + ":" + carrier.code() + ":" + number);
            Optional<ShipmentView> existing = shipments.liveInbound(type, referenceId, carrier.code(), number);
            if (existing.isPresent()) {
                return existing.get();
            }
            UUID id = UUID.randomUUID();
            shipments.insert(new NewShipment(id, numbers.next("SH"), "INBOUND", carrier.code(), null, number,
                    ShipmentStatus.ANNOUNCED, type, referenceId, null, null, null, null, null, actor, clock.instant(),
                    List.of(new NewParcel(number, null, null))));
            ShipmentView view = view(id);
            audit.record(actor, "ANNOUNCED", ENTITY, id.toString(), null, snapshot(view));
            return view;
        });
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<ShipmentView> forReference(String referenceType, UUID referenceId) {
        return shipments.byReference(referenceType(referenceType), requireReferenceId(referenceId));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public ShipmentView get(UUID id) {
        return view(id);
    }

    /** Shipments, newest first, paged. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PageView<ShipmentView> list(ShipmentFilter filter, int page, int size) {
        ShipmentFilter f = filter == null ? ShipmentFilter.all() : filter;
        if (f.direction() != null && !List.of("OUTBOUND", "INBOUND").contains(f.direction())) {
            throw new ProblemException.InvalidInput("direction", "must be OUTBOUND or INBOUND");
        }
        return shipments.list(f, page, size);
    }

    /** The tracking events of a shipment, oldest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<EventView> events(UUID id) {
        view(id);
        return shipments.events(id);
    }

    /** The PDF label of one parcel (1 for the first). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public byte[] label(UUID id, int parcelNo) {
        ShipmentView view = view(id);
        if (parcelNo < 1 || parcelNo > Math.max(view.parcels().size(), 1)) {
            throw new ProblemException.InvalidInput("parcel", "must be between 1 and " + view.parcels().size());
        }
        String ref = shipments.labelRef(id, parcelNo).orElseThrow(() -> new ProblemException.NotFound(
                "Shipment " + view.number() + " has no label" + (view.parcels().size() > 1 ? " for parcel " + parcelNo
                        : "") + " (carrier " + view.carrier() + " prints none)"));
        return labels.read(new LabelRef(ref));
    }

    /** Prices of a carrier's services for these parcels; none for carriers without prices. */
    @PreAuthorize(SHIPPERS)
    public List<RateQuote> quote(QuoteRequest request) {
        if (request == null) {
            throw new ProblemException.InvalidInput("body", "is required");
        }
        CarrierGateway carrier = carriers.get(request.carrierCode());
        if (!carrier.capabilities().quotes()) {
            return List.of();
        }
        return carrier.quote(new RateRequest(request.shipper(), request.recipient(), request.parcels(),
                request.shipDate() == null ? LocalDate.now(clock) : request.shipDate(),
                blankToNull(request.serviceCode())));
    }

    /**
     * Cancels a shipment the carrier has not taken yet: outbound ones at the carrier too, inbound ones only here
     * (the announcement is withdrawn).
     */
    @PreAuthorize(SHIPPERS)
    public void cancel(UUID id) {
        String actor = CurrentUser.get().username();
        tx.executeWithoutResult(status -> {
            ShipmentView before = shipments.lock(id).orElseThrow(() -> notFound(id));
            if (!before.status().isCancellable()) {
                throw new ProblemException.Conflict("Shipment " + before.number() + " is " + before.status()
                        + "; only shipments the carrier has not taken yet can be cancelled");
            }
            if ("OUTBOUND".equals(before.direction())) {
                carriers.get(before.carrier()).cancel(before.trackingNumber());
            }
            shipments.setStatus(id, ShipmentStatus.CANCELLED, clock.instant());
            audit.record(actor, "CANCELLED", ENTITY, id.toString(), Map.of("status", before.status()),
                    Map.of("status", ShipmentStatus.CANCELLED));
        });
    }

    /**
     * A person sets the status of a shipment whose carrier does not track (the manual carrier): stored as an event
     * like a carrier's.
     */
    @PreAuthorize(SHIPPERS)
    public ShipmentView recordStatus(UUID id, TrackingStatus status, String note) {
        String actor = CurrentUser.get().username();
        if (status == null || status == TrackingStatus.UNKNOWN || status == TrackingStatus.CANCELLED) {
            throw new ProblemException.InvalidInput("status", "must be a known status other than CANCELLED "
                    + "(cancel the shipment instead)");
        }
        if (note != null && note.length() > 250) {
            throw new ProblemException.InvalidInput("note", "must have at most 250 characters");
        }
        return tx.execute(s -> {
            ShipmentView before = shipments.lock(id).orElseThrow(() -> notFound(id));
            if (carriers.get(before.carrier()).capabilities().tracking()) {
                throw new ProblemException.Conflict("Carrier " + before.carrier() + " tracks shipment "
                        + before.number() + " itself; its status is not set by people");
            }
            if (before.status() == ShipmentStatus.CANCELLED) {
                throw new ProblemException.Conflict("Shipment " + before.number() + " is cancelled");
            }
            String text = note == null || note.isBlank() ? "Set by " + actor : note.strip() + " (set by " + actor + ")";
            TrackingEvent event = new TrackingEvent(clock.instant(), status, "PERSON", text, null);
            apply(before, new TrackingInfo(before.trackingNumber(), status, text, List.of(event)),
                    TrackingSource.PERSON, actor);
            return view(id);
        });
    }

    /**
     * Applies what a carrier reported for a tracking number to every live shipment of that carrier it names (the
     * shipment's number or one parcel's): new events are stored, events already stored are skipped, so the same
     * report applied twice changes nothing. Cancelled shipments are left alone. Called by the tracking poll and
     * by verified carrier webhooks (system callers, no user); not exposed to people.
     *
     * @return the number of new events stored
     */
    @Transactional
    public int applyTracking(String carrierCode, TrackingInfo info, TrackingSource source) {
        if (info == null || info.trackingNumber() == null) {
            return 0;
        }
        String actor = (source == TrackingSource.WEBHOOK ? "carrier:" : "tracking:") + carrierCode;
        int stored = 0;
        for (UUID id : shipments.liveByTrackingNumber(carrierCode, info.trackingNumber())) {
            ShipmentView before = shipments.lock(id).orElseThrow(() -> notFound(id));
            if (before.status() != ShipmentStatus.CANCELLED) {
                stored += apply(before, info, source, actor);
            }
        }
        return stored;
    }

    /** Open shipments of a carrier, least recently tracked first (the tracking poll's work list). */
    @Transactional(readOnly = true)
    List<ShipmentRepository.Open> openForTracking(String carrierCode, int limit) {
        return shipments.open(carrierCode, limit);
    }

    /** Notes that the carrier reported nothing for these shipments this time. */
    @Transactional
    void trackedWithout(List<UUID> ids, String error) {
        if (!ids.isEmpty()) {
            shipments.trackedWithout(ids, error, clock.instant());
        }
    }

    // ----

    private int apply(ShipmentView before, TrackingInfo info, TrackingSource source, String actor) {
        Instant now = clock.instant();
        int stored = 0;
        for (TrackingEvent event : info.events()) {
            if (event.occurredAt() == null || event.status() == null) {
                continue;
            }
            if (shipments.insertEvent(before.id(), event, source.name(), now)) {
                stored++;
            }
        }
        Optional<Map.Entry<ShipmentStatus, Instant>> newest = shipments.newestKnownEvent(before.id());
        ShipmentStatus reported = ShipmentStatus.of(info.status());
        // a poll reports the carrier's latest status; pushes may arrive out of order, so the newest event decides
        ShipmentStatus status = source == TrackingSource.POLL && reported != null ? reported
                : newest.map(Map.Entry::getKey).orElse(reported != null ? reported : before.status());
        Instant deliveredAt = status == ShipmentStatus.DELIVERED
                ? newest.filter(e -> e.getKey() == ShipmentStatus.DELIVERED).map(Map.Entry::getValue).orElse(now)
                : null;
        shipments.updateTracking(before.id(), status, info.description(), info.estimatedDelivery(), deliveredAt, now);
        if (stored > 0 || status != before.status()) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("status", status);
            after.put("newEvents", stored);
            after.put("source", source);
            audit.record(actor, "TRACKED", ENTITY, before.id().toString(), Map.of("status", before.status()), after);
        }
        return stored;
    }

    private ShipmentView view(UUID id) {
        return shipments.find(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException.NotFound("No shipment " + id);
    }

    private static Map<String, Object> snapshot(ShipmentView v) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("number", v.number());
        s.put("direction", v.direction());
        s.put("carrier", v.carrier());
        s.put("serviceCode", v.serviceCode());
        s.put("trackingNumber", v.trackingNumber());
        s.put("status", v.status());
        s.put("referenceType", v.referenceType());
        s.put("referenceId", v.referenceId());
        s.put("parcels", v.parcels().size());
        s.put("charge", v.charge());
        return s;
    }

    private static String referenceType(String value) {
        if (value == null || !value.strip().matches(REFERENCE_TYPE)) {
            throw new ProblemException.InvalidInput("referenceType",
                    "must be an upper-case document type such as TRANSFER, SUPPLIER_RETURN or ASN");
        }
        return value.strip();
    }

    private static UUID requireReferenceId(UUID id) {
        if (id == null) {
            throw new ProblemException.InvalidInput("referenceId", "is required");
        }
        return id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void cancelOrphan(CarrierGateway carrier, String trackingNumber, RuntimeException cause) {
        try {
            carrier.cancel(trackingNumber);
            log.warn("Cancelled {} shipment {} at the carrier because it could not be kept", carrier.code(),
                    trackingNumber, cause);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.error("{} shipment {} is booked but could not be kept and cancelling failed; cancel it at the carrier",
                    carrier.code(), trackingNumber, cause);
        }
    }
}
