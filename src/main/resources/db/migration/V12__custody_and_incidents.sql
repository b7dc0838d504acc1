-- Issue 7: the custody register (information taken off site by hand or on removable devices), the
-- register of approved devices, and incidents (losses and breaches, with the 72-hour clock).
-- Plain SQL for H2 and PostgreSQL. Rows are never deleted: an item is closed by its return, its
-- secure disposal or its secure deletion from a device; an incident is kept whether or not reported.

create table custody_device (
    id                       uuid primary key,
    organisation_id          uuid not null references organisation (id),
    -- USB_STICK, ENCRYPTED_LAPTOP, CD_DVD, PHONE, OTHER
    device_type              varchar(30)  not null,
    asset_tag                varchar(100) not null,
    description              varchar(500),
    registered_by            uuid not null,
    registered_at            timestamp with time zone not null,
    -- device.approved / device.encrypted: who checked the encryption, and when; null until checked
    encryption_verified_by   uuid,
    encryption_verified_name varchar(200),
    encryption_verified_at   timestamp with time zone,
    encryption_method        varchar(200),
    withdrawn_by             uuid,
    withdrawn_at             timestamp with time zone,
    withdrawn_reason         varchar(500),
    version                  integer not null,
    constraint custody_device_tag unique (organisation_id, asset_tag)
);

create table custody_item (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation (id),
    -- PAPER (by hand) or DEVICE (on an approved removable device)
    kind                 varchar(10)  not null,
    holder_id            uuid not null,
    holder_name          varchar(200) not null,
    description          varchar(1000) not null,
    reason               varchar(1000) not null,
    taken_at             timestamp with time zone not null,
    -- hand: expected back on site; device: the time the information may stay on the device
    due_at               timestamp with time zone not null,
    device_id            uuid references custody_device (id),
    sharing_record_id    uuid,
    -- hand.sealed-envelope, device.encrypted, hand.kept-close ... as confirmed, comma-separated ids
    safeguards           varchar(500) not null,
    -- OUT, RETURNED, DISPOSED (securely disposed of), DELETED (securely deleted from the device)
    status               varchar(10)  not null,
    closed_by            uuid,
    closed_by_name       varchar(200),
    closed_at            timestamp with time zone,
    closed_how           varchar(500),
    -- set once by whichever node sends the overdue reminder or escalation first
    reminded_at          timestamp with time zone,
    escalated_at         timestamp with time zone,
    version              integer not null
);
create index custody_item_org_status on custody_item (organisation_id, status, due_at);
create index custody_item_due on custody_item (status, due_at);

create table incident (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation (id),
    reported_by          uuid not null,
    reported_by_name     varchar(200) not null,
    reported_at          timestamp with time zone not null,
    what_happened        varchar(4000) not null,
    -- the 72-hour clock to notify the ICO starts here (UK GDPR Art. 33)
    discovered_at        timestamp with time zone not null,
    people_affected      integer not null,
    records_affected     integer not null,
    consequences         varchar(4000) not null,
    actions_taken        varchar(4000) not null,
    sharing_record_id    uuid,
    custody_item_id      uuid references custody_item (id),
    device_id            uuid references custody_device (id),
    -- REPORTED (awaiting the data protection officer's decision) or DECIDED
    status               varchar(10) not null,
    decided_by           uuid,
    decided_by_name      varchar(200),
    decided_at           timestamp with time zone,
    notify_ico           boolean,
    ico_reasons          varchar(4000),
    ico_notified_on      date,
    ico_reference        varchar(100),
    -- Art. 33(1): a report made after 72 hours says why it was late
    ico_delay_reasons    varchar(4000),
    notify_people        boolean,
    people_reasons       varchar(4000),
    people_notified_on   date,
    version              integer not null
);
create index incident_org on incident (organisation_id, reported_at);
