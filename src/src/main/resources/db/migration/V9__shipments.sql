-- Shipments booked with a carrier (outbound) or announced by a supplier (inbound), their tracking events and
-- the webhook calls already received (replay protection). ADR 0014.

create table shipment (
    id                  uuid primary key,
    number              varchar(20)  not null unique,
    direction           varchar(8)   not null check (direction in ('OUTBOUND', 'INBOUND')),
    carrier             varchar(20)  not null,
    service_code        varchar(60),
    tracking_number     varchar(60)  not null,
    status              varchar(20)  not null check (status in ('BOOKED', 'ANNOUNCED', 'LABEL_CREATED', 'PICKED_UP',
                                         'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION',
                                         'RETURNED_TO_SHIPPER', 'CANCELLED')),
    status_text         varchar(200),
    -- what the shipment is for; the row belongs to another capability, hence no foreign key
    reference_type      varchar(30)  not null,
    reference_id        uuid         not null,
    ship_from           jsonb,
    ship_to             jsonb,
    ship_date           date,
    charge_amount       numeric(15, 2),
    charge_currency     char(3),
    label_ref           varchar(300),
    estimated_delivery  timestamptz,
    delivered_at        timestamptz,
    last_tracked_at     timestamptz,
    tracking_error      varchar(500),
    created_by          varchar(64)  not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             bigint       not null
);
create index shipment_reference on shipment (reference_type, reference_id);
create index shipment_tracking on shipment (carrier, tracking_number);
create index shipment_created on shipment (created_at desc);
-- the tracking poll: shipments still on their way, least recently tracked first
create index shipment_open on shipment (carrier, last_tracked_at nulls first)
    where status not in ('DELIVERED', 'RETURNED_TO_SHIPPER', 'CANCELLED');
-- one live shipment per reference and tracking number (an ASN announcing the same parcel twice is one shipment)
create unique index shipment_reference_tracking on shipment (direction, reference_type, reference_id, carrier,
    tracking_number) where status <> 'CANCELLED';

create table shipment_parcel (
    shipment_id     uuid           not null references shipment (id) on delete cascade,
    parcel_no       integer        not null,
    tracking_number varchar(60)    not null,
    weight_value    numeric(12, 3),
    weight_unit     varchar(2),
    label_ref       varchar(300),
    primary key (shipment_id, parcel_no)
);

create table shipment_event (
    id           uuid primary key,
    shipment_id  uuid          not null references shipment (id) on delete cascade,
    occurred_at  timestamptz   not null,
    -- the carrier's event code, '' when it sent none (part of the unique key, so never null)
    code         varchar(20)   not null,
    status       varchar(20)   not null,
    description  varchar(300),
    location     varchar(120),
    source       varchar(10)   not null check (source in ('POLL', 'WEBHOOK', 'PERSON')),
    recorded_at  timestamptz   not null,
    unique (shipment_id, occurred_at, code)
);

-- webhook calls already processed: a second delivery of the same call (same body, or same event id) is a replay
create table carrier_webhook_receipt (
    id          uuid primary key,
    carrier     varchar(20)  not null,
    body_digest char(64)     not null,
    event_id    varchar(100),
    received_at timestamptz  not null,
    unique (carrier, body_digest)
);
create unique index carrier_webhook_receipt_event on carrier_webhook_receipt (carrier, event_id)
    where event_id is not null;
