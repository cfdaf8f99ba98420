-- Issue #5: reorder rules, replenishment runs and their proposals, and the daily demand history they plan from.

-- How an item is reordered in a warehouse (Odoo's orderpoint). Service level in percent (50 to 99.9).
-- Lead time, minimum order quantity and pack size override the preferred supplier's terms when set.
create table reorder_rule (
    id                     uuid primary key,
    item_id                uuid           not null references item (id),
    warehouse_id           uuid           not null references warehouse (id),
    type                   varchar(20)    not null check (type in ('FIXED_MIN_MAX', 'FORECAST')),
    min_quantity           numeric(18, 6),
    max_quantity           numeric(18, 6),
    service_level          numeric(5, 2),
    cover_days             integer        not null check (cover_days between 0 and 365),
    lead_time_days         integer check (lead_time_days between 1 and 365),
    minimum_order_quantity numeric(18, 6) check (minimum_order_quantity >= 0),
    pack_size              numeric(18, 6) check (pack_size > 0),
    active                 boolean        not null,
    created_by             varchar(64)    not null,
    created_at             timestamptz    not null,
    updated_by             varchar(64)    not null,
    updated_at             timestamptz    not null,
    version                bigint         not null,
    unique (item_id, warehouse_id),
    check (type <> 'FIXED_MIN_MAX' or (min_quantity >= 0 and max_quantity >= min_quantity)),
    check (type <> 'FORECAST' or service_level between 50 and 99.9)
);
create index reorder_rule_warehouse on reorder_rule (warehouse_id);

create table replenishment_run (
    id                  uuid primary key,
    trigger             varchar(10)   not null check (trigger in ('NIGHTLY', 'MANUAL')),
    started_by          varchar(64)   not null,
    started_at          timestamptz   not null,
    finished_at         timestamptz,
    status              varchar(12)   not null check (status in ('STARTED', 'IN_REVIEW', 'COMPLETED', 'FAILED')),
    as_of               date          not null,
    pairs               integer,
    proposals           integer,
    auto_proposals      integer,
    review_proposals    integer,
    load_ms             bigint,
    plan_ms             bigint,
    write_ms            bigint,
    duration_ms         bigint,
    process_instance_id varchar(64),
    version             bigint        not null
);
create index replenishment_run_started on replenishment_run (started_at desc);

-- What a run proposes to order for one item in one warehouse (only pairs at or below their reorder point).
create table replenishment_proposal (
    id                  uuid primary key,
    run_id              uuid           not null references replenishment_run (id),
    item_id             uuid           not null references item (id),
    warehouse_id        uuid           not null references warehouse (id),
    rule_type           varchar(20)    not null,
    on_hand             numeric(18, 6) not null,
    reserved            numeric(18, 6) not null,
    inbound             numeric(18, 6) not null,
    inventory_position  numeric(18, 6) not null,
    reorder_point       numeric(18, 6) not null,
    safety_stock        numeric(18, 6) not null,
    order_up_to         numeric(18, 6) not null,
    lead_time_days      integer        not null,
    forecast_method     varchar(40),
    demand_class        varchar(20),
    forecast_per_day    numeric(18, 6),
    proposed_quantity   numeric(18, 6) not null check (proposed_quantity > 0),
    quantity            numeric(18, 6) not null check (quantity > 0),
    supplier_id         uuid,
    supplier_name       varchar(200),
    unit_price          numeric(19, 6),
    currency            varchar(3),
    value_eur           numeric(19, 2),
    decision            varchar(6)     not null check (decision in ('AUTO', 'REVIEW')),
    status              varchar(10)    not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED', 'ORDERED')),
    requisition_number  varchar(40),
    decided_by          varchar(64),
    decided_at          timestamptz,
    decision_comment    varchar(2000),
    version             bigint         not null,
    unique (run_id, item_id, warehouse_id)
);
create index replenishment_proposal_pair on replenishment_proposal (item_id, warehouse_id, status);

-- Daily demand per item × warehouse × month: issues (201/221/261) minus their reversals (202/222/262), one
-- float4 per day of the month (big-endian, as float4send writes it). Derived from stock_move by
-- ReplenishmentHistory.refresh(), which recomputes the months touched by moves posted since the last refresh
-- (minus a margin for transactions still open then); rebuilt below from all moves.
create table demand_history (
    item_id      uuid  not null,
    warehouse_id uuid  not null,
    month        date  not null,
    quantities   bytea not null,
    primary key (item_id, warehouse_id, month)
);

create table demand_history_state (
    id           integer primary key check (id = 1),
    refreshed_at timestamptz not null
);

insert into demand_history (item_id, warehouse_id, month, quantities)
select k.item_id, k.warehouse_id, k.month,
       string_agg(float4send(coalesce(d.quantity, 0)::real), ''::bytea order by g.day)
from (select distinct m.item_id, coalesce(lf.warehouse_id, lt.warehouse_id) as warehouse_id,
             date_trunc('month', m.posting_date)::date as month
      from stock_move m
      join location lf on lf.id = m.from_location_id
      join location lt on lt.id = m.to_location_id
      where m.movement_type in ('201', '202', '221', '222', '261', '262')) k
cross join lateral generate_series(k.month, (k.month + interval '1 month' - interval '1 day')::date,
                                   interval '1 day') as g(day)
left join (select m.item_id, coalesce(lf.warehouse_id, lt.warehouse_id) as warehouse_id, m.posting_date,
                  sum(case when m.movement_type in ('201', '221', '261') then m.quantity else -m.quantity end)
                      as quantity
           from stock_move m
           join location lf on lf.id = m.from_location_id
           join location lt on lt.id = m.to_location_id
           where m.movement_type in ('201', '202', '221', '222', '261', '262')
           group by 1, 2, 3) d
       on d.item_id = k.item_id and d.warehouse_id = k.warehouse_id and d.posting_date = g.day::date
group by k.item_id, k.warehouse_id, k.month;

insert into demand_history_state (id, refreshed_at) values (1, now());
