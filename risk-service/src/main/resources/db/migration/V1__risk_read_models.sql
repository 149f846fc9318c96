-- The read models behind GET /api/v1/risks and /api/v1/impact-assessments: one row per risk and per
-- assessment, written in the transaction of its events. Columns are what lists filter and page on;
-- value objects nothing filters on (ratings, treatment, acceptance, signals, impacts) are JSON. Arrays
-- are varchar[], the type Hibernate binds a String[] parameter as, so that @> compares like with like.
create table risk (
    id             uuid        primary key,
    ai_system_ids  varchar[]   not null,
    title          text        not null,
    description    text,
    category       text        not null,
    source         text,
    owner          text        not null,
    inherent       jsonb,
    treatment      jsonb,
    residual       jsonb,
    -- The level of the score appetite is compared with: the residual one, or the inherent one while untreated.
    level          text,
    status         text        not null,
    acceptance     jsonb,
    review_due     date,
    over_appetite  boolean     not null,
    signals        jsonb       not null,
    -- The metrics of the signals recorded on the risk, so a breach finds the open risk it belongs to.
    signal_metrics varchar[]   not null,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index risk_page on risk (created_at, id);
create index risk_ai_systems on risk using gin (ai_system_ids);
create index risk_status on risk (status, created_at, id);
create index risk_owner on risk (owner, created_at, id);

create table impact_assessment (
    id              uuid        primary key,
    ai_system_id    uuid        not null,
    scope           text        not null,
    assessor        text        not null,
    impacts         jsonb       not null,
    status          text        not null,
    decision        jsonb,
    next_review_due date,
    stale           boolean     not null,
    stale_reason    text,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

create index impact_assessment_page on impact_assessment (created_at, id);
create index impact_assessment_ai_system on impact_assessment (ai_system_id, created_at, id);
