-- Sign-in throttles shared by every node (identity.DatabaseSignInAttempts): one Bucket4j token bucket
-- per key (an account, a client address, a device cookie), its state serialised by Bucket4j, locked
-- with SELECT ... FOR UPDATE while an attempt is taken. expires_at (epoch milliseconds) is when the
-- bucket would be full again; a cluster job deletes rows past it. Used on PostgreSQL; the embedded
-- H2 database is a single node's, and counts in its memory.
create table sign_in_bucket (
    id         varchar(300) primary key,
    state      bytea,
    expires_at bigint
);
create index sign_in_bucket_expires_at on sign_in_bucket (expires_at);
