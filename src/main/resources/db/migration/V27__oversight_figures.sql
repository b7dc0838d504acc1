-- The oversight figures count a period's records by channel, marking, status, direction and
-- recipient organisation. With these columns in an index beside the organisation and the day, the
-- counts read the index alone (an index-only scan on PostgreSQL) instead of every wide record row.
create index sharing_record_org_created_figures on sharing_record (organisation_id, created_at, status, channel, marking, direction);
create index sharing_record_org_created_recipient on sharing_record (organisation_id, created_at, recipient_org_key, recipient_organisation);
