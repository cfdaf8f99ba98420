-- Procurement (issue #5): suppliers and their catalogue, requisition lines, purchase orders with lines.
-- Fulfilment (confirmations, advance shipping notices, receipts, invoices, matching) is in V8.

create table supplier (
    id             uuid primary key,
    code           varchar(20)   not null unique,
    name           varchar(200)  not null,
    tax_id         varchar(40),
    currency       varchar(3)    not null,
    payment_terms  varchar(20)   not null,          -- e.g. NET30, NET60, 2/10NET30
    payment_days   integer       not null check (payment_days between 0 and 365),
    rating         numeric(3, 2) check (rating between 0 and 5),
    blocked        boolean       not null,
    blocked_reason varchar(500),
    email          varchar(320),
    phone          varchar(40),
    notes          varchar(2000),
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        bigint        not null
);
create index supplier_name on supplier (lower(name));

create table supplier_address (
    id          uuid primary key,
    supplier_id uuid         not null references supplier (id) on delete cascade,
    kind        varchar(20)  not null check (kind in ('ORDERING', 'REMIT_TO', 'SHIP_FROM', 'RETURNS')),
    line1       varchar(200) not null,
    line2       varchar(200),
    postal_code varchar(20)  not null,
    city        varchar(100) not null,
    region      varchar(100),
    country     varchar(2)   not null,
    unique (supplier_id, kind)
);

create table supplier_contact (
    id          uuid primary key,
    supplier_id uuid         not null references supplier (id) on delete cascade,
    name        varchar(200) not null,
    role        varchar(80),
    email       varchar(320),
    phone       varchar(40)
);
create index supplier_contact_supplier on supplier_contact (supplier_id);

-- A supplier user (role SUPPLIER) belongs to exactly one supplier.
alter table app_user add column supplier_id uuid references supplier (id);
create index app_user_supplier on app_user (supplier_id);

create table supplier_item (
    id                     uuid primary key,
    supplier_id            uuid           not null references supplier (id),
    item_id                uuid           not null references item (id),
    supplier_sku           varchar(60)    not null,
    supplier_description   varchar(500),
    order_unit             varchar(10)    not null references unit_of_measure (code),
    lead_time_days         integer        not null check (lead_time_days between 0 and 730),
    minimum_order_quantity numeric(15, 3) not null check (minimum_order_quantity >= 0),
    pack_size              numeric(15, 3) not null check (pack_size > 0),
    currency               varchar(3)     not null,
    preferred              boolean        not null,
    active                 boolean        not null,
    created_at             timestamptz    not null,
    updated_at             timestamptz    not null,
    version                bigint         not null,
    unique (supplier_id, item_id),
    unique (supplier_id, supplier_sku)
);
create index supplier_item_item on supplier_item (item_id);
-- at most one preferred supplier per item
create unique index supplier_item_preferred on supplier_item (item_id) where preferred;

-- Price with quantity breaks and validity: the price for a quantity q on day d is the row with the
-- largest min_quantity <= q among those valid on d.
create table supplier_price (
    id               uuid primary key,
    supplier_item_id uuid           not null references supplier_item (id) on delete cascade,
    min_quantity     numeric(15, 3) not null check (min_quantity >= 0),
    unit_price       numeric(15, 4) not null check (unit_price > 0),
    valid_from       date           not null,
    valid_to         date,
    check (valid_to is null or valid_to >= valid_from),
    unique (supplier_item_id, min_quantity, valid_from)
);

-- Requisitions gain lines: catalogue lines (item + supplier item) and free-text lines.
-- The header's item_description / quantity / unit_price stay as the summary of the first line.
alter table purchase_requisition add column source varchar(20) not null default 'EMPLOYEE'
    check (source in ('EMPLOYEE', 'REPLENISHMENT'));
alter table purchase_requisition add column warehouse_id uuid references warehouse (id);
-- the header's unit price is the first line's, and catalogue prices have 4 decimals
alter table purchase_requisition alter column unit_price type numeric(15, 4);

create table purchase_requisition_line (
    id               uuid primary key,
    requisition_id   uuid           not null references purchase_requisition (id) on delete cascade,
    line_no          integer        not null check (line_no > 0),
    item_id          uuid references item (id),
    supplier_item_id uuid references supplier_item (id),
    supplier_id      uuid references supplier (id),
    description      varchar(500)   not null,
    quantity         numeric(15, 3) not null check (quantity > 0),
    unit             varchar(10)    not null references unit_of_measure (code),
    unit_price       numeric(15, 4) not null check (unit_price > 0),
    currency         varchar(3)     not null,
    line_amount      numeric(19, 2) not null,
    needed_by        date           not null,
    purchase_order_line_id uuid,
    -- the accepted replenishment proposal the line orders (one line per proposal: idempotency)
    proposal_id      uuid unique,
    unique (requisition_id, line_no),
    check (item_id is not null or supplier_item_id is null)
);
create index purchase_requisition_line_item on purchase_requisition_line (item_id);

-- Purchase orders: one per requisition and supplier; lines with delivery dates.
alter table purchase_order drop constraint purchase_order_requisition_id_key;
alter table purchase_order alter column requisition_id drop not null;
alter table purchase_order alter column item_description drop not null;
alter table purchase_order alter column quantity drop not null;
alter table purchase_order alter column unit_price drop not null;
alter table purchase_order add column supplier_id uuid references supplier (id);
alter table purchase_order add column warehouse_id uuid references warehouse (id);
alter table purchase_order add column buyer varchar(64);
alter table purchase_order add column revision integer not null default 0;
alter table purchase_order add column process_instance_id varchar(64);
alter table purchase_order add column sent_at timestamptz;
alter table purchase_order add column confirmed_at timestamptz;
alter table purchase_order add column closed_at timestamptz;
alter table purchase_order add column cancel_reason varchar(2000);
alter table purchase_order add column updated_at timestamptz;
alter table purchase_order add column version bigint not null default 0;
create index purchase_order_requisition on purchase_order (requisition_id);
create index purchase_order_supplier on purchase_order (supplier_id, created_at desc);
create index purchase_order_status on purchase_order (status);

create table purchase_order_line (
    id                 uuid primary key,
    purchase_order_id  uuid           not null references purchase_order (id) on delete cascade,
    line_no            integer        not null check (line_no > 0),
    requisition_line_id uuid references purchase_requisition_line (id),
    item_id            uuid references item (id),
    supplier_item_id   uuid references supplier_item (id),
    supplier_sku       varchar(60),
    description        varchar(500)   not null,
    quantity           numeric(15, 3) not null check (quantity > 0),
    unit               varchar(10)    not null references unit_of_measure (code),
    unit_price         numeric(15, 4) not null check (unit_price > 0),
    line_amount        numeric(19, 2) not null,
    delivery_date      date           not null,
    -- supplier confirmation: OPEN (not answered), CONFIRMED, DECLINED
    confirmation       varchar(10)    not null default 'OPEN' check (confirmation in ('OPEN', 'CONFIRMED', 'DECLINED')),
    confirmed_quantity numeric(15, 3),
    promised_date      date,
    decline_reason     varchar(500),
    received_quantity  numeric(15, 3) not null default 0 check (received_quantity >= 0),
    returned_quantity  numeric(15, 3) not null default 0 check (returned_quantity >= 0),
    invoiced_quantity  numeric(15, 3) not null default 0 check (invoiced_quantity >= 0),
    cancelled          boolean        not null default false,
    unique (purchase_order_id, line_no)
);
create index purchase_order_line_item on purchase_order_line (item_id);

-- A change of a purchase order (quantities, prices, delivery dates, added or cancelled lines). A change that
-- raises the total waits for approval (decision purchase-approval-levels on the new total, process
-- purchase-order-change); one that does not applies at once. At most one change per order waits.
create table purchase_order_change (
    id                  uuid primary key,
    purchase_order_id   uuid          not null references purchase_order (id) on delete cascade,
    base_revision       integer       not null,
    status              varchar(20)   not null check (status in ('IN_APPROVAL', 'APPLIED', 'REJECTED', 'WITHDRAWN')),
    requested_by        varchar(64)   not null,
    reason              varchar(2000),
    old_total           numeric(19, 2) not null,
    new_total           numeric(19, 2) not null,
    new_total_eur       numeric(19, 2) not null,
    approval_levels     varchar(200),
    process_instance_id varchar(64),
    rejection_reason    varchar(2000),
    created_at          timestamptz   not null,
    decided_at          timestamptz,
    version             bigint        not null
);
create index purchase_order_change_order on purchase_order_change (purchase_order_id, created_at desc);
create unique index purchase_order_change_waiting on purchase_order_change (purchase_order_id)
    where status = 'IN_APPROVAL';

create table purchase_order_change_line (
    id                     uuid primary key,
    change_id              uuid           not null references purchase_order_change (id) on delete cascade,
    seq                    integer        not null check (seq > 0),
    action                 varchar(10)    not null check (action in ('CHANGE', 'ADD', 'CANCEL')),
    purchase_order_line_id uuid references purchase_order_line (id),
    item_id                uuid references item (id),
    supplier_item_id       uuid references supplier_item (id),
    description            varchar(500),
    quantity               numeric(15, 3) check (quantity > 0),
    unit                   varchar(10) references unit_of_measure (code),
    unit_price             numeric(15, 4) check (unit_price > 0),
    delivery_date          date,
    unique (change_id, seq),
    check (action = 'ADD' or purchase_order_line_id is not null)
);

create table purchase_order_change_approval (
    id          uuid primary key,
    change_id   uuid          not null references purchase_order_change (id) on delete cascade,
    level       integer       not null,
    role        varchar(40)   not null,
    decided_by  varchar(64)   not null,
    decision    varchar(10)   not null check (decision in ('APPROVED', 'REJECTED')),
    comment     varchar(2000),
    decided_at  timestamptz   not null,
    task_id     varchar(64)   not null,
    unique (change_id, level)
);
