-- Entities of other domains as their published events made them (EntityReplica): a service keeps the
-- ones it refers to, folded with the owning domain's published fold, in the transaction that records
-- the event in its inbox.
create table entity_replica (
    entity_type text   not null,
    entity_id   text   not null,
    state       jsonb  not null,
    version     bigint not null,
    primary key (entity_type, entity_id)
);
