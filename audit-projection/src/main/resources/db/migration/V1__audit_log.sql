-- The audit trail: one row per event ever published, in the order the projection received them.
-- Append-only, enforced here and not only by the code: rows cannot be updated or deleted and the
-- table cannot be truncated, by anyone, while these triggers stand.
create table audit_log (
    seq             bigint      generated always as identity primary key,
    event_id        text        not null,
    source          text        not null,
    type            text        not null,
    subject         text,
    occurred_at     timestamptz,
    recorded_at     timestamptz not null default clock_timestamp(),
    actor           text,
    correlation_id  text,
    topic           text        not null,
    kafka_partition int         not null,
    kafka_offset    bigint      not null,
    -- The CloudEvent exactly as it arrived (structured JSON): what the trail shows and what gets hashed.
    cloud_event     text        not null,
    constraint audit_log_event_id unique (event_id)
);

create index audit_log_subject on audit_log (subject, seq);
create index audit_log_type on audit_log (type, seq);
create index audit_log_actor on audit_log (actor, seq);
create index audit_log_occurred on audit_log (occurred_at, seq);

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % is refused', tg_op
        using errcode = '42501', hint = 'Entries are never changed or removed; append a correcting event instead.';
end
$$;

create trigger audit_log_no_update_or_delete before update or delete on audit_log
    for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_refuse_change();

revoke update, delete, truncate on audit_log from public;

-- The role the application should run as in production: it may read and append, nothing else.
do $$
begin
    if not exists (select from pg_roles where rolname = 'aims_audit_writer') then
        create role aims_audit_writer nologin;
    end if;
exception when insufficient_privilege then
    raise notice 'aims_audit_writer not created: the migrating user may not create roles';
end
$$;

do $$
begin
    grant select, insert on audit_log to aims_audit_writer;
exception when undefined_object then
    raise notice 'aims_audit_writer does not exist; grant select and insert on audit_log to the application role';
end
$$;
