-- The sample counter's read model, written through Hibernate Reactive in the command's transaction.
create table counter_record (
    id         text   primary key,
    value      int    not null,
    counter_limit int not null,
    version    bigint not null
);
