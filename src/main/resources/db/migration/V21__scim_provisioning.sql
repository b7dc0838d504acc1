-- SCIM 2.0 provisioning (issue #14 item 4): the organisation's provisioning clients (Entra ID, Google)
-- present a bearer token that names the organisation; only its hash is kept.
create table scim_token (
    id            uuid primary key,
    organisation_id uuid not null references organisation (id),
    name          varchar(100) not null,
    token_hash    varchar(64)  not null,
    created_by    uuid not null references account (id),
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone,
    constraint scim_token_hash_unique unique (token_hash)
);
create index scim_token_organisation on scim_token (organisation_id);

-- What the identity provider knows a member by, beside the account itself. user_name_key is the
-- userName in lower case (SCIM's userName is case-insensitive), unique within the organisation.
-- A deprovisioned member keeps the account (disabled) so past decisions stay attributable.
create table scim_user (
    account_id       uuid primary key references account (id),
    organisation_id  uuid not null references organisation (id),
    user_name        varchar(320) not null,
    user_name_key    varchar(320) not null,
    external_id      varchar(200),
    given_name       varchar(200),
    family_name      varchar(200),
    deprovisioned_at timestamp with time zone,
    updated_at       timestamp with time zone not null,
    constraint scim_user_name_unique unique (organisation_id, user_name_key)
);
create index scim_user_external on scim_user (organisation_id, external_id);
