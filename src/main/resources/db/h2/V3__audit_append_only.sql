-- The audit trail is append-only: UPDATE and DELETE on audit_entry and audit_checkpoint raise an
-- error (org.caseshare.audit.AppendOnlyTrigger). H2 fires no trigger on TRUNCATE; H2 is for a
-- single self-hosted node, where whoever can run SQL on the file can also replace the file, and the
-- exported signed checkpoints are what catch that.
create trigger audit_entry_append_only before update, delete on audit_entry
    for each row call 'org.caseshare.audit.AppendOnlyTrigger';
create trigger audit_checkpoint_append_only before update, delete on audit_checkpoint
    for each row call 'org.caseshare.audit.AppendOnlyTrigger';
