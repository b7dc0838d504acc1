-- The sharing register: one row per case-by-case share, request or decision not to share, with the
-- people it is about, each safeguard confirmed (who, when) and a timeline. Personal data lives here
-- (this is the register) and nowhere else: never in audit entries, logs, URLs or emails.
-- Plain SQL that runs on H2 and PostgreSQL.
create table sharing_record (
    id                     uuid primary key,
    organisation_id        uuid          not null references organisation (id),
    -- optimistic locking: every change raises it; a change made from an older version is refused
    version                integer       not null,
    -- one-time token of the form that created the record: a second submission finds the first record
    form_token             varchar(64)   not null,
    direction              varchar(20)   not null,
    status                 varchar(30)   not null,
    urgency                varchar(20)   not null,
    marking                varchar(40)   not null,
    descriptor             varchar(20),
    categories             varchar(200)  not null,
    channel                varchar(30)   not null,
    decision               varchar(20)   not null,
    information            varchar(2000) not null,
    purpose                varchar(2000) not null,
    decision_reasons       varchar(4000),
    -- lawful basis, consent, advice, informing the person, retention: see SharingDetails
    details                varchar(20000) not null,
    recipient_entry_id     uuid,
    recipient_organisation varchar(200)  not null,
    -- lower-cased, for case-blind search
    recipient_org_key      varchar(200)  not null,
    recipient_name         varchar(200)  not null,
    recipient_job_title    varchar(200),
    recipient_department   varchar(200),
    recipient_telephone    varchar(30),
    recipient_email        varchar(320),
    recipient_address      varchar(500),
    number_given           varchar(30),
    number_check           varchar(30),
    call_back_number       varchar(30),
    call_back_by           uuid,
    call_back_by_name      varchar(200),
    call_back_at           timestamp with time zone,
    call_back_outcome      varchar(20),
    -- the safeguards the policy required for the chosen channel when the decision was made
    required_safeguards    varchar(4000) not null,
    authoriser_required    varchar(40),
    authorised_by          uuid,
    authorised_by_name     varchar(200),
    authorised_at          timestamp with time zone,
    refusal_reason         varchar(2000),
    decided_by             uuid          not null,
    decided_by_name        varchar(200)  not null,
    shared_at              timestamp with time zone,
    receipt_confirmed_at   timestamp with time zone,
    closed_at              timestamp with time zone,
    full_record_due        timestamp with time zone,
    full_record_done_at    timestamp with time zone,
    policy_version         integer       not null,
    policy_sha256          char(64)      not null,
    assessment_summary     varchar(4000) not null,
    created_by             uuid          not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    constraint sharing_record_form_token unique (organisation_id, form_token)
);
create index sharing_record_org_created on sharing_record (organisation_id, created_at);
create index sharing_record_org_status on sharing_record (organisation_id, status, created_at);
create index sharing_record_org_recipient on sharing_record (organisation_id, recipient_org_key);
create index sharing_record_due on sharing_record (organisation_id, full_record_due);

create table sharing_subject (
    record_id        uuid         not null references sharing_record (id),
    organisation_id  uuid         not null references organisation (id),
    position         integer      not null,
    name             varchar(200) not null,
    name_key         varchar(200) not null,
    date_of_birth    date,
    local_reference  varchar(100),
    reference_key    varchar(100),
    constraint sharing_subject_pk primary key (record_id, position)
);
create index sharing_subject_org_name on sharing_subject (organisation_id, name_key);
create index sharing_subject_org_reference on sharing_subject (organisation_id, reference_key);

create table sharing_safeguard (
    record_id        uuid         not null references sharing_record (id),
    safeguard_id     varchar(100) not null,
    confirmed_by     uuid         not null,
    confirmed_by_name varchar(200) not null,
    confirmed_at     timestamp with time zone not null,
    constraint sharing_safeguard_pk primary key (record_id, safeguard_id)
);

create table sharing_event (
    record_id        uuid          not null references sharing_record (id),
    seq              integer       not null,
    action           varchar(40)   not null,
    actor_id         uuid          not null,
    actor_name       varchar(200)  not null,
    occurred_at      timestamp with time zone not null,
    note             varchar(2000),
    constraint sharing_event_pk primary key (record_id, seq)
);
