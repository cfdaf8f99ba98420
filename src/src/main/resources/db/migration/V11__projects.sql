-- Project management (pms): departments, projects, members, templates, tasks and what hangs on tasks.

create table department (
    id            uuid primary key,
    code          varchar(20)  not null unique,
    name          varchar(200) not null,
    head_username varchar(64),
    created_at    timestamptz  not null,
    version       bigint       not null
);

create table project (
    id             uuid primary key,
    code           varchar(20)    not null unique,
    name           varchar(200)   not null,
    description    varchar(4000),
    department_id  uuid           not null references department (id),
    manager        varchar(64)    not null,
    start_date     date           not null,
    end_date       date           not null,
    budget         numeric(19, 2) not null default 0 check (budget >= 0),
    currency       varchar(3)     not null default 'EUR',
    status         varchar(10)    not null check (status in ('PROPOSED', 'ACTIVE', 'ON_HOLD', 'CLOSED')),
    template_id    uuid,
    created_by     varchar(64)    not null,
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null,
    version        bigint         not null,
    check (end_date >= start_date)
);
create index project_status on project (status);
create index project_manager on project (manager);

-- Departments involved in a project besides its own (cross-department projects).
create table project_department (
    project_id    uuid not null references project (id) on delete cascade,
    department_id uuid not null references department (id),
    primary key (project_id, department_id)
);

create table project_member (
    project_id   uuid        not null references project (id) on delete cascade,
    username     varchar(64) not null,
    project_role varchar(20) not null check (project_role in ('MANAGER', 'MEMBER', 'VIEWER')),
    added_at     timestamptz not null,
    primary key (project_id, username)
);
create index project_member_user on project_member (username);

create table project_template (
    id          uuid primary key,
    code        varchar(40)   not null unique,
    name        varchar(200)  not null,
    description varchar(2000),
    created_at  timestamptz   not null,
    version     bigint        not null
);

-- A template task: offsets and durations in calendar days from the project start; parent by position.
create table template_task (
    id            uuid primary key,
    template_id   uuid          not null references project_template (id) on delete cascade,
    position      integer       not null,
    parent_id     uuid references template_task (id),
    name          varchar(200)  not null,
    offset_days   integer       not null check (offset_days >= 0),
    duration_days integer       not null check (duration_days >= 0),
    milestone     boolean       not null default false,
    estimate_hours numeric(9, 2) check (estimate_hours >= 0),
    project_role  varchar(20),
    unique (template_id, position)
);

create table template_dependency (
    template_id    uuid        not null references project_template (id) on delete cascade,
    predecessor_id uuid        not null references template_task (id) on delete cascade,
    successor_id   uuid        not null references template_task (id) on delete cascade,
    kind           varchar(2)  not null check (kind in ('FS', 'SS')),
    lag_days       integer     not null default 0,
    primary key (predecessor_id, successor_id)
);

create table task (
    id              uuid primary key,
    project_id      uuid          not null references project (id) on delete cascade,
    parent_id       uuid references task (id),
    number          integer       not null,
    name            varchar(200)  not null,
    description     varchar(8000),
    status          varchar(12)   not null check (status in ('TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'CANCELLED')),
    board_rank      integer       not null default 0,
    priority        varchar(8)    not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    milestone       boolean       not null default false,
    start_date      date          not null,
    end_date        date          not null,
    due_date        date,
    estimate_hours  numeric(9, 2) check (estimate_hours >= 0),
    assignee        varchar(64),
    needs_approval  boolean       not null default false,
    approval_state  varchar(10)   check (approval_state in ('PENDING', 'APPROVED', 'REJECTED')),
    completed_at    timestamptz,
    created_by      varchar(64)   not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null,
    unique (project_id, number),
    check (end_date >= start_date),
    check (not milestone or end_date = start_date)
);
create index task_project on task (project_id, status, board_rank);
create index task_parent on task (parent_id);
create index task_assignee on task (assignee, status);

create table task_label (
    task_id uuid        not null references task (id) on delete cascade,
    label   varchar(40) not null,
    primary key (task_id, label)
);

create table task_dependency (
    predecessor_id uuid       not null references task (id) on delete cascade,
    successor_id   uuid       not null references task (id) on delete cascade,
    project_id     uuid       not null references project (id) on delete cascade,
    kind           varchar(2) not null check (kind in ('FS', 'SS')),
    lag_days       integer    not null default 0,
    created_at     timestamptz not null,
    primary key (predecessor_id, successor_id),
    check (predecessor_id <> successor_id)
);
create index task_dependency_successor on task_dependency (successor_id);
create index task_dependency_project on task_dependency (project_id);

create table task_comment (
    id         uuid primary key,
    task_id    uuid          not null references task (id) on delete cascade,
    author     varchar(64)   not null,
    body       varchar(8000) not null,
    created_at timestamptz   not null
);
create index task_comment_task on task_comment (task_id, created_at);

create table task_mention (
    comment_id uuid        not null references task_comment (id) on delete cascade,
    username   varchar(64) not null,
    primary key (comment_id, username)
);
create index task_mention_user on task_mention (username);

-- Attachment metadata; the bytes live in the file store (millflow.files.dir), never in the row.
create table task_attachment (
    id           uuid primary key,
    task_id      uuid          not null references task (id) on delete cascade,
    file_name    varchar(255)  not null,
    content_type varchar(100)  not null,
    size_bytes   bigint        not null check (size_bytes > 0),
    sha256       varchar(64)   not null,
    storage_key  varchar(300)  not null unique,
    uploaded_by  varchar(64)   not null,
    uploaded_at  timestamptz   not null
);
create index task_attachment_task on task_attachment (task_id);

-- Every change of a task, field by field.
create table task_history (
    id         uuid primary key,
    task_id    uuid          not null references task (id) on delete cascade,
    changed_by varchar(64)   not null,
    changed_at timestamptz   not null,
    field      varchar(40)   not null,
    old_value  varchar(8000),
    new_value  varchar(8000)
);
create index task_history_task on task_history (task_id, changed_at);
