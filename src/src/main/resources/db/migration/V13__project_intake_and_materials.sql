-- Project intake (requests approved by department heads) and material requests of project tasks (ADR 0018).

create table project_request (
    id                  uuid primary key,
    number              varchar(20)    not null unique,
    code                varchar(20)    not null,
    name                varchar(200)   not null,
    description         varchar(4000),
    department_id       uuid           not null references department (id),
    manager             varchar(64)    not null,
    start_date          date           not null,
    end_date            date           not null,
    budget              numeric(19, 2) not null default 0 check (budget >= 0),
    currency            varchar(3)     not null default 'EUR',
    template_code       varchar(40),
    requested_by        varchar(64)    not null,
    status              varchar(12)    not null check (status in ('IN_APPROVAL', 'REJECTED', 'APPROVED', 'ACTIVE')),
    rejection_reason    varchar(2000),
    project_id          uuid references project (id),
    process_instance_id varchar(64),
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null,
    version             bigint         not null,
    check (end_date >= start_date)
);
create index project_request_requested_by on project_request (requested_by, created_at desc);
create index project_request_status on project_request (status, created_at desc);
-- one request in approval per project code
create unique index project_request_open_code on project_request (code) where status in ('IN_APPROVAL', 'APPROVED', 'ACTIVE');

-- The departments that approve a request (its own first), each through its head.
create table project_request_approval (
    request_id    uuid        not null references project_request (id) on delete cascade,
    position      integer     not null,
    department_id uuid        not null references department (id),
    head_username varchar(64) not null,
    decision      varchar(10) not null check (decision in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    decided_by    varchar(64),
    decided_at    timestamptz,
    comment       varchar(2000),
    primary key (request_id, position),
    unique (request_id, department_id)
);
create index project_request_approval_head on project_request_approval (head_username, decision);

create table material_request (
    id                  uuid primary key,
    number              varchar(20)   not null unique,
    project_id          uuid          not null references project (id),
    task_id             uuid          not null references task (id),
    warehouse_id        uuid          not null references warehouse (id),
    needed_by           date          not null,
    note                varchar(2000),
    requested_by        varchar(64)   not null,
    status              varchar(10)   not null check (status in ('REQUESTED', 'SHORT', 'RESERVED', 'ISSUED', 'CANCELLED')),
    requisition_id      uuid,
    requisition_number  varchar(20),
    picked_by           varchar(64),
    cancelled_by        varchar(64),
    process_instance_id varchar(64),
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);
create index material_request_task on material_request (task_id, created_at desc);
create index material_request_project on material_request (project_id, status);
create index material_request_requisition on material_request (requisition_id);

-- Quantities in the item's base unit; issued_value is the ledger value of the 221 issues (EUR).
create table material_request_line (
    id                     uuid primary key,
    request_id             uuid           not null references material_request (id) on delete cascade,
    line_no                integer        not null,
    item_id                uuid           not null references item (id),
    quantity               numeric(18, 6) not null check (quantity > 0),
    reserved_quantity      numeric(18, 6) not null default 0 check (reserved_quantity >= 0),
    requisitioned_quantity numeric(18, 6) not null default 0 check (requisitioned_quantity >= 0),
    issued_quantity        numeric(18, 6) not null default 0 check (issued_quantity >= 0),
    issued_value           numeric(19, 4) not null default 0,
    unique (request_id, line_no)
);

-- The ims reservations that hold a line's stock; document_id is the 221 that consumed one.
create table material_request_reservation (
    reservation_id uuid primary key references reservation (id),
    line_id        uuid           not null references material_request_line (id) on delete cascade,
    quantity       numeric(18, 6) not null check (quantity > 0),
    status         varchar(10)    not null check (status in ('OPEN', 'CONSUMED', 'RELEASED')),
    document_id    uuid references stock_document (id),
    value          numeric(19, 4)
);
create index material_request_reservation_line on material_request_reservation (line_id);

-- issuedToPurpose sums issues by document reference
create index stock_document_reference on stock_document (reference);
