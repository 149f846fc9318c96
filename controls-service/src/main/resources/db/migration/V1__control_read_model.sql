-- The read model behind GET /api/v1/controls and the Statement of Applicability: one row per control,
-- written in the transaction of its events. Columns are what lists filter on; value lists are JSON or
-- varchar[] (the type Hibernate binds a String[] parameter as).
create table control (
    id                         text        primary key,
    objective_id               text,
    objective_title            text,
    title                      text        not null,
    description                text,
    source                     text        not null,
    applicability              text        not null,
    justification              text,
    implementation_status      text        not null,
    implementation_description text,
    target_date                date,
    owner                      text,
    linked_risk_ids            varchar[]   not null,
    last_test                  jsonb,
    frameworks                 varchar[]   not null,
    version                    bigint      not null,
    created_at                 timestamptz not null,
    updated_at                 timestamptz not null
);

create index control_page on control (created_at, id);
create index control_objective on control (objective_id);
