-- Single sign-on (issue #14): one OpenID Connect provider per organisation, the email domains it owns,
-- and the link from an identity at that provider (issuer + subject) to a Caseshare account.

create table sso_provider (
    organisation_id           uuid primary key references organisation (id),
    issuer                    varchar(500)  not null,
    client_id                 varchar(255)  not null,
    -- sealed under the key-encryption keyset (crypto.SecretBox), never shown again
    client_secret_sealed      varchar(2000) not null,
    role_claim                varchar(100)  not null,
    -- one mapping per line: claim value, a tab, a role name
    role_mappings             varchar(8000) not null,
    default_role              varchar(40)   not null,
    -- space-separated acr values that count as multi-factor at the provider
    mfa_acr_values            varchar(1000) not null,
    require_own_second_factor boolean       not null,
    updated_at                timestamp with time zone not null,
    version                   integer       not null
);

-- The primary key makes a domain belong to one organisation at most.
create table sso_domain (
    domain          varchar(253) primary key,
    organisation_id uuid not null references sso_provider (organisation_id) on delete cascade
);
create index sso_domain_organisation on sso_domain (organisation_id);

create table sso_link (
    organisation_id uuid         not null,
    issuer          varchar(500) not null,
    subject         varchar(255) not null,
    account_id      uuid         not null references account (id) on delete cascade,
    created_at      timestamp with time zone not null,
    primary key (organisation_id, issuer, subject)
);
create index sso_link_account on sso_link (account_id);
