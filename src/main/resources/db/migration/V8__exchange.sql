-- The secure hub: packages of encrypted files sent to named people at a partner organisation.
-- Plain SQL for H2 and PostgreSQL. File contents live in the blob store, encrypted; each file's data
-- key is stored here only in wrapped form, and is erased (crypto-shredding) when the package expires
-- or is revoked. Package rows and the audit trail remain.
create table hub_package (
    id                         uuid primary key,
    -- the sending organisation: every query is scoped by it or by the recipient's address
    organisation_id            uuid not null references organisation (id),
    sender_id                  uuid not null references account (id),
    recipient_organisation_id  uuid not null references organisation (id),
    -- the record of the decision to share (issue 5), when there is one
    sharing_record_id          uuid,
    purpose                    varchar(2000) not null,
    consent_limits             varchar(2000) not null,
    further_handling           varchar(2000) not null,
    -- DRAFT (files being added), SENT, REVOKED, EXPIRED
    status                     varchar(20)  not null,
    -- Argon2id parameters and salt when the package has a password (the password itself is never stored)
    password_lock              varchar(200),
    download_limit             integer      not null,
    expires_at                 timestamp with time zone not null,
    created_at                 timestamp with time zone not null,
    sent_at                    timestamp with time zone,
    first_downloaded_at        timestamp with time zone,
    revoked_at                 timestamp with time zone,
    revoked_by                 uuid,
    shredded_at                timestamp with time zone
);
create index hub_package_organisation on hub_package (organisation_id, created_at);
create index hub_package_status_expiry on hub_package (status, expires_at);

create table hub_recipient (
    package_id       uuid not null references hub_package (id),
    email            varchar(320) not null,
    invitation_id    uuid,
    acknowledged_at  timestamp with time zone,
    acknowledged_by  uuid,
    primary key (package_id, email)
);
create index hub_recipient_email on hub_recipient (email);

create table hub_file (
    id            uuid primary key,
    package_id    uuid not null references hub_package (id),
    -- the name, sealed under the file's own data key; null once shredded
    sealed_name   varchar(2000),
    -- the file's data key, wrapped; null once shredded
    wrapped_key   varchar(2000),
    blob_key      varchar(200) not null,
    size          bigint       not null,
    downloads     integer      not null,
    created_at    timestamp with time zone not null,
    constraint hub_file_downloads_non_negative check (downloads >= 0)
);
create index hub_file_package on hub_file (package_id);

create table hub_download (
    id              uuid primary key,
    package_id      uuid not null references hub_package (id),
    file_id         uuid not null references hub_file (id),
    account_id      uuid not null references account (id),
    downloaded_at   timestamp with time zone not null,
    client_address  varchar(64)
);
create index hub_download_package on hub_download (package_id, downloaded_at);
