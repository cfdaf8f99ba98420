-- Resources (pms): teams, people, working calendars and holidays, allocations, timesheets.

create table team (
    id            uuid primary key,
    department_id uuid         references department (id),
    name          varchar(200) not null,
    lead_username varchar(64),
    created_at    timestamptz  not null,
    version       bigint       not null
);
create unique index team_name on team (coalesce(department_id, '00000000-0000-0000-0000-000000000000'), lower(name));

-- Working weekdays (ISO numbers 1 = Monday .. 7 = Sunday, comma-separated) and hours per working day.
-- One calendar per site; the calendar without a site (code DEFAULT) is for people without a site or whose
-- site has no calendar of its own.
create table work_calendar (
    id            uuid primary key,
    code          varchar(20)   not null unique,
    name          varchar(200)  not null,
    site_id       uuid unique references site (id),
    working_days  varchar(13)   not null check (working_days ~ '^[1-7](,[1-7]){0,6}$'),
    hours_per_day numeric(4, 2) not null check (hours_per_day > 0 and hours_per_day <= 24),
    created_at    timestamptz   not null,
    version       bigint        not null
);
create unique index work_calendar_one_default on work_calendar ((site_id is null)) where site_id is null;

create table public_holiday (
    calendar_id uuid         not null references work_calendar (id) on delete cascade,
    day         date         not null,
    name        varchar(200) not null,
    primary key (calendar_id, day)
);

insert into work_calendar (id, code, name, site_id, working_days, hours_per_day, created_at, version)
values ('00000000-0000-0000-0000-00000000ca1d', 'DEFAULT', 'Default (Monday to Friday, 8 h)', null, '1,2,3,4,5', 8,
        now(), 0);

-- A person who can be planned and who books time: one per app user.
create table person (
    id                    uuid primary key,
    username              varchar(64)    not null unique references app_user (username),
    team_id               uuid references team (id),
    site_id               uuid references site (id),
    weekly_capacity_hours numeric(5, 2)  not null check (weekly_capacity_hours >= 0 and weekly_capacity_hours <= 168),
    hourly_rate           numeric(12, 2) not null check (hourly_rate >= 0),
    active                boolean        not null default true,
    created_at            timestamptz    not null,
    version               bigint         not null
);
create index person_team on person (team_id);

-- Planned hours of a person on a project in an ISO week (week_start is its Monday).
create table allocation (
    id         uuid primary key,
    person_id  uuid          not null references person (id),
    project_id uuid          not null references project (id) on delete cascade,
    week_start date          not null check (extract(isodow from week_start) = 1),
    hours      numeric(6, 2) not null check (hours > 0 and hours <= 168),
    note       varchar(500),
    created_by varchar(64)   not null,
    created_at timestamptz   not null,
    updated_at timestamptz   not null,
    version    bigint        not null,
    unique (person_id, project_id, week_start)
);
create index allocation_week on allocation (week_start, person_id);
create index allocation_project on allocation (project_id);

-- The hours a person booked in an ISO week. DRAFT → SUBMITTED → APPROVED, or back to DRAFT when rejected.
-- hourly_rate is the person's rate taken when the timesheet is approved (labour cost does not move with later rates).
create table timesheet (
    id                  uuid primary key,
    person_id           uuid           not null references person (id),
    week_start          date           not null check (extract(isodow from week_start) = 1),
    status              varchar(10)    not null check (status in ('DRAFT', 'SUBMITTED', 'APPROVED')),
    submitted_at        timestamptz,
    decided_by          varchar(64),
    decided_at          timestamptz,
    decision_comment    varchar(2000),
    hourly_rate         numeric(12, 2),
    process_instance_id varchar(64),
    created_at          timestamptz    not null,
    updated_at          timestamptz    not null,
    version             bigint         not null,
    unique (person_id, week_start)
);
create index timesheet_status on timesheet (status, week_start);

create table timesheet_entry (
    id           uuid primary key,
    timesheet_id uuid          not null references timesheet (id) on delete cascade,
    task_id      uuid          not null references task (id) on delete cascade,
    project_id   uuid          not null references project (id) on delete cascade,
    day          date          not null,
    hours        numeric(5, 2) not null check (hours > 0 and hours <= 24),
    note         varchar(500),
    unique (timesheet_id, task_id, day)
);
create index timesheet_entry_project on timesheet_entry (project_id);
create index timesheet_entry_task on timesheet_entry (task_id);
