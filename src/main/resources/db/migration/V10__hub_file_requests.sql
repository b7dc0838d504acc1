-- Requests for files: a practitioner asks a named person at a partner organisation for files, which
-- the partner uploads into a package addressed back to the requester. Plain SQL for H2 and PostgreSQL.
create table hub_file_request (
    id                         uuid primary key,
    -- the requesting organisation: its people see the request; the named person sees it too
    organisation_id            uuid not null references organisation (id),
    requester_id               uuid not null references account (id),
    recipient_organisation_id  uuid not null references organisation (id),
    recipient_email            varchar(320) not null,
    invitation_id              uuid,
    -- the register's record of the request made (issue 5), when there is one
    sharing_record_id          uuid,
    what                       varchar(2000) not null,
    why                        varchar(2000) not null,
    due_on                     date not null,
    -- OPEN, FULFILLED, CANCELLED
    status                     varchar(20) not null,
    -- the package the partner is filling or has sent in answer
    package_id                 uuid references hub_package (id),
    created_at                 timestamp with time zone not null,
    fulfilled_at               timestamp with time zone,
    cancelled_at               timestamp with time zone
);
create index hub_file_request_organisation on hub_file_request (organisation_id, created_at);
create index hub_file_request_recipient on hub_file_request (recipient_email);
create index hub_file_request_package on hub_file_request (package_id);
create index hub_package_sharing_record on hub_package (sharing_record_id);
