-- One versions table for every entity type the contracts declare (EntityType in libs/event-contracts),
-- instead of a table per type. Same rules as ai_system_version had (V2, V5): valid_* from the events'
-- valid time, recorded_* from the log's recorded time; append-only for the application role (a version
-- is only inserted, or closed once in system time); deleted only by a rebuild on record in
-- derived_rebuild. The versions are derived data: the service derives them again from the log at start
-- when the table is empty and the log is not (the rebuild is recorded as requested by this migration).
create table entity_version (
    entity_type   text        not null,
    entity_id     text        not null,
    valid_from    timestamptz not null,
    valid_to      timestamptz,
    recorded_from timestamptz not null,
    recorded_to   timestamptz,
    event_seq     bigint      not null,
    event_id      text        not null,
    event_type    text        not null,
    ended         boolean     not null,
    -- the published view of the version (what the API answers) ...
    state         jsonb       not null,
    -- ... and what the next event evolves without folding the history again: the fold's own state,
    -- the newest stream version folded in, and when the entity began.
    fold          jsonb       not null,
    stream_version bigint     not null,
    created_at    timestamptz not null
);

create index entity_version_entity on entity_version (entity_type, entity_id, valid_from);
create index entity_version_current on entity_version (entity_type, entity_id) where recorded_to is null;
create index entity_version_bitemporal on entity_version
    using gist (tstzrange(valid_from, valid_to), tstzrange(recorded_from, recorded_to));

create function entity_version_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.recorded_to is null and new.recorded_to is not null
           and (new.entity_type, new.entity_id, new.valid_from, new.valid_to, new.recorded_from, new.event_seq,
                new.event_id, new.event_type, new.ended, new.state, new.fold, new.stream_version, new.created_at)
               is not distinct from (old.entity_type, old.entity_id, old.valid_from, old.valid_to, old.recorded_from,
                old.event_seq, old.event_id, old.event_type, old.ended, old.state, old.fold, old.stream_version,
                old.created_at) then
            return new;
        end if;
        raise exception 'derived history is append-only: a version may only be closed, once, in system time';
    end if;
    if exists (select from derived_rebuild where txid = txid_current()) then
        return old;
    end if;
    raise exception 'derived history is append-only: versions are deleted only by a recorded rebuild';
end
$$;

create trigger entity_version_append_only before update or delete on entity_version
    for each row execute function entity_version_guard();
create trigger entity_version_no_truncate before truncate on entity_version
    for each statement execute function audit_log_refuse_change();

revoke truncate on entity_version from public;
grant select, insert, update, delete on entity_version to aims_audit_writer;

-- The AI system versions move to entity_version by being derived again from the log (see above).
drop table ai_system_version;
drop function derived_version_guard();
