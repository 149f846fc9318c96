-- Derived history is append-only for the application role, like the log it comes from. A version is
-- only ever inserted, or closed once in system time (recorded_to set where it was null, nothing else
-- changed): that close is the fact "from then on this was no longer believed", recorded once. A
-- rebuild may delete the versions, but only in a transaction that first appended its own row to
-- derived_rebuild, so every wipe stays on record; GET /api/v1/audit/verify?derived=true derives the
-- versions again from the log and names the first entity whose stored versions differ.

create table derived_rebuild (
    id           bigint generated always as identity primary key,
    txid         bigint      not null default txid_current(),
    requested_by text        not null,
    started_at   timestamptz not null default now()
);
create trigger derived_rebuild_append_only before update or delete on derived_rebuild
    for each row execute function audit_log_refuse_change();
create trigger derived_rebuild_no_truncate before truncate on derived_rebuild
    for each statement execute function audit_log_refuse_change();

create function derived_version_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if old.recorded_to is null and new.recorded_to is not null
           and (new.ai_system_id, new.valid_from, new.valid_to, new.recorded_from, new.event_seq, new.event_id,
                new.event_type, new.state)
               is not distinct from (old.ai_system_id, old.valid_from, old.valid_to, old.recorded_from,
                old.event_seq, old.event_id, old.event_type, old.state) then
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

create trigger ai_system_version_append_only before update or delete on ai_system_version
    for each row execute function derived_version_guard();
create trigger ai_system_version_no_truncate before truncate on ai_system_version
    for each statement execute function audit_log_refuse_change();

revoke truncate on ai_system_version from public;
grant select, insert on derived_rebuild to aims_audit_writer;
