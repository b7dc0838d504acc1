-- Signed checkpoints of the audit trail's Merkle tree, and the key that signs them.
-- Plain SQL that runs on H2 and PostgreSQL; the append-only triggers are per vendor (V3).

-- One row per tree size: the primary key makes checkpointing cluster-safe, because two nodes that
-- checkpoint the same size race on one insert and the loser simply finds the winner's row.
create table audit_checkpoint (
    tree_size    bigint primary key,
    root_hash    varchar(44)   not null,
    created_at   timestamp with time zone not null,
    -- The C2SP signed note exactly as signed and exported; verification trusts only this text.
    signed_note  varchar(4000) not null,
    -- The compact range (MerkleTreeBuilder.frontier()) at this size, base64 hashes separated by
    -- spaces, so the next checkpoint resumes here instead of rereading every entry. Verification
    -- never trusts it: it always recomputes the tree from the entries.
    frontier     varchar(4000) not null
);

-- The Ed25519 key that signs checkpoints: a Tink keyset sealed (AES-256-GCM) under the master
-- keyset, which lives outside the database. One row per key; id 1 is the first key.
create table audit_signing_key (
    id             integer primary key,
    key_name       varchar(200)   not null,
    verifier_key   varchar(300)   not null,
    sealed_keyset  varchar(10000) not null,
    created_at     timestamp with time zone not null
);
