-- Audit entry ids are now time-ordered (UUIDv7, ADR 0012): the sequencer takes the oldest entries by
-- their id, through the primary key, so every audited change is spared this second index.
drop index audit_pending_order;
