-- The register's "person" and "recipient organisation" filters match text anywhere in a name
-- (LIKE '%…%'), which a b-tree index cannot serve: with a million records in one organisation each
-- search read every row (p50 ≈ 0.5 s, bench/sharing/RESULTS.md). Trigram indexes serve them.
-- pg_trgm ships with PostgreSQL and is a trusted extension (13+): the database owner may create it.
create extension if not exists pg_trgm;

create index sharing_subject_name_trgm on sharing_subject using gin (name_key gin_trgm_ops);
create index sharing_record_recipient_trgm on sharing_record using gin (recipient_org_key gin_trgm_ops);
-- Channel filters with a date range, newest first.
create index sharing_record_org_channel on sharing_record (organisation_id, channel, created_at);
