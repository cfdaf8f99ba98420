-- Webhooks (issue 8, ADR 0029): subscriptions of other systems to business events, the deliveries written in the
-- transaction of the change (outbox) and every HTTP attempt made for them.

create table webhook_subscription (
    id                  uuid primary key,
    name                varchar(100)  not null,
    url                 varchar(2000) not null,
    -- '*' = every event type, else a comma-separated list of EventTypes
    event_types         varchar(2000) not null,
    -- comma-separated capabilities (ims, procurement, pms, process); null = any
    capabilities        varchar(200),
    active              boolean       not null,
    -- AES-256-GCM of the signing secret under millflow.webhooks.secret-key; the plain secret is never stored
    secret_cipher       varchar(500)  not null,
    -- the last four characters of the secret, so people can tell which one a receiver holds
    secret_hint         varchar(8)    not null,
    secret_rotated_at   timestamptz   not null,
    deactivated_reason  varchar(300),
    created_by          varchar(64)   not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);
create index webhook_subscription_active on webhook_subscription (active) where active;

create table webhook_delivery (
    id                  uuid primary key,
    subscription_id     uuid          not null references webhook_subscription (id) on delete cascade,
    event_id            uuid          not null,
    event_type          varchar(60)   not null,
    -- the exact body sent on every attempt (byte-identical across retries and re-sends)
    payload             text          not null,
    status              varchar(20)   not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED_RETRYING', 'DEAD')),
    -- a re-send starts a new series of attempts (1 = the first)
    series              int           not null default 1,
    attempts            int           not null default 0,
    next_attempt_at     timestamptz,
    last_attempt_at     timestamptz,
    last_status_code    int,
    last_error          varchar(500),
    response_excerpt    varchar(1000),
    last_duration_ms    bigint,
    delivered_at        timestamptz,
    created_at          timestamptz   not null,
    unique (subscription_id, event_id)
);
-- the sender's poll: deliveries that are due, oldest first
create index webhook_delivery_due on webhook_delivery (next_attempt_at)
    where status in ('PENDING', 'FAILED_RETRYING');
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at desc);
create index webhook_delivery_dead on webhook_delivery (last_attempt_at desc) where status = 'DEAD';

create table webhook_attempt (
    id                  bigserial primary key,
    delivery_id         uuid          not null references webhook_delivery (id) on delete cascade,
    series              int           not null,
    attempt             int           not null,
    started_at          timestamptz   not null,
    duration_ms         bigint        not null,
    -- Millflow-Timestamp that was signed
    signed_at           bigint        not null,
    status_code         int,
    error               varchar(500),
    response_excerpt    varchar(1000),
    unique (delivery_id, series, attempt)
);
