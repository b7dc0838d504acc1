-- Retention and erasure (issue 18, items 4 and 5). Plain SQL for H2 and PostgreSQL.

-- A legal hold: while it stands, the record is neither deleted by retention nor erased on request.
-- The reason is the DPO's own words, shown when a deletion is refused; audit entries carry only ids.
create table retention_hold (
    organisation_id  uuid          not null references organisation (id),
    record_id        uuid          not null,
    record_kind      varchar(30)   not null,
    reason           varchar(1000) not null,
    set_by           uuid          not null,
    set_at           timestamp with time zone not null,
    constraint retention_hold_pk primary key (organisation_id, record_id)
);

-- The review list the daily job fills: records whose retention period has ended, waiting for a
-- DPO's approval (or deleted by the job when the organisation chose automatic deletion).
create table retention_due (
    organisation_id  uuid          not null references organisation (id),
    record_id        uuid          not null,
    record_kind      varchar(30)   not null,
    closed_at        timestamp with time zone not null,
    due_at           timestamp with time zone not null,
    listed_at        timestamp with time zone not null,
    constraint retention_due_pk primary key (organisation_id, record_id)
);
create index retention_due_org_due on retention_due (organisation_id, due_at);

-- A deletion certificate: who deleted how many records, when, and why (SCHEDULE or ERASURE). What
-- it lists is its tombstones.
create table retention_certificate (
    id               uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    reason           varchar(20)   not null,
    -- null when the job deleted under automatic deletion
    issued_by        uuid,
    issued_at        timestamp with time zone not null,
    record_count     integer       not null
);
create index retention_certificate_org on retention_certificate (organisation_id, issued_at);

-- What stays of a deleted record so statistics stay true: kinds, codes and dates only, never a
-- name, free text or contact detail.
create table retention_tombstone (
    record_id        uuid          primary key,
    organisation_id  uuid          not null references organisation (id),
    certificate_id   uuid          not null references retention_certificate (id),
    record_kind      varchar(30)   not null,
    direction        varchar(20),
    decision         varchar(20),
    status           varchar(30),
    channel          varchar(30),
    marking          varchar(40),
    urgency          varchar(20),
    recipient_kind   varchar(30),
    created_at       timestamp with time zone,
    shared_at        timestamp with time zone,
    closed_at        timestamp with time zone,
    deleted_at       timestamp with time zone not null
);
create index retention_tombstone_org on retention_tombstone (organisation_id, record_kind, closed_at);
create index retention_tombstone_certificate on retention_tombstone (certificate_id);
