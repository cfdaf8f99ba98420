-- Calendar (ADR 0027): Google Calendar sync state and iCalendar feeds.

-- One row per plan entry (milestone, task due date, allocation) that is or was in the shared Google calendar.
-- It is both the mapping (our key <-> Google event id + etag) and the outbox: local_version > pushed_version means
-- "push me"; the sync job takes due rows with "for update skip locked", outside the business transaction.
create table calendar_event_link (
    item_key          varchar(80)   primary key,            -- <KIND>:<uuid>
    kind              varchar(16)   not null check (kind in ('MILESTONE', 'TASK_DUE', 'ALLOCATION')),
    item_id           uuid          not null,
    project_id        uuid,
    google_event_id   varchar(64)   not null unique,        -- derived from item_key, base32hex
    etag              varchar(200),                          -- of the event as Google last answered it
    content_hash      varchar(64),                           -- of what we last pushed (or took from Google)
    local_version     bigint        not null default 1,
    pushed_version    bigint        not null default 0,
    local_changed_at  timestamptz   not null,
    pushed_at         timestamptz,
    google_updated_at timestamptz,
    deleted           boolean       not null default false,  -- the Google event is (to be) deleted
    attempts          int           not null default 0,
    next_attempt_at   timestamptz   not null,
    last_error        varchar(1000)
);
create index calendar_event_link_due on calendar_event_link (next_attempt_at) where local_version > pushed_version;
create index calendar_event_link_project on calendar_event_link (project_id);

-- Sync token of the incremental pull (events.list?syncToken=...) per Google calendar.
create table calendar_sync_state (
    calendar_id     varchar(300) primary key,
    sync_token      varchar(2000),
    last_pull_at    timestamptz,
    last_full_at    timestamptz,
    last_error      varchar(1000)
);

-- Both sides changed an entry since the last sync; the later change won.
create table calendar_conflict (
    id                  uuid          primary key,
    item_key            varchar(80)   not null,
    project_id          uuid,
    google_event_id     varchar(64)   not null,
    google_start        date,
    google_updated_at   timestamptz   not null,
    millflow_start      date,
    millflow_changed_at timestamptz   not null,
    winner              varchar(16)   not null check (winner in ('GOOGLE', 'MILLFLOW')),
    resolved_at         timestamptz   not null
);
create index calendar_conflict_project on calendar_conflict (project_id, resolved_at desc);

-- Secret iCalendar feed URLs (/ical/<token>.ics). Only the SHA-256 of the token is stored.
create table calendar_feed (
    id          uuid          primary key,
    owner       varchar(64)   not null references app_user (username),
    scope       varchar(16)   not null check (scope in ('PERSON', 'PROJECT')),
    project_id  uuid          references project (id) on delete cascade,
    label       varchar(100)  not null,
    token_hash  varchar(64)   not null unique,
    created_at  timestamptz   not null,
    revoked_at  timestamptz,
    revoked_by  varchar(64),
    last_used_at timestamptz,
    check ((scope = 'PROJECT') = (project_id is not null))
);
create index calendar_feed_owner on calendar_feed (owner);
create index calendar_feed_project on calendar_feed (project_id);
