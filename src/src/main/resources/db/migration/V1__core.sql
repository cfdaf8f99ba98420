-- Millflow core schema: users, audit trail, document numbers, exchange rates, requisitions, purchase orders.

create table app_user (
    id            uuid primary key,
    username      varchar(64)  not null unique,
    password_hash varchar(200) not null,
    display_name  varchar(200) not null,
    email         varchar(320),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null
);

create table app_user_role (
    user_id uuid        not null references app_user (id) on delete cascade,
    role    varchar(40) not null,
    primary key (user_id, role)
);

create table audit_record (
    id           uuid primary key,
    occurred_at  timestamptz  not null,
    actor        varchar(200) not null,
    action       varchar(80)  not null,
    entity_type  varchar(80)  not null,
    entity_id    varchar(200) not null,
    before_state text,
    after_state  text
);
create index audit_record_entity on audit_record (entity_type, entity_id, occurred_at);
create index audit_record_time on audit_record (occurred_at);

create table document_sequence (
    prefix     varchar(10) not null,
    year       integer     not null,
    last_value bigint      not null,
    primary key (prefix, year)
);

create table exchange_rate (
    currency    varchar(3)      not null,
    valid_from  date           not null,
    rate_to_eur numeric(18, 8) not null check (rate_to_eur > 0),
    primary key (currency, valid_from)
);
-- Reference rates (EUR per unit), to be kept current by finance.
insert into exchange_rate (currency, valid_from, rate_to_eur) values
    ('EUR', date '2000-01-01', 1),
    ('USD', date '2026-01-01', 0.86),
    ('GBP', date '2026-01-01', 1.15),
    ('CHF', date '2026-01-01', 1.07),
    ('PLN', date '2026-01-01', 0.235),
    ('CZK', date '2026-01-01', 0.0405),
    ('SEK', date '2026-01-01', 0.09),
    ('DKK', date '2026-01-01', 0.134),
    ('NOK', date '2026-01-01', 0.085),
    ('HUF', date '2026-01-01', 0.0025),
    ('JPY', date '2026-01-01', 0.0058),
    ('CNY', date '2026-01-01', 0.12),
    ('CAD', date '2026-01-01', 0.62),
    ('AUD', date '2026-01-01', 0.56);

create table purchase_requisition (
    id                    uuid primary key,
    number                varchar(20)    not null unique,
    requester             varchar(64)    not null,
    item_description      varchar(500)   not null,
    quantity              numeric(15, 3) not null check (quantity > 0),
    unit_price            numeric(15, 2) not null check (unit_price > 0),
    currency              varchar(3)      not null,
    total_amount          numeric(19, 2) not null,
    total_amount_eur      numeric(19, 2) not null,
    exchange_rate         numeric(18, 8) not null,
    needed_by             date           not null,
    justification         varchar(2000)  not null,
    cost_centre           varchar(20)    not null,
    status                varchar(20)    not null,
    approval_levels       varchar(200),
    rejection_reason      varchar(2000),
    process_instance_id   varchar(64),
    purchase_order_number varchar(20),
    created_at            timestamptz    not null,
    updated_at            timestamptz    not null,
    version               bigint         not null
);
create index purchase_requisition_requester on purchase_requisition (requester, created_at desc);
create index purchase_requisition_status on purchase_requisition (status);

create table requisition_approval (
    id             uuid primary key,
    requisition_id uuid          not null references purchase_requisition (id),
    level          integer       not null,
    role           varchar(40)   not null,
    decided_by     varchar(64)   not null,
    decision       varchar(10)   not null check (decision in ('APPROVED', 'REJECTED')),
    comment        varchar(2000),
    decided_at     timestamptz   not null,
    task_id        varchar(64)   not null,
    overdue        boolean       not null,
    unique (requisition_id, level)
);

create table purchase_order (
    id               uuid primary key,
    number           varchar(20)    not null unique,
    requisition_id   uuid           not null unique references purchase_requisition (id),
    item_description varchar(500)   not null,
    quantity         numeric(15, 3) not null,
    unit_price       numeric(15, 2) not null,
    currency         varchar(3)      not null,
    total_amount     numeric(19, 2) not null,
    status           varchar(20)    not null,
    created_at       timestamptz    not null
);
