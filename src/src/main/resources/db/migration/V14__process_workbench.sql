-- Process owners' workbench (ADR 0021): drafts of models, and who deployed which version with what comment.
-- The engine's own tables (ACT_RE_*) hold the deployed versions; these rows add what the engine does not know.

create table process_model_draft (
    id           uuid primary key,
    kind         varchar(8)   not null check (kind in ('BPMN', 'DMN', 'FORM')),
    model_key    varchar(255) not null,
    name         varchar(500),
    content      text         not null,
    base_version integer,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    updated_by   varchar(64)  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null
);
create index process_model_draft_key on process_model_draft (kind, model_key, updated_at desc);

create table process_deployment (
    id            uuid primary key,
    deployment_id varchar(64)  not null,
    definition_id varchar(255),
    kind          varchar(8)   not null check (kind in ('BPMN', 'DMN', 'FORM')),
    model_key     varchar(255) not null,
    version       integer,
    source        varchar(12)  not null check (source in ('INSTALLED', 'WORKBENCH')),
    deployed_by   varchar(64)  not null,
    deployed_at   timestamptz  not null,
    comment       varchar(2000),
    draft_id      uuid
);
create unique index process_deployment_once on process_deployment (deployment_id, kind, model_key);
create index process_deployment_key on process_deployment (kind, model_key, deployed_at desc);
