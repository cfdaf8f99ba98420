-- Fulfilment of purchase orders (issue #5, process purchase-order): reminders, advance shipping notices, goods
-- receipts (101 into a receiving location), put-aways (311), supplier invoices with their files, three-way match
-- results, returns to supplier (122). Quantities are in the unit of the order line.

-- the revision last sent to the supplier: a change after sending resets the line confirmations
alter table purchase_order add column sent_revision integer;

create table purchase_order_reminder (
    id                uuid primary key,
    purchase_order_id uuid          not null references purchase_order (id) on delete cascade,
    kind              varchar(10)   not null check (kind in ('REMINDER', 'CHASE')),
    note              varchar(2000),
    created_by        varchar(64)   not null,
    created_at        timestamptz   not null
);
create index purchase_order_reminder_order on purchase_order_reminder (purchase_order_id, created_at);

create table advance_shipping_notice (
    id                uuid primary key,
    number            varchar(20)  not null unique,
    purchase_order_id uuid         not null references purchase_order (id),
    supplier_id       uuid         not null references supplier (id),
    carrier_code      varchar(40)  not null,
    tracking_number   varchar(60),
    ship_date         date         not null,
    expected_date     date,
    status            varchar(10)  not null check (status in ('SUBMITTED', 'RECEIVED')),
    submitted_by      varchar(64)  not null,
    submitted_at      timestamptz  not null,
    received_at       timestamptz
);
create index advance_shipping_notice_order on advance_shipping_notice (purchase_order_id);
create index advance_shipping_notice_supplier on advance_shipping_notice (supplier_id, submitted_at desc);

create table advance_shipping_notice_line (
    id                     uuid primary key,
    asn_id                 uuid           not null references advance_shipping_notice (id) on delete cascade,
    line_no                integer        not null check (line_no > 0),
    purchase_order_line_id uuid           not null references purchase_order_line (id),
    quantity               numeric(15, 3) not null check (quantity > 0),
    lot_number             varchar(40),
    lot_expiry             date,
    received_quantity      numeric(15, 3) not null default 0 check (received_quantity >= 0),
    unique (asn_id, line_no)
);
create index advance_shipping_notice_line_po_line on advance_shipping_notice_line (purchase_order_line_id);

create table goods_receipt (
    id                    uuid primary key,
    number                varchar(20) not null unique,
    purchase_order_id     uuid        not null references purchase_order (id),
    asn_id                uuid        not null references advance_shipping_notice (id),
    receiving_location_id uuid        not null references location (id),
    stock_document_id     uuid        not null references stock_document (id),
    received_by           varchar(64) not null,
    received_at           timestamptz not null
);
create index goods_receipt_order on goods_receipt (purchase_order_id);

create table goods_receipt_line (
    id                     uuid primary key,
    goods_receipt_id       uuid           not null references goods_receipt (id) on delete cascade,
    line_no                integer        not null check (line_no > 0),
    purchase_order_line_id uuid           not null references purchase_order_line (id),
    asn_line_id            uuid           not null references advance_shipping_notice_line (id),
    item_id                uuid           not null references item (id),
    quantity               numeric(15, 3) not null check (quantity > 0),
    lot_number             varchar(40),
    lot_expiry             date,
    serials                varchar(10000),
    put_away_quantity      numeric(15, 3) not null default 0 check (put_away_quantity >= 0),
    check (put_away_quantity <= quantity),
    unique (goods_receipt_id, line_no)
);
create index goods_receipt_line_po_line on goods_receipt_line (purchase_order_line_id);

create table put_away (
    id                uuid primary key,
    number            varchar(20) not null unique,
    purchase_order_id uuid        not null references purchase_order (id),
    stock_document_id uuid        not null references stock_document (id),
    put_away_by       varchar(64) not null,
    put_away_at       timestamptz not null
);
create index put_away_order on put_away (purchase_order_id);

create table put_away_line (
    id                    uuid primary key,
    put_away_id           uuid           not null references put_away (id) on delete cascade,
    line_no               integer        not null check (line_no > 0),
    goods_receipt_line_id uuid           not null references goods_receipt_line (id),
    to_location_id        uuid           not null references location (id),
    quantity              numeric(15, 3) not null check (quantity > 0),
    unique (put_away_id, line_no)
);

create table supplier_invoice (
    id                uuid primary key,
    purchase_order_id uuid           not null references purchase_order (id),
    supplier_id       uuid           not null references supplier (id),
    invoice_number    varchar(40)    not null,
    invoice_date      date           not null,
    due_date          date           not null,
    currency          varchar(3)     not null,
    net_amount        numeric(19, 2) not null check (net_amount >= 0),
    tax_amount        numeric(19, 2) not null check (tax_amount >= 0),
    total_amount      numeric(19, 2) not null check (total_amount >= 0),
    status            varchar(10)    not null
        check (status in ('RECEIVED', 'MATCHED', 'MISMATCH', 'ACCEPTED', 'REJECTED', 'PAID')),
    decided_by        varchar(64),
    decision_comment  varchar(2000),
    paid_at           timestamptz,
    paid_by           varchar(64),
    payment_reference varchar(60),
    submitted_by      varchar(64)    not null,
    submitted_at      timestamptz    not null,
    version           bigint         not null default 0,
    unique (supplier_id, invoice_number)
);
create index supplier_invoice_order on supplier_invoice (purchase_order_id);
create index supplier_invoice_status on supplier_invoice (status, due_date);

create table supplier_invoice_line (
    id                     uuid primary key,
    invoice_id             uuid           not null references supplier_invoice (id) on delete cascade,
    line_no                integer        not null check (line_no > 0),
    purchase_order_line_id uuid           not null references purchase_order_line (id),
    quantity               numeric(15, 3) not null check (quantity > 0),
    unit_price             numeric(15, 4) not null check (unit_price >= 0),
    line_amount            numeric(19, 2) not null,
    unique (invoice_id, line_no)
);

-- the invoice document (PDF), kept apart from the invoice row so lists never read it
create table supplier_invoice_file (
    invoice_id   uuid primary key references supplier_invoice (id) on delete cascade,
    file_name    varchar(200) not null,
    content_type varchar(100) not null,
    size_bytes   integer      not null check (size_bytes > 0),
    sha256       varchar(64)  not null,
    content      bytea        not null
);

create table invoice_match (
    id                uuid primary key,
    invoice_id        uuid        not null references supplier_invoice (id),
    purchase_order_id uuid        not null references purchase_order (id),
    matched           boolean     not null,
    summary           varchar(2000) not null,
    matched_at        timestamptz not null
);
create index invoice_match_invoice on invoice_match (invoice_id, matched_at desc);

create table invoice_match_line (
    id                         uuid primary key,
    match_id                   uuid           not null references invoice_match (id) on delete cascade,
    purchase_order_line_id     uuid           not null references purchase_order_line (id),
    ordered_quantity           numeric(15, 3) not null,
    received_quantity          numeric(15, 3) not null,
    invoiced_quantity          numeric(15, 3) not null,
    order_price                numeric(15, 4) not null,
    invoice_price              numeric(15, 4),
    price_tolerance_percent    numeric(7, 3)  not null,
    quantity_tolerance_percent numeric(7, 3)  not null,
    quantity_ok                boolean        not null,
    price_ok                   boolean        not null
);

create table supplier_return (
    id                uuid primary key,
    number            varchar(20)   not null unique,
    purchase_order_id uuid          not null references purchase_order (id),
    stock_document_id uuid          not null references stock_document (id),
    reason            varchar(500)  not null,
    returned_by       varchar(64)   not null,
    returned_at       timestamptz   not null
);
create index supplier_return_order on supplier_return (purchase_order_id);

create table supplier_return_line (
    id                     uuid primary key,
    return_id              uuid           not null references supplier_return (id) on delete cascade,
    line_no                integer        not null check (line_no > 0),
    purchase_order_line_id uuid           not null references purchase_order_line (id),
    from_location_id       uuid           not null references location (id),
    quantity               numeric(15, 3) not null check (quantity > 0),
    lot_number             varchar(40),
    unique (return_id, line_no)
);
