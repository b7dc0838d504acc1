-- Audit writes without a global lock (ADR 0012). A change's transaction inserts its entry here,
-- touching no shared row; one sequencer at a time moves committed entries into audit_entry in
-- batches, giving them dense sequence numbers and extending the Merkle tree. Plain SQL for H2 and
-- PostgreSQL.
create table audit_pending (
    id               uuid primary key,
    occurred_at      timestamp with time zone not null,
    actor_id         varchar(64),
    organisation_id  uuid,
    action           varchar(80)  not null,
    target           varchar(200),
    outcome          varchar(20)  not null,
    client_address   varchar(64),
    details          varchar(2000),
    -- HMAC-SHA256 of the entry (id and fields) under a key sealed by the master keyset (in
    -- sealed_keyset, as 'audit-entry-seal'): an entry edited in the database before or after it is
    -- sequenced no longer matches its seal.
    seal             varchar(100) not null
);
-- No index by organisation: the table holds only what the sequencer has not reached yet (a
-- second's worth), so the viewer scans it, and every writer is spared one more index to update.
-- The sequencer takes the oldest first, a batch at a time: without this it would sort the whole
-- backlog for every batch, and fall further behind the more there is to do.
create index audit_pending_order on audit_pending (occurred_at, id);

-- A sequenced entry keeps the id and seal it was written with (entries from before this change
-- have neither), so verification can check the seal and a node can see that an entry it committed
-- arrived in the trail.
alter table audit_entry add column pending_id uuid;
-- The seal replaces V16's per-entry Ed25519 signature: it is made where the entry is written (inside
-- every audited change) and an HMAC costs a fraction of a signature there; no release carried V16.
alter table audit_entry drop column signature;
alter table audit_entry add column seal varchar(100);
create unique index audit_entry_pending_id on audit_entry (pending_id);
