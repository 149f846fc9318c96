-- The login role the service runs as: a member of aims_audit_writer (read and append the log), and
-- free to maintain the derived tables, which are rebuilt from the log at will. Created here unless an
-- administrator created it already (then only the grants are ensured).
do $$
begin
    if not exists (select from pg_roles where rolname = 'aims_audit_app') then
        create role aims_audit_app login password '${audit_app_password}';
    end if;
    grant aims_audit_writer to aims_audit_app;
exception when insufficient_privilege then
    raise notice 'aims_audit_app not created: create it as a member of aims_audit_writer';
end
$$;

grant usage on schema public to aims_audit_writer;
grant select, insert, update, delete on ai_system_version to aims_audit_writer;
grant select, insert, update, delete on event_store, outbox_checkpoint, idempotency_record, inbox_processed
    to aims_audit_writer;
