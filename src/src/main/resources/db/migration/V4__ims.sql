-- Inventory (IMS): master data, the stock ledger (documents, moves, quants, valuation), reservations,
-- transfers, cycle counts and idempotency keys. Moves are immutable: nothing updates or deletes them.

create table unit_of_measure (
    code     varchar(10)  primary key,
    name     varchar(100) not null,
    decimals integer      not null check (decimals between 0 and 6)
);
insert into unit_of_measure (code, name, decimals) values
    ('PCS', 'Piece', 0),
    ('BOX', 'Box', 0),
    ('PAL', 'Pallet', 0),
    ('SET', 'Set', 0),
    ('KG', 'Kilogram', 3),
    ('G', 'Gram', 0),
    ('T', 'Tonne', 3),
    ('M', 'Metre', 3),
    ('MM', 'Millimetre', 0),
    ('M2', 'Square metre', 3),
    ('L', 'Litre', 3),
    ('ML', 'Millilitre', 0);

create table item (
    id               uuid primary key,
    sku              varchar(40)  not null unique,
    name             varchar(200) not null,
    description      varchar(2000),
    category         varchar(80),
    base_unit        varchar(10)  not null references unit_of_measure (code),
    tracking         varchar(10)  not null check (tracking in ('NONE', 'LOT', 'SERIAL')),
    shelf_life_days  integer check (shelf_life_days > 0),
    abc_class        varchar(1)   not null check (abc_class in ('A', 'B', 'C')),
    active           boolean      not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null
);
create index item_name on item (lower(name));
create index item_category on item (category);

create table item_unit (
    item_id   uuid           not null references item (id) on delete cascade,
    unit_code varchar(10)    not null references unit_of_measure (code),
    factor    numeric(18, 6) not null check (factor > 0),
    primary key (item_id, unit_code)
);

create table site (
    id         uuid primary key,
    code       varchar(20)  not null unique,
    name       varchar(200) not null,
    active     boolean      not null,
    created_at timestamptz  not null,
    version    bigint       not null
);

create table warehouse (
    id         uuid primary key,
    site_id    uuid         not null references site (id),
    code       varchar(20)  not null unique,
    name       varchar(200) not null,
    active     boolean      not null,
    created_at timestamptz  not null,
    version    bigint       not null
);

-- Physical locations form a tree under their warehouse; path is the chain of ids from the warehouse down
-- ('/<warehouse>/<parent>/<self>/') so that a subtree is one prefix match. Virtual locations have no
-- warehouse and stand for the world outside the shelves (suppliers, customers, consumption, loss).
create table location (
    id           uuid primary key,
    warehouse_id uuid references warehouse (id),
    site_id      uuid references site (id),
    parent_id    uuid references location (id),
    code         varchar(40)   not null,
    name         varchar(200)  not null,
    type         varchar(20)   not null check (type in ('VIEW', 'STORAGE', 'RECEIVING', 'SHIPPING', 'QUALITY_HOLD', 'SCRAP',
                                                        'SUPPLIER', 'CUSTOMER', 'PROJECT', 'COST_CENTRE', 'PRODUCTION',
                                                        'INVENTORY_LOSS')),
    virtual      boolean       not null,
    active       boolean       not null,
    path         varchar(1000) not null,
    created_at   timestamptz   not null,
    version      bigint        not null,
    check (virtual = (warehouse_id is null)),
    check (virtual or site_id is not null)
);
create unique index location_code_per_warehouse on location (coalesce(warehouse_id, '00000000-0000-0000-0000-000000000000'::uuid), code);
create index location_path on location (path varchar_pattern_ops);
create index location_parent on location (parent_id);

insert into location (id, warehouse_id, site_id, parent_id, code, name, type, virtual, active, path, created_at, version) values
    ('00000000-0000-0000-0000-00000000a001', null, null, null, 'V-SUPPLIER', 'Suppliers', 'SUPPLIER', true, true, '/virtual/supplier/', now(), 0),
    ('00000000-0000-0000-0000-00000000a002', null, null, null, 'V-CUSTOMER', 'Customers', 'CUSTOMER', true, true, '/virtual/customer/', now(), 0),
    ('00000000-0000-0000-0000-00000000a003', null, null, null, 'V-PROJECT', 'Project consumption', 'PROJECT', true, true, '/virtual/project/', now(), 0),
    ('00000000-0000-0000-0000-00000000a004', null, null, null, 'V-COST-CENTRE', 'Cost centre consumption', 'COST_CENTRE', true, true, '/virtual/cost-centre/', now(), 0),
    ('00000000-0000-0000-0000-00000000a005', null, null, null, 'V-PRODUCTION', 'Production consumption', 'PRODUCTION', true, true, '/virtual/production/', now(), 0),
    ('00000000-0000-0000-0000-00000000a006', null, null, null, 'V-LOSS', 'Inventory loss and gain', 'INVENTORY_LOSS', true, true, '/virtual/loss/', now(), 0);

create table lot (
    id          uuid primary key,
    item_id     uuid        not null references item (id),
    number      varchar(40) not null,
    expiry_date date,
    created_at  timestamptz not null,
    unique (item_id, number)
);

create table serial_number (
    id          uuid primary key,
    item_id     uuid        not null references item (id),
    serial      varchar(60) not null,
    location_id uuid        not null references location (id),
    lot_id      uuid references lot (id),
    created_at  timestamptz not null,
    unique (item_id, serial)
);
create index serial_number_location on serial_number (location_id);

-- On hand per item, physical location and lot (lot_key is the lot id, or the zero uuid without a lot).
create table quant (
    id          uuid primary key,
    item_id     uuid           not null references item (id),
    location_id uuid           not null references location (id),
    lot_key     uuid           not null,
    lot_id      uuid references lot (id),
    quantity    numeric(18, 6) not null,
    reserved    numeric(18, 6) not null default 0,
    updated_at  timestamptz    not null,
    unique (item_id, location_id, lot_key),
    check (reserved >= 0),
    check (quantity >= reserved)
);
create index quant_location on quant (location_id);

create table stock_document (
    id            uuid primary key,
    number        varchar(20)   not null unique,
    movement_type varchar(3)    not null,
    posting_date  date          not null,
    reference     varchar(100),
    reason        varchar(500),
    reversal_of   uuid references stock_document (id),
    posted_by     varchar(64)   not null,
    posted_at     timestamptz   not null,
    line_count    integer       not null
);
create index stock_document_posted_at on stock_document (posted_at desc);
create unique index stock_document_reversed_once on stock_document (reversal_of);

create table stock_move (
    id               uuid primary key,
    document_id      uuid           not null references stock_document (id),
    line_no          integer        not null,
    movement_type    varchar(3)     not null,
    item_id          uuid           not null references item (id),
    quantity         numeric(18, 6) not null check (quantity > 0),
    entered_quantity numeric(18, 6) not null,
    entered_unit     varchar(10)    not null,
    from_location_id uuid           not null references location (id),
    to_location_id   uuid           not null references location (id),
    lot_id           uuid references lot (id),
    site_id          uuid references site (id),
    unit_cost        numeric(19, 6) not null,
    value            numeric(19, 4) not null,
    reservation_id   uuid,
    reversal_of      uuid references stock_move (id),
    posting_date     date           not null,
    posted_at        timestamptz    not null,
    unique (document_id, line_no)
);
create unique index stock_move_reversed_once on stock_move (reversal_of);
create index stock_move_item_time on stock_move (item_id, posted_at);
create index stock_move_from on stock_move (from_location_id, posted_at);
create index stock_move_to on stock_move (to_location_id, posted_at);
create index stock_move_time on stock_move (posted_at);

create table stock_move_serial (
    move_id   uuid not null references stock_move (id),
    serial_id uuid not null references serial_number (id),
    primary key (move_id, serial_id)
);

-- Moving-average valuation per item and site: value / quantity is the average unit cost.
create table stock_valuation (
    item_id    uuid           not null references item (id),
    site_id    uuid           not null references site (id),
    quantity   numeric(18, 6) not null,
    value      numeric(19, 4) not null,
    updated_at timestamptz    not null,
    primary key (item_id, site_id)
);

create table reservation (
    id                uuid primary key,
    number            varchar(20)    not null unique,
    item_id           uuid           not null references item (id),
    warehouse_id      uuid           not null references warehouse (id),
    lot_id            uuid references lot (id),
    quantity          numeric(18, 6) not null check (quantity > 0),
    consumed_quantity numeric(18, 6) not null default 0,
    purpose_type      varchar(20)    not null check (purpose_type in ('PROJECT', 'TASK', 'ORDER', 'COST_CENTRE')),
    purpose_ref       varchar(100)   not null,
    needed_by         date,
    status            varchar(10)    not null check (status in ('OPEN', 'RELEASED', 'CONSUMED')),
    created_by        varchar(64)    not null,
    created_at        timestamptz    not null,
    closed_at         timestamptz,
    version           bigint         not null
);
create index reservation_item on reservation (item_id, status);
create index reservation_purpose on reservation (purpose_type, purpose_ref);

-- Which quants hold a reservation's stock (the open part; consumption and release reduce it).
create table reservation_allocation (
    reservation_id uuid           not null references reservation (id),
    quant_id       uuid           not null references quant (id),
    quantity       numeric(18, 6) not null check (quantity >= 0),
    primary key (reservation_id, quant_id)
);
create index reservation_allocation_quant on reservation_allocation (quant_id);

create table transfer (
    id            uuid primary key,
    number        varchar(20)  not null unique,
    status        varchar(10)  not null check (status in ('DRAFT', 'READY', 'DONE', 'CANCELLED')),
    reference     varchar(100),
    note          varchar(500),
    scheduled_for date,
    document_id   uuid references stock_document (id),
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null
);
create index transfer_status on transfer (status, created_at desc);

create table transfer_line (
    id               uuid primary key,
    transfer_id      uuid           not null references transfer (id) on delete cascade,
    line_no          integer        not null,
    item_id          uuid           not null references item (id),
    quantity         numeric(18, 6) not null check (quantity > 0),
    unit             varchar(10)    not null,
    base_quantity    numeric(18, 6) not null check (base_quantity > 0),
    from_location_id uuid           not null references location (id),
    to_location_id   uuid           not null references location (id),
    lot_number       varchar(40),
    serials          varchar(4000),
    unique (transfer_id, line_no)
);
create index transfer_line_to on transfer_line (to_location_id);

create table cycle_count (
    id                  uuid primary key,
    number              varchar(20)  not null unique,
    warehouse_id        uuid         not null references warehouse (id),
    location_id         uuid references location (id),
    abc_class           varchar(1),
    status              varchar(20)  not null check (status in ('OPEN', 'PENDING_APPROVAL', 'POSTED', 'REJECTED', 'CANCELLED')),
    created_by          varchar(64)  not null,
    created_at          timestamptz  not null,
    counted_by          varchar(64),
    counted_at          timestamptz,
    decided_by          varchar(64),
    decided_at          timestamptz,
    decision_comment    varchar(2000),
    process_instance_id varchar(64),
    version             bigint       not null
);

create table cycle_count_line (
    id               uuid primary key,
    cycle_count_id   uuid           not null references cycle_count (id) on delete cascade,
    line_no          integer        not null,
    location_id      uuid           not null references location (id),
    item_id          uuid           not null references item (id),
    lot_id           uuid references lot (id),
    book_quantity    numeric(18, 6),
    counted_quantity numeric(18, 6),
    tolerance_pct    numeric(9, 4),
    outcome          varchar(20) check (outcome in ('NO_DIFFERENCE', 'POSTED', 'NEEDS_APPROVAL', 'APPROVED', 'REJECTED')),
    document_id      uuid references stock_document (id),
    unique (cycle_count_id, line_no)
);

-- A POST with an Idempotency-Key header: the first answer is kept and given again for the same key.
create table idempotency_key (
    scope         varchar(60)  not null,
    key           varchar(200) not null,
    request_hash  varchar(64)  not null,
    status        integer      not null,
    response_body text         not null,
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null,
    primary key (scope, key)
);
create index idempotency_key_created on idempotency_key (created_at);

-- High-volume documents take numbers from sequences (gaps allowed, no lock shared by concurrent postings).
create sequence stock_document_seq;
create sequence reservation_seq;
