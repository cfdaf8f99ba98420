-- Issue 8: the in-app notification centre, per-user preferences, digest queue and overdue reminders (ADR 28).

create table notification (
    id          uuid primary key,
    username    varchar(64)   not null,
    kind        varchar(40)   not null,
    title       varchar(300)  not null,
    body        varchar(2000),
    link        varchar(500),
    data        jsonb         not null default '{}'::jsonb,
    created_at  timestamptz   not null,
    read_at     timestamptz
);
create index notification_user_created on notification (username, created_at desc, id);
create index notification_user_unread on notification (username) where read_at is null;
create index notification_read_at on notification (read_at) where read_at is not null;

-- one row per user and kind that differs from nothing: rows are written on save, defaults apply when absent
create table notification_preference (
    username    varchar(64)  not null,
    kind        varchar(40)  not null,
    in_app      boolean      not null,
    mail        varchar(10)  not null check (mail in ('OFF', 'IMMEDIATE', 'DIGEST')),
    primary key (username, kind)
);

create table notification_setting (
    username        varchar(64) primary key,
    digest_hour     smallint    not null check (digest_hour between 0 and 23),
    last_digest_on  date
);

-- notifications waiting for the user's daily digest mail (kept even when the in-app row is off)
create table notification_digest_item (
    id          uuid primary key,
    username    varchar(64)   not null,
    kind        varchar(40)   not null,
    title       varchar(300)  not null,
    body        varchar(2000),
    link        varchar(500),
    data        jsonb         not null default '{}'::jsonb,
    created_at  timestamptz   not null
);
create index notification_digest_item_user on notification_digest_item (username, created_at);

-- "overdue" reminders sent: at most one per task, person and day
create table notification_reminder (
    task_ref    varchar(100) not null,
    username    varchar(64)  not null,
    day         date         not null,
    primary key (task_ref, username, day)
);
