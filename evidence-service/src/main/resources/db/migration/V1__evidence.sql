-- The read model behind GET /api/v1/evidence: one row per piece of evidence, written in the transaction of
-- its events. Columns are what lists filter on; value lists are JSON or varchar[].
create table evidence (
    id             uuid        primary key,
    title          text,
    description    text,
    kind           text        not null,
    control_ids    varchar[]   not null,
    ai_system_ids  varchar[]   not null,
    effective_at   timestamptz not null,
    valid_until    timestamptz,
    collected_by   text,
    source         text,
    content        jsonb,
    external_uri   text,
    sha256         text        not null,
    status         text        not null,
    reviews        jsonb       not null,
    superseded_by  uuid,
    version        bigint      not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

create index evidence_page on evidence (created_at, id);
-- What the expiry sweep looks for.
create index evidence_due on evidence (valid_until) where status in ('PENDING_REVIEW', 'ACCEPTED');

-- Stored content, addressed by its SHA-256: the same bytes are stored once, in chunks, so that nothing
-- reads or writes a whole file at once. Written in the transaction of the submission that brought it.
create table evidence_content (
    sha256     text        primary key,
    size       bigint      not null,
    chunks     int         not null,
    stored_at  timestamptz not null default clock_timestamp()
);

create table evidence_content_chunk (
    sha256  text  not null references evidence_content (sha256),
    seq     int   not null,
    data    bytea not null,
    primary key (sha256, seq)
);
