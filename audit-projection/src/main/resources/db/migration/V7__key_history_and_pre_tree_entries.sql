-- The keys checkpoints are signed with, oldest first (GET /api/v1/audit/checkpoints/keys). Every key
-- after the first carries its predecessor's Ed25519 signature over the hand-over text documented in
-- audit-projection/README.md ("Rotating the signing key"), so the chain of keys verifies by itself.
-- A key signs checkpoints of from_tree_size entries up to the next key's from_tree_size.
create table audit_signing_key (
    position            int    primary key check (position >= 0),
    key_id              text   not null unique,
    public_key          text   not null,
    from_tree_size      bigint not null check (from_tree_size >= 0),
    from_time           text   not null,
    hand_over_signature text,
    check ((position = 0) = (hand_over_signature is null))
);

create trigger audit_signing_key_append_only before update or delete on audit_signing_key
    for each row execute function audit_log_refuse_change();
create trigger audit_signing_key_no_truncate before truncate on audit_signing_key
    for each statement execute function audit_log_refuse_change();
revoke update, delete, truncate on audit_signing_key from public;
grant select, insert on audit_signing_key to aims_audit_writer;

-- Entries logged before the tree existed: V4 began an empty tree beside a log that may already have had
-- rows, and the tree's leaves are the log's entries in seq order, so those rows can be neither put in
-- front (that would change every signed root) nor appended (they would follow later entries). They are
-- recorded here once, with the SHA-256 of their text, and verify reports them apart: valid while each
-- is still the row recorded here, covered by no signature (ADR 0009). Nobody appends to this table.
create table audit_pre_tree_entry (
    seq    bigint primary key,
    digest bytea  not null
);

insert into audit_pre_tree_entry (seq, digest)
select a.seq, sha256(convert_to(a.cloud_event, 'UTF8'))
from audit_log a
where not exists (select from merkle_leaf l where l.seq = a.seq)
  and a.seq < coalesce((select min(seq) from merkle_leaf), 9223372036854775807);

create trigger audit_pre_tree_entry_unchanged before insert or update or delete on audit_pre_tree_entry
    for each row execute function audit_log_refuse_change();
create trigger audit_pre_tree_entry_no_truncate before truncate on audit_pre_tree_entry
    for each statement execute function audit_log_refuse_change();
revoke insert, update, delete, truncate on audit_pre_tree_entry from public;
grant select on audit_pre_tree_entry to aims_audit_writer;
