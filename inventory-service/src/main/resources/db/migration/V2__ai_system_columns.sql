-- The read model keeps an AI system in columns of its own instead of the API view's JSON: the API can
-- change without migrating this table, and lists filter and sort on real columns. Models and datasets
-- are value lists that nothing filters on: one JSON object {"models": [...], "datasets": [...]} in the
-- shape of the domain's state (Hibernate Reactive maps a JSON column to an object, not to an array).
alter table ai_system
    add column name                     text,
    add column description              text,
    add column purpose                  text,
    add column business_unit            text,
    add column organization_role        text,
    add column ai_technique             text,
    add column deployment_context       text,
    add column human_oversight          text,
    add column affected_stakeholders    text[],
    add column vendor                   text,
    add column classification_rationale text,
    add column components               jsonb;

update ai_system set
    name                     = view ->> 'name',
    description              = view ->> 'description',
    purpose                  = view ->> 'purpose',
    business_unit            = view ->> 'businessUnit',
    organization_role        = view ->> 'organizationRole',
    ai_technique             = view ->> 'aiTechnique',
    deployment_context       = view ->> 'deploymentContext',
    human_oversight          = view ->> 'humanOversight',
    affected_stakeholders    = array(select jsonb_array_elements_text(coalesce(view -> 'affectedStakeholders', '[]'))),
    vendor                   = view ->> 'vendor',
    classification_rationale = view ->> 'classificationRationale',
    components               = jsonb_build_object('models', coalesce(view -> 'models', '[]'),
                                                  'datasets', coalesce(view -> 'datasets', '[]'));

alter table ai_system
    alter column name set not null,
    alter column affected_stakeholders set not null,
    alter column components set not null,
    drop column view;

create index ai_system_lifecycle_stage on ai_system (lifecycle_stage, created_at, id);
create index ai_system_risk_class on ai_system (eu_ai_act_risk_class, created_at, id);
