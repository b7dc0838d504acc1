-- Nothing lives for ever (issue #13 §7). Plain SQL for H2 and PostgreSQL.

-- Personal access tokens expire. Tokens issued before expiry existed get 90 days from their
-- creation (the default for new ones), so none of them lives for ever either.
alter table api_token add column expires_at timestamp with time zone;
update api_token set expires_at = created_at + interval '90' day;
alter table api_token alter column expires_at set not null;

-- How many days an email channel's receipt link works: an organisation setting.
alter table organisation add column receipt_link_days integer default 30 not null;

-- The receipt link expires: stamped when the link is sent. Links sent before this get the default
-- 30 days from when they were sent.
alter table channel_email_attachment add column receipt_link_expires_at timestamp with time zone;
update channel_email_attachment set receipt_link_expires_at = sent_at + interval '30' day
    where receipt_token_hash is not null and sent_at is not null;
