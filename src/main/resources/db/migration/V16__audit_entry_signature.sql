-- Each audit entry's own Ed25519 signature (base64, 88 characters), so that verification can name
-- the entry that was changed. Entries written before this migration have none.
alter table audit_entry add column signature varchar(100);
