-- Oversight at scale (issue 18, performance): the register's records counted by day and by month,
-- per organisation and per counted column, kept by the register in the same transaction as it makes
-- a record, changes it or deletes it under the retention schedule (sharing.RegisterTotals). A year's
-- dashboard then reads a few thousand rows instead of half a million records (bench/oversight/RESULTS.md).
-- Plain SQL for H2 and PostgreSQL.
create table register_total (
    organisation_id  uuid          not null references organisation (id),
    -- 'D': the day in starts (UTC, as the register's date filters); 'M': the calendar month starting on it
    span             char(1)       not null,
    starts           date          not null,
    -- STATUS, CHANNEL, MARKING, DIRECTION, RECIPIENT_ORGANISATION (its case-blind key), RECIPIENT_TYPE,
    -- LAWFUL_BASIS ('NONE' when not recorded), VERIFIED_BY_CALL_BACK (requests received, value VERIFIED)
    counted          varchar(30)   not null,
    counted_value    varchar(200)  not null,
    -- Writers add to one of a few rows (by record) so they do not all queue for one row of the day; readers sum them.
    shard            smallint      not null,
    -- records still held, and records deleted under the retention schedule (as their tombstones count them)
    held             bigint        not null,
    deleted          bigint        not null,
    -- a recipient organisation's name as first written (the alphabetically first, as the register's grouping shows it)
    label            varchar(200),
    constraint register_total_pk primary key (organisation_id, span, starts, counted, counted_value, shard)
);

-- The existing records and tombstones, by the UTC day they were made (epoch seconds: H2 casts a time
-- zone's timestamp to a date in the session's zone, PostgreSQL in the server's). A tombstone keeps no
-- recipient organisation and no call-back, so those count only records still held, as before. The
-- view stays: RegisterTotals.recount rebuilds one organisation's totals from it (after a bulk load).
create view register_total_source as
    select organisation_id, date '1970-01-01' + cast(floor(extract(epoch from created_at) / 86400) as integer) as d,
        status, channel, marking, direction, recipient_org_key, recipient_organisation,
        coalesce(recipient_type, 'NONE') as recipient_type, coalesce(lawful_basis, 'NONE') as lawful_basis,
        case when direction = 'REQUEST_RECEIVED' and call_back_outcome = 'VERIFIED' then 'VERIFIED' end as verified,
        1 as held, 0 as deleted
    from sharing_record
    union all
    select organisation_id, date '1970-01-01' + cast(floor(extract(epoch from created_at) / 86400) as integer),
        coalesce(status, 'NONE'), coalesce(channel, 'NONE'), coalesce(marking, 'NONE'), coalesce(direction, 'NONE'), null, null,
        coalesce(recipient_kind, 'NONE'), coalesce(lawful_basis, 'NONE'), null, 0, 1
    from retention_tombstone
    where record_kind in ('SHARE', 'DECISION_NOT_TO_SHARE', 'REQUEST_RECEIVED') and created_at is not null;

insert into register_total (organisation_id, span, starts, counted, counted_value, shard, held, deleted, label)
select organisation_id, 'D', d, counted, counted_value, 0, sum(held), sum(deleted), min(label) from (
    select organisation_id, d, 'STATUS' as counted, status as counted_value, held, deleted, cast(null as varchar(200)) as label
        from register_total_source
    union all select organisation_id, d, 'CHANNEL', channel, held, deleted, null from register_total_source
    union all select organisation_id, d, 'MARKING', marking, held, deleted, null from register_total_source
    union all select organisation_id, d, 'DIRECTION', direction, held, deleted, null from register_total_source
    union all select organisation_id, d, 'RECIPIENT_TYPE', recipient_type, held, deleted, null from register_total_source
    union all select organisation_id, d, 'LAWFUL_BASIS', lawful_basis, held, deleted, null from register_total_source
    union all select organisation_id, d, 'RECIPIENT_ORGANISATION', recipient_org_key, held, deleted, recipient_organisation
        from register_total_source where recipient_org_key is not null
    union all select organisation_id, d, 'VERIFIED_BY_CALL_BACK', verified, held, deleted, null
        from register_total_source where verified is not null
) c
group by organisation_id, d, counted, counted_value;

insert into register_total (organisation_id, span, starts, counted, counted_value, shard, held, deleted, label)
select organisation_id, 'M', m, counted, counted_value, 0, sum(held), sum(deleted), min(label)
from (select organisation_id, cast(date_trunc('month', starts) as date) as m, counted, counted_value, held, deleted, label
      from register_total where span = 'D') d
group by organisation_id, m, counted, counted_value;
