-- Issue 8, import and export (ADR 0030).

-- Opening balances: movement type 561 (initial entry of stock) brings stock in from this virtual location.
alter table location drop constraint location_type_check;
alter table location add constraint location_type_check
    check (type in ('VIEW', 'STORAGE', 'RECEIVING', 'SHIPPING', 'QUALITY_HOLD', 'SCRAP', 'SUPPLIER', 'CUSTOMER',
                    'PROJECT', 'COST_CENTRE', 'PRODUCTION', 'INVENTORY_LOSS', 'OPENING_BALANCE'));
insert into location (id, warehouse_id, site_id, parent_id, code, name, type, virtual, active, path, created_at, version)
values ('00000000-0000-0000-0000-00000000a007', null, null, null, 'V-OPENING', 'Opening balances', 'OPENING_BALANCE',
        true, true, '/virtual/opening/', now(), 0);

-- One row per committed import: who imported which file (by SHA-256) as which kind, and what it wrote.
-- A file is committed once per kind: the same file again answers the stored result.
create table import_job (
    id            uuid primary key,
    kind          varchar(30)  not null,
    file_name     varchar(255) not null,
    sha256        char(64)     not null,
    row_count     integer      not null,
    created_count integer      not null,
    actor         varchar(200) not null,
    created_at    timestamptz  not null,
    unique (kind, sha256)
);
create index import_job_time on import_job (created_at);
