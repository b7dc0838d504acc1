-- Retention of incidents, custody items and hub packages, and legal holds on a person (issue 18).
-- Plain SQL for H2 and PostgreSQL.

-- A legal hold on a person: every record the erasure search finds for them (by exact case
-- reference, else exact name) and the incidents, custody items and packages linked to those, now
-- or later, are neither deleted by retention nor erased on request. The reference and name are kept
-- as the register keeps its subjects, only in this row (never in a URL or an audit entry, which name
-- the hold by its id), and the row goes when the hold is released.
create table retention_person_hold (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    reference        varchar(100),
    name             varchar(200),
    reason           varchar(1000) not null,
    set_by           uuid          not null,
    set_at           timestamp with time zone not null
);
create index retention_person_hold_org on retention_person_hold (organisation_id, set_at);

-- Finding what is linked to a person's records, and what has closed, without scanning.
create index incident_sharing_record on incident (organisation_id, sharing_record_id);
create index incident_decided on incident (organisation_id, status, decided_at);
create index custody_item_sharing_record on custody_item (organisation_id, sharing_record_id);
create index custody_item_closed on custody_item (organisation_id, closed_at);
