-- The relay is woken in process after a commit and polls for other replicas' commits. The NOTIFY
-- trigger is gone: PostgreSQL serialises every notifying commit on one cluster-wide lock held until the
-- commit record is flushed, so it cost group commit (bench: the INSERT ceiling fell to 0.30 with it).
drop trigger if exists event_store_appended on event_store;
drop function if exists event_store_notify();
