-- Foundation: organisations (tenants and partners), accounts, roles, invitations, API tokens,
-- the audit trail and Spring Session's tables. Plain SQL that runs on H2 and PostgreSQL.

create table organisation (
    id          uuid primary key,
    name        varchar(200) not null,
    kind        varchar(30)  not null,
    tenant      boolean      not null,
    created_at  timestamp with time zone not null,
    constraint organisation_name_unique unique (name)
);

create table account (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation (id),
    email                varchar(320) not null,
    display_name         varchar(200) not null,
    password_hash        varchar(255),
    status               varchar(20)  not null,
    system_admin         boolean      not null,
    totp_secret          varchar(500),
    totp_enabled         boolean      not null,
    totp_last_step       bigint,
    created_at           timestamp with time zone not null,
    version              integer      not null,
    constraint account_email_unique unique (email)
);
create index account_organisation on account (organisation_id);

create table account_role (
    account_id  uuid        not null references account (id),
    role        varchar(40) not null,
    primary key (account_id, role)
);

create table invitation (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    email            varchar(320) not null,
    role             varchar(40)  not null,
    token_hash       varchar(64)  not null,
    invited_by       uuid not null references account (id),
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    accepted_at      timestamp with time zone,
    revoked_at       timestamp with time zone,
    constraint invitation_token_unique unique (token_hash)
);
create index invitation_organisation on invitation (organisation_id);

create table api_token (
    id            uuid primary key,
    account_id    uuid not null references account (id),
    name          varchar(100) not null,
    token_hash    varchar(64)  not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint api_token_hash_unique unique (token_hash)
);
create index api_token_account on api_token (account_id);

-- The audit trail. Identifiers and field names only: never names, addresses or file contents.
create table audit_entry (
    seq              bigint primary key,
    occurred_at      timestamp with time zone not null,
    actor_id         varchar(64),
    organisation_id  uuid,
    action           varchar(80)  not null,
    target           varchar(200),
    outcome          varchar(20)  not null,
    client_address   varchar(64),
    details          varchar(2000)
);
create index audit_entry_organisation on audit_entry (organisation_id, seq);

-- Spring Session JDBC (its standard schema).
create table spring_session (
    primary_id             char(36) not null,
    session_id             char(36) not null,
    creation_time          bigint not null,
    last_access_time       bigint not null,
    max_inactive_interval  int not null,
    expiry_time            bigint not null,
    principal_name         varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id  char(36) not null,
    attribute_name      varchar(200) not null,
    attribute_bytes     bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- One row that every audit writer locks and bumps: sequence numbers stay dense and unique across
-- any number of app nodes sharing the database, and a rolled-back action gives its number back.
create table audit_head (
    id        integer primary key,
    last_seq  bigint not null
);
insert into audit_head (id, last_seq) values (1, 0);
