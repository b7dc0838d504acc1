-- Oversight (issue 18, item 1): records by recipient type and by lawful basis, counted and filtered
-- like the other register columns, and kept on tombstones so the figures stay true after retention.
-- Plain SQL for H2 and PostgreSQL.

-- The kind of organisation the record was shared with, as the policy assessed it (OrganisationType:
-- COUNCIL, SCHOOL, HEALTH, POLICE, VOLUNTARY, OTHER): the directory entry's kind when one was picked,
-- else the kind typed on the form. Null for records made before this column, unless the directory says.
alter table sharing_record add column recipient_type varchar(20);
-- The UK GDPR Article 6 basis (LawfulBasis), until now only inside the details JSON.
alter table sharing_record add column lawful_basis varchar(30);

-- Existing records: the directory entry's kind, mapped as the form maps it (social care is a council's).
update sharing_record set recipient_type = (select case e.kind when 'SOCIAL_CARE' then 'COUNCIL' else e.kind end
        from directory_entry e where e.id = sharing_record.recipient_entry_id)
    where recipient_entry_id is not null;
-- The details JSON is written by one mapper with no spaces, so its text is matched as written (the
-- JSON functions of H2 and PostgreSQL differ); a record with no basis keeps null.
update sharing_record set lawful_basis = case
        when details like '%"lawfulBasis":"PUBLIC_TASK"%' then 'PUBLIC_TASK'
        when details like '%"lawfulBasis":"LEGAL_OBLIGATION"%' then 'LEGAL_OBLIGATION'
        when details like '%"lawfulBasis":"VITAL_INTERESTS"%' then 'VITAL_INTERESTS'
        when details like '%"lawfulBasis":"CONSENT"%' then 'CONSENT'
        when details like '%"lawfulBasis":"CONTRACT"%' then 'CONTRACT'
        when details like '%"lawfulBasis":"LEGITIMATE_INTERESTS"%' then 'LEGITIMATE_INTERESTS'
    end
    where details like '%"lawfulBasis":"%';

-- One index that holds every column the figures count by, after the organisation and the day: a
-- period's figures are then one read of the index alone (index-only on PostgreSQL), not of the rows.
-- It replaces V27's narrower one; the recipient organisation keeps its own (V27).
drop index sharing_record_org_created_figures;
create index sharing_record_org_created_figures on sharing_record (organisation_id, created_at, status, channel, marking, direction,
    recipient_type, lawful_basis, call_back_outcome);
-- The register's new filters on their own, newest first, as the register page lists them.
create index sharing_record_org_type on sharing_record (organisation_id, recipient_type, created_at);
create index sharing_record_org_basis on sharing_record (organisation_id, lawful_basis, created_at);

-- Tombstones: the lawful basis too; recipient_kind now holds the recipient type above (it held the
-- directory entry's kind, which differs only in SOCIAL_CARE).
alter table retention_tombstone add column lawful_basis varchar(30);
update retention_tombstone set recipient_kind = 'COUNCIL' where recipient_kind = 'SOCIAL_CARE';
create index retention_tombstone_org_created on retention_tombstone (organisation_id, created_at);

-- Secure hub packages expiring soon, per sending organisation.
create index hub_package_org_status_expiry on hub_package (organisation_id, status, expires_at);
