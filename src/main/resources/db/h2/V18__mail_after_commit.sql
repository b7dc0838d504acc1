-- Email is queued in the business transaction and sent after it commits (issue #15), through Spring
-- Modulith's event publication registry. Its table is Modulith's v2 JDBC schema, created here rather
-- than by Modulith (spring.modulith.events.jdbc.schema-initialization.enabled=false) so that Flyway
-- owns every table. H2's own schema caps SERIALIZED_EVENT at VARCHAR(4000), too small for an email
-- body; H2 allows VARCHAR up to 1,000,000 characters, which still compares like VARCHAR
-- (the registry looks publications up by their serialized event). PostgreSQL's V18 uses TEXT.
create table event_publication (
  id                     uuid not null,
  completion_date        timestamp(9) with time zone,
  event_type             varchar(512) not null,
  listener_id            varchar(512) not null,
  publication_date       timestamp(9) with time zone not null,
  serialized_event       varchar(1000000) not null,
  status                 varchar(20),
  completion_attempts    int,
  last_resubmission_date timestamp(9) with time zone,
  primary key (id)
);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- The last failure of each email not yet delivered, for the system administrator's /system/mail page
-- and the API. Identifiers and reasons only: the recipient's domain, never the address; the exception
-- class and SMTP reply code, never the server's text (it can quote the address). The row goes when the
-- email goes.
create table mail_failure (
  message_id       varchar(100) not null primary key,
  recipient_domain varchar(255) not null,
  subject          varchar(200) not null,
  attempts         int not null,
  last_error       varchar(300) not null,
  first_failed_at  timestamp with time zone not null,
  last_failed_at   timestamp with time zone not null
);
