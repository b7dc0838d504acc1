-- A readable reference for each record (CS-2026-00123), for people to quote on the telephone and to
-- search by: a sequence per organisation and year with no gaps. The counter row is updated in the
-- same transaction as the record is written, so its row lock orders concurrent writers on every node
-- and a record that rolls back gives its number back. Plain SQL for H2 and PostgreSQL.
alter table sharing_record add column reference varchar(20);

create table sharing_reference_counter (
    organisation_id uuid    not null references organisation (id),
    ref_year        integer not null,
    last_number     integer not null,
    primary key (organisation_id, ref_year)
);

-- Records made before references existed are numbered in the order they were made.
update sharing_record set reference = (
    select 'CS-' || cast(n.ref_year as varchar(4)) || '-' || lpad(cast(n.k as varchar(10)), 5, '0')
    from (select id, cast(extract(year from created_at) as integer) as ref_year,
                 row_number() over (partition by organisation_id, cast(extract(year from created_at) as integer)
                                    order by created_at, id) as k
          from sharing_record) n
    where n.id = sharing_record.id);

insert into sharing_reference_counter (organisation_id, ref_year, last_number)
    select organisation_id, cast(extract(year from created_at) as integer), count(*)
    from sharing_record group by organisation_id, cast(extract(year from created_at) as integer);

create unique index sharing_record_reference on sharing_record (organisation_id, reference);
