-- The read model behind GET /api/v1/ai-systems: one row per AI system, written in the same
-- transaction as its events. The view is kept as JSON; the columns are what lists filter and page on.
create table ai_system (
    id                   uuid        primary key,
    owner                text        not null,
    lifecycle_stage      text        not null,
    eu_ai_act_risk_class text        not null,
    status               text        not null,
    external_ref         text,
    version              bigint      not null,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    view                 jsonb       not null,
    constraint ai_system_external_ref unique (external_ref)
);

create index ai_system_page on ai_system (created_at, id);
create index ai_system_owner on ai_system (owner, created_at, id);
