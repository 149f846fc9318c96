-- The event store of one service, shipped by libs/eventstore and applied by every service's Flyway
-- (versions 0.x belong to the library; a service's own migrations start at 1).

create table event_store (
    global_position bigint generated always as identity primary key,
    stream_id       text        not null,
    stream_type     text        not null,
    stream_version  bigint      not null check (stream_version > 0),
    event_id        uuid        not null,
    event_type      text        not null,
    schema_version  int         not null default 1,
    occurred_at     timestamptz not null,
    recorded_at     timestamptz not null default clock_timestamp(),
    actor           text        not null,
    correlation_id  text,
    causation_id    text,
    traceparent     text,
    payload         jsonb       not null,
    -- The writing transaction: the outbox relay publishes only below the oldest transaction still
    -- running, so an event committed late is never skipped (see OutboxRelay).
    transaction_id  xid8        not null default pg_current_xact_id(),
    constraint event_store_stream_version unique (stream_id, stream_version),
    constraint event_store_event_id unique (event_id)
);

create index event_store_relay_order on event_store (transaction_id, global_position);

-- Wakes the relay at commit (notifications are delivered only when the transaction commits).
create function event_store_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('aims_event_store', '');
    return null;
end
$$;

create trigger event_store_appended after insert on event_store
    for each statement execute function event_store_notify();

-- How far the relay has published, as (transaction, position) in relay order.
create table outbox_checkpoint (
    relay           text        primary key,
    transaction_id  xid8        not null,
    global_position bigint      not null,
    published_total bigint      not null default 0,
    updated_at      timestamptz not null default clock_timestamp()
);

-- Responses to POSTs sent with an Idempotency-Key, replayed for a repeat with the same body.
create table idempotency_record (
    actor           text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    status          int         not null,
    location        text,
    etag            text,
    body            text        not null,
    created_at      timestamptz not null default clock_timestamp(),
    primary key (actor, idempotency_key)
);

-- Events a consumer has applied, written in the same transaction as their effect.
create table inbox_processed (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default clock_timestamp(),
    primary key (consumer, event_id)
);
