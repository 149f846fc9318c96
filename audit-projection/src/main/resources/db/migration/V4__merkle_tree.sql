-- The audit log as a Merkle tree (RFC 9162, as Certificate Transparency does it): leaf i is the i-th
-- entry of the log in seq order, hashed from the RFC 8785 canonical form of its CloudEvent. Every
-- complete subtree's hash is kept, so any tree head or proof costs O(log n) reads.
-- Nothing here refers to audit_log by a foreign key on purpose: the tree is the evidence the log is
-- checked against, and must survive whatever happens to the log's rows.

-- Which log entry each leaf is.
create table merkle_leaf (
    leaf_index bigint primary key,
    seq        bigint not null unique
);

-- The hash of the 2^level leaves from leaf node_index * 2^level; level 0 holds the leaf hashes.
create table merkle_node (
    level      smallint not null,
    node_index bigint   not null,
    hash       bytea    not null,
    primary key (level, node_index)
);

-- The tree head the appender works from (one row, changed under a row lock by every append).
create table merkle_tree (
    singleton boolean primary key default true check (singleton),
    size      bigint  not null,
    root_hash bytea   not null
);
insert into merkle_tree (size, root_hash) values (0, sha256(''::bytea));

-- Signed tree heads, append-only like the log. The signature is Ed25519 over the text form
-- documented in audit-projection/README.md, with signed_at exactly as it appears there.
create table audit_checkpoint (
    tree_size  bigint primary key,
    root_hash  text   not null,
    signed_at  text   not null,
    key_id     text   not null,
    signature  text   not null
);

create trigger merkle_leaf_append_only before update or delete on merkle_leaf
    for each row execute function audit_log_refuse_change();
create trigger merkle_leaf_no_truncate before truncate on merkle_leaf
    for each statement execute function audit_log_refuse_change();
create trigger merkle_node_append_only before update or delete on merkle_node
    for each row execute function audit_log_refuse_change();
create trigger merkle_node_no_truncate before truncate on merkle_node
    for each statement execute function audit_log_refuse_change();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_log_refuse_change();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_log_refuse_change();

revoke update, delete, truncate on merkle_leaf, merkle_node, audit_checkpoint from public;
grant select, insert on merkle_leaf, merkle_node, audit_checkpoint to aims_audit_writer;
grant select, update on merkle_tree to aims_audit_writer;
