-- Channels (issue 7): what carrying a share out by email, post and fax leaves behind, one row per
-- sharing record. Plain SQL for H2 and PostgreSQL. Telephone needs no table: the register's own
-- checklist and call-back record it.

-- The encrypted attachment for an email. The archive is already AES-256 encrypted under a generated
-- password and is deleted once the share is recorded as sent. The password itself is never stored
-- in clear: it is kept sealed (crypto.SecretBox) only when the app is to release it by email after the
-- recipient confirms receipt, and erased when released. Only the SHA-256 of the receipt link's token
-- is stored.
create table channel_email_attachment (
    sharing_record_id     uuid primary key references sharing_record (id),
    organisation_id       uuid not null references organisation (id),
    file_name             varchar(64)  not null,
    recipient_email       varchar(320) not null,
    entry_count           integer      not null,
    size_bytes            bigint       not null,
    archive               bytea,
    -- TELEPHONE (the sender tells the recipient) or EMAIL_AFTER_RECEIPT (the app sends it)
    password_route        varchar(30)  not null,
    sealed_password       varchar(1000),
    receipt_token_hash    varchar(64),
    created_by            uuid         not null,
    created_at            timestamp with time zone not null,
    sent_at               timestamp with time zone,
    receipt_confirmed_at  timestamp with time zone,
    password_released_at  timestamp with time zone
);
create unique index channel_email_receipt_token on channel_email_attachment (receipt_token_hash);
create index channel_email_organisation on channel_email_attachment (organisation_id);

-- The envelope labels of a posted share and its recorded-delivery or courier reference.
create table channel_post_dispatch (
    sharing_record_id     uuid primary key references sharing_record (id),
    organisation_id       uuid not null references organisation (id),
    recipient_name        varchar(70)  not null,
    job_title             varchar(70),
    department            varchar(70)  not null,
    organisation_name     varchar(70)  not null,
    -- the lines of the address, postcode last, separated by new lines
    address_lines         varchar(500) not null,
    return_organisation   varchar(70)  not null,
    return_address_lines  varchar(500) not null,
    tracking_reference    varchar(60),
    created_by            uuid         not null,
    updated_at            timestamp with time zone not null
);
create index channel_post_organisation on channel_post_dispatch (organisation_id, updated_at);

-- A fax: the number it goes to and where that number came from, the cover sheet's details, and
-- when the transmission report was confirmed.
create table channel_fax_transmission (
    sharing_record_id     uuid primary key references sharing_record (id),
    organisation_id       uuid not null references organisation (id),
    fax_number            varchar(40)  not null,
    -- DIRECTORY (a pre-programmed number from the directory) or TYPED (entered twice)
    number_source         varchar(20)  not null,
    pages_including_cover integer      not null,
    reference             varchar(40)  not null,
    originator_telephone  varchar(40)  not null,
    created_by            uuid         not null,
    updated_at            timestamp with time zone not null,
    report_confirmed_at   timestamp with time zone
);
create index channel_fax_organisation on channel_fax_transmission (organisation_id);
