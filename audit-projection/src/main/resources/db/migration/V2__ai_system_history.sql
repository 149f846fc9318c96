-- Bitemporal versions of AI systems, derived from the audit log (and rebuilt from it at will).
-- valid_* is when a version held in the world (from the events' occurred-at); recorded_* is when the
-- platform knew it (from the log's recorded-at). A late event closes, in system time, the versions it
-- changes and adds corrected ones: what was known before stays queryable.
create table ai_system_version (
    ai_system_id  uuid        not null,
    valid_from    timestamptz not null,
    valid_to      timestamptz,
    recorded_from timestamptz not null,
    recorded_to   timestamptz,
    event_seq     bigint      not null,
    event_id      text        not null,
    event_type    text        not null,
    state         jsonb       not null
);

create index ai_system_version_entity on ai_system_version (ai_system_id, valid_from);
create index ai_system_version_current on ai_system_version (ai_system_id) where recorded_to is null;
-- "Everything as of (asOf, knownAt)" is a lookup in both time dimensions at once.
create index ai_system_version_bitemporal on ai_system_version
    using gist (tstzrange(valid_from, valid_to), tstzrange(recorded_from, recorded_to));
