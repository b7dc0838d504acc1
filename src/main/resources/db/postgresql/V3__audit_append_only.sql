-- The audit trail is append-only even for the application's own database role: UPDATE, DELETE
-- and TRUNCATE on audit_entry and audit_checkpoint raise an error. Grants (docs/audit-postgresql-grants.md)
-- are the first line; these triggers also stop a role that was granted too much. A superuser can
-- still disable them, which is why the Merkle tree and the exported checkpoints exist.
create function audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % on % is not allowed', tg_op, tg_table_name
        using errcode = '42501';
end;
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_append_only();
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_append_only();
