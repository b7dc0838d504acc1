-- Webhooks for case systems (issue 19, item 4): endpoints an organisation admin registers, and one
-- delivery row per event and endpoint, sent by a cluster job with retries. Plain SQL for H2 and
-- PostgreSQL. Payloads carry identifiers only, never personal data.
create table webhook_endpoint (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    url              varchar(2000) not null,
    description      varchar(200)  not null,
    -- the event types it receives, comma-separated (share.recorded,share.shared,...)
    event_types      varchar(500)  not null,
    -- the signing secret (whsec_...), sealed by crypto.SecretBox with the endpoint's id as context
    sealed_secret    varchar(500)  not null,
    created_by       uuid not null,
    created_at       timestamp with time zone not null,
    -- removed endpoints stay so that their deliveries can still be listed; they receive nothing more
    removed_at       timestamp with time zone
);
create index webhook_endpoint_organisation on webhook_endpoint (organisation_id, removed_at);

create table webhook_delivery (
    -- the webhook-id header: the same on every attempt, so the receiver can drop a repeat
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    endpoint_id      uuid not null references webhook_endpoint (id),
    event_type       varchar(50)   not null,
    -- the JSON body, exactly as signed and sent
    payload          varchar(4000) not null,
    created_at       timestamp with time zone not null,
    -- PENDING (due at next_attempt_at), DELIVERED, FAILED (gave up; an admin may try again)
    status           varchar(20)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    -- a sender claims a row until then, so two sends of one delivery never overlap
    claimed_until    timestamp with time zone,
    last_attempt_at  timestamp with time zone,
    last_status      integer,
    last_error       varchar(500),
    delivered_at     timestamp with time zone
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_organisation on webhook_delivery (organisation_id, created_at);
