-- The directory: each tenant's own list of the organisations it shares with, and their contact
-- points (switchboards, email domains, fax numbers, postal addresses, named contacts), each with who
-- verified it and when. Plain SQL that runs on H2 and PostgreSQL.
create table directory_entry (
    id          uuid primary key,
    tenant_id   uuid         not null references organisation (id),
    name        varchar(200) not null,
    -- lower-cased name: one entry per organisation name within a tenant, and case-blind search
    name_key    varchar(200) not null,
    kind        varchar(30)  not null,
    created_at  timestamp with time zone not null,
    created_by  uuid         not null,
    updated_at  timestamp with time zone not null,
    constraint directory_entry_name_unique unique (tenant_id, name_key)
);

create table contact_point (
    id                uuid primary key,
    entry_id          uuid         not null references directory_entry (id),
    -- repeated from the entry so that every query can be scoped to the tenant on its own
    tenant_id         uuid         not null references organisation (id),
    kind              varchar(20)  not null,
    label             varchar(100),
    telephone         varchar(11),
    email_domain      varchar(253),
    secure            boolean,
    department        varchar(200),
    address_line1     varchar(200),
    address_line2     varchar(200),
    town              varchar(100),
    postcode          varchar(8),
    contact_name      varchar(200),
    job_title         varchar(200),
    email             varchar(320),
    created_at        timestamp with time zone not null,
    created_by        uuid         not null,
    verified_at       timestamp with time zone,
    verified_by       uuid,
    verified_by_name  varchar(200),
    -- removed contact points are kept (records of past shares may point at them) but no longer shown
    removed_at        timestamp with time zone,
    removed_by        uuid
);
create index contact_point_entry on contact_point (entry_id);
create index contact_point_tenant_kind on contact_point (tenant_id, kind);
