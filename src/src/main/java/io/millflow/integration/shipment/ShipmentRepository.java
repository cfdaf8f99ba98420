package io.millflow.integration.shipment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.integration.carrier.Money;
import io.millflow.integration.carrier.Party;
import io.millflow.integration.carrier.TrackingEvent;
import io.millflow.integration.carrier.Weight;
import io.millflow.integration.shipment.ShipmentView.EventView;
import io.millflow.integration.shipment.ShipmentView.ParcelView;
import io.millflow.shared.PageView;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The shipment tables (V9) in SQL; only {@link Shipments} and its package use it. */
@Repository
class ShipmentRepository {

    private static final String COLUMNS = "id, number, direction, carrier, service_code, tracking_number, status, "
            + "status_text, reference_type, reference_id, ship_from, ship_to, ship_date, charge_amount, charge_currency, "
            + "label_ref, estimated_delivery, delivered_at, last_tracked_at, tracking_error, created_by, created_at, "
            + "updated_at, version";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ShipmentRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new shipment row; {@code parcels} are (tracking number, weight, label reference or null). */
    record NewShipment(UUID id, String number, String direction, String carrier, String serviceCode,
            String trackingNumber, ShipmentStatus status, String referenceType, UUID referenceId, Party shipFrom,
            Party shipTo, java.time.LocalDate shipDate, Money charge, String labelRef, String createdBy, Instant now,
            List<NewParcel> parcels) {
    }

    record NewParcel(String trackingNumber, Weight weight, String labelRef) {
    }

    /** What the tracking poll needs of an open shipment. */
    record Open(UUID id, String trackingNumber) {
    }

    void insert(NewShipment s) {
        Timestamp now = Timestamp.from(s.now());
        jdbc.update("insert into shipment (id, number, direction, carrier, service_code, tracking_number, status, "
                + "reference_type, reference_id, ship_from, ship_to, ship_date, charge_amount, charge_currency, label_ref, "
                + "created_by, created_at, updated_at, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, 0)",
                s.id(), s.number(), s.direction(), s.carrier(), s.serviceCode(), s.trackingNumber(), s.status().name(),
                s.referenceType(), s.referenceId(), toJson(s.shipFrom()), toJson(s.shipTo()),
                s.shipDate() == null ? null : Date.valueOf(s.shipDate()),
                s.charge() == null ? null : s.charge().amount(), s.charge() == null ? null : s.charge().currency(),
                s.labelRef(), s.createdBy(), now, now);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < s.parcels().size(); i++) {
            NewParcel p = s.parcels().get(i);
            rows.add(new Object[] {s.id(), i + 1, p.trackingNumber(), p.weight() == null ? null : p.weight().value(),
                p.weight() == null ? null : p.weight().unit().name(), p.labelRef()});
        }
        jdbc.batchUpdate("insert into shipment_parcel (shipment_id, parcel_no, tracking_number, weight_value, "
                + "weight_unit, label_ref) values (?, ?, ?, ?, ?, ?)", rows);
    }

    Optional<ShipmentView> find(UUID id) {
        return views(jdbc.query("select " + COLUMNS + " from shipment where id = ?", this::row, id)).stream()
                .findFirst();
    }

    /** The shipment, its row locked until the transaction ends. */
    Optional<ShipmentView> lock(UUID id) {
        return views(jdbc.query("select " + COLUMNS + " from shipment where id = ? for update", this::row, id))
                .stream().findFirst();
    }

    List<ShipmentView> byReference(String referenceType, UUID referenceId) {
        return views(jdbc.query("select " + COLUMNS + " from shipment where reference_type = ? and reference_id = ? "
                + "order by created_at, number", this::row, referenceType, referenceId));
    }

    Optional<ShipmentView> liveInbound(String referenceType, UUID referenceId, String carrier, String trackingNumber) {
        return views(jdbc.query("select " + COLUMNS + " from shipment where direction = 'INBOUND' and reference_type = ? "
                + "and reference_id = ? and carrier = ? and tracking_number = ? and status <> 'CANCELLED'", this::row,
                referenceType, referenceId, carrier, trackingNumber)).stream().findFirst();
    }

    /** Shipments of a carrier that a tracking number (the shipment's or one parcel's) names, cancelled ones left out. */
    List<UUID> liveByTrackingNumber(String carrier, String trackingNumber) {
        return jdbc.query("select s.id from shipment s where s.carrier = ? and s.status <> 'CANCELLED' and "
                + "(s.tracking_number = ? or exists (select 1 from shipment_parcel p where p.shipment_id = s.id "
                + "and p.tracking_number = ?)) order by s.created_at", (rs, n) -> rs.getObject(1, UUID.class),
                carrier, trackingNumber, trackingNumber);
    }

    /** Open shipments of a carrier, least recently tracked first. */
    List<Open> open(String carrier, int limit) {
        return jdbc.query("select id, tracking_number from shipment where carrier = ? "
                + "and status not in ('DELIVERED', 'RETURNED_TO_SHIPPER', 'CANCELLED') "
                + "order by last_tracked_at nulls first, created_at limit ?",
                (rs, n) -> new Open(rs.getObject(1, UUID.class), rs.getString(2)), carrier, limit);
    }

    PageView<ShipmentView> list(ShipmentFilter filter, int page, int size) {
        int limit = Math.min(Math.max(size, 1), PageView.MAX_SIZE);
        StringBuilder where = new StringBuilder(" where true");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            where.append(" and status = ?");
            args.add(filter.status().name());
        }
        if (filter.open() != null) {
            where.append(filter.open() ? " and status not in ('DELIVERED', 'RETURNED_TO_SHIPPER', 'CANCELLED')"
                    : " and status in ('DELIVERED', 'RETURNED_TO_SHIPPER', 'CANCELLED')");
        }
        if (filter.direction() != null) {
            where.append(" and direction = ?");
            args.add(filter.direction());
        }
        if (filter.carrier() != null) {
            where.append(" and carrier = ?");
            args.add(filter.carrier());
        }
        if (filter.referenceType() != null) {
            where.append(" and reference_type = ?");
            args.add(filter.referenceType());
        }
        if (filter.referenceId() != null) {
            where.append(" and reference_id = ?");
            args.add(filter.referenceId());
        }
        if (filter.text() != null) {
            where.append(" and (number like ? or tracking_number like ?)");
            args.add("%" + filter.text() + "%");
            args.add("%" + filter.text() + "%");
        }
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(limit);
        pageArgs.add(Math.max(page, 0) * (long) limit);
        List<ShipmentView> items = views(jdbc.query("select " + COLUMNS + " from shipment" + where
                + " order by created_at desc, number desc limit ? offset ?", this::row, pageArgs.toArray()));
        Long total = jdbc.queryForObject("select count(*) from shipment" + where, Long.class, args.toArray());
        return new PageView<>(items, Math.max(page, 0), limit, total == null ? 0 : total);
    }

    /** The label reference of one parcel (1 = the first), or null. */
    Optional<String> labelRef(UUID shipmentId, int parcelNo) {
        return jdbc.query("select label_ref from shipment_parcel where shipment_id = ? and parcel_no = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty(), shipmentId, parcelNo);
    }

    List<EventView> events(UUID shipmentId) {
        return jdbc.query("select occurred_at, status, code, description, location, source, recorded_at "
                + "from shipment_event where shipment_id = ? order by occurred_at, recorded_at", (rs, n) -> new EventView(
                        rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3).isEmpty() ? null : rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()), shipmentId);
    }

    /** Stores an event unless it is already stored (same time and code); true when it is new. */
    boolean insertEvent(UUID shipmentId, TrackingEvent event, String source, Instant now) {
        return jdbc.update("insert into shipment_event (id, shipment_id, occurred_at, code, status, description, "
                + "location, source, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (shipment_id, occurred_at, code) do nothing", UUID.randomUUID(), shipmentId,
                Timestamp.from(event.occurredAt()), event.carrierCode() == null ? "" : truncate(event.carrierCode(), 20),
                event.status().name(), truncate(event.description(), 300), truncate(event.location(), 120), source,
                Timestamp.from(now)) == 1;
    }

    /** The status and time of the newest event that has a known status, if any. */
    Optional<Map.Entry<ShipmentStatus, Instant>> newestKnownEvent(UUID shipmentId) {
        return jdbc.query("select status, occurred_at from shipment_event where shipment_id = ? and status <> 'UNKNOWN' "
                + "order by occurred_at desc, recorded_at desc limit 1", rs -> rs.next()
                        ? Optional.of(Map.entry(ShipmentStatus.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant()))
                        : Optional.empty(), shipmentId);
    }

    void updateTracking(UUID id, ShipmentStatus status, String statusText, Instant estimatedDelivery,
            Instant deliveredAt, Instant now) {
        jdbc.update("update shipment set status = ?, status_text = coalesce(?, status_text), "
                + "estimated_delivery = coalesce(?, estimated_delivery), delivered_at = coalesce(delivered_at, ?), "
                + "last_tracked_at = ?, tracking_error = null, updated_at = ?, version = version + 1 where id = ?",
                status.name(), truncate(statusText, 200), estimatedDelivery == null ? null : Timestamp.from(estimatedDelivery),
                deliveredAt == null ? null : Timestamp.from(deliveredAt), Timestamp.from(now), Timestamp.from(now), id);
    }

    /** Notes a poll that found nothing for these shipments (they are asked again after the others). */
    void trackedWithout(List<UUID> ids, String error, Instant now) {
        jdbc.batchUpdate("update shipment set last_tracked_at = ?, tracking_error = ? where id = ?",
                ids.stream().map(id -> new Object[] {Timestamp.from(now), truncate(error, 500), id}).toList());
    }

    void setStatus(UUID id, ShipmentStatus status, Instant now) {
        jdbc.update("update shipment set status = ?, updated_at = ?, version = version + 1 where id = ?", status.name(),
                Timestamp.from(now), id);
    }

    /** Remembers a webhook call; false when the same call (same body or same event id) was already received. */
    boolean insertReceipt(String carrier, String bodyDigest, String eventId, Instant now) {
        return jdbc.update("insert into carrier_webhook_receipt (id, carrier, body_digest, event_id, received_at) "
                + "values (?, ?, ?, ?, ?) on conflict do nothing", UUID.randomUUID(), carrier, bodyDigest,
                truncate(eventId, 100), Timestamp.from(now)) == 1;
    }

    /** Serializes creations of the same key (e.g. an inbound announcement) until the transaction ends. */
    void lockKey(String key) {
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, key);
    }

    // ----

    private record Row(UUID id, String number, String direction, String carrier, String serviceCode,
            String trackingNumber, ShipmentStatus status, String statusText, String referenceType, UUID referenceId,
            Party shipFrom, Party shipTo, java.time.LocalDate shipDate, Money charge, boolean label,
            Instant estimatedDelivery, Instant deliveredAt, Instant lastTrackedAt, String trackingError,
            String createdBy, Instant createdAt, Instant updatedAt, long version) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("direction"),
                rs.getString("carrier"), rs.getString("service_code"), rs.getString("tracking_number"),
                ShipmentStatus.valueOf(rs.getString("status")), rs.getString("status_text"),
                rs.getString("reference_type"), rs.getObject("reference_id", UUID.class),
                fromJson(rs.getString("ship_from")), fromJson(rs.getString("ship_to")),
                rs.getDate("ship_date") == null ? null : rs.getDate("ship_date").toLocalDate(),
                rs.getBigDecimal("charge_amount") == null ? null
                        : new Money(rs.getBigDecimal("charge_amount"), rs.getString("charge_currency")),
                rs.getString("label_ref") != null, instant(rs, "estimated_delivery"), instant(rs, "delivered_at"),
                instant(rs, "last_tracked_at"), rs.getString("tracking_error"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getLong("version"));
    }

    /** Rows with their parcels (one query for all parcels). */
    private List<ShipmentView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<ParcelView>> parcels = new LinkedHashMap<>();
        jdbc.query("select shipment_id, parcel_no, tracking_number, weight_value, weight_unit, label_ref "
                + "from shipment_parcel where shipment_id in (" + String.join(", ", java.util.Collections.nCopies(rows.size(), "?"))
                + ") order by shipment_id, parcel_no", rs -> {
                    parcels.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ParcelView(
                            rs.getInt(2), rs.getString(3), rs.getBigDecimal(4) == null ? null
                                    : new Weight(rs.getBigDecimal(4), Weight.Unit.valueOf(rs.getString(5))),
                            rs.getString(6) != null));
                }, rows.stream().map(Row::id).toArray());
        return rows.stream().map(r -> new ShipmentView(r.id(), r.number(), r.direction(), r.carrier(), r.serviceCode(),
                r.trackingNumber(), r.status(), r.statusText(), r.referenceType(), r.referenceId(), r.shipFrom(),
                r.shipTo(), r.shipDate(), r.charge(), r.label(), parcels.getOrDefault(r.id(), List.of()),
                r.estimatedDelivery(), r.deliveredAt(), r.lastTrackedAt(), r.trackingError(), r.createdBy(),
                r.createdAt(), r.updatedAt(), r.version())).collect(Collectors.toList());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private String toJson(Party party) {
        if (party == null) {
            return null;
        }
        try {
            return json.writeValueAsString(party);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Party cannot be written as JSON", e);
        }
    }

    private Party fromJson(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, Party.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored party cannot be read: " + value, e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
