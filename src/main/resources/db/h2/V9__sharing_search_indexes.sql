-- H2 (development and tests) has no trigram indexes; PostgreSQL's V9 adds them for the register's
-- name and recipient searches. Both get the channel index.
create index sharing_record_org_channel on sharing_record (organisation_id, channel, created_at);
