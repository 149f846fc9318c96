-- What the test app's Kafka consumer (inbox/TestEventsConsumer) applied, in apply order.
create table consumed_effect (
    seq      bigint generated always as identity primary key,
    event_id text not null unique,
    subject  text not null
);
