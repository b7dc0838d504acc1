-- Each organisation's sharing policies, one row per accepted version, never updated or deleted:
-- the register stores (number, sha256) with each decision, and this table keeps the exact text
-- that number and hash stand for. No row for an organisation means it is still on the shipped
-- default policy (version 1); that row is written when the first replacement is accepted.
-- Plain SQL that runs on H2 and PostgreSQL.

create table policy_version (
    organisation_id  uuid         not null references organisation (id),
    number           integer      not null,
    sha256           char(64)     not null,
    policy_text      varchar(200000) not null,
    source           varchar(20)  not null,
    created_by       uuid,
    created_at       timestamp with time zone not null,
    -- Two replacements at once cannot both become the same number: one of them fails and retries.
    constraint policy_version_pk primary key (organisation_id, number),
    constraint policy_version_number_positive check (number >= 1),
    constraint policy_version_source check (source in ('DEFAULT', 'UPLOADED', 'EDITED', 'REVERTED'))
);
