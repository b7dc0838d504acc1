-- Local accounts, recoverable (issue #14 item 5). Plain SQL for H2 and PostgreSQL.

-- A password set by someone else (an admin, the command line) must be changed at first sign-in.
alter table account add column password_must_change boolean default false not null;
-- Device cookies carry this number; a password reset bumps it, so every cookie given out before
-- the reset stops exempting its browser from the sign-in throttle.
alter table account add column device_epoch integer default 0 not null;

-- Password reset links: only the SHA-256 of the 256-bit token is kept. Single use, short-lived.
create table password_reset (
    token_hash  varchar(64) primary key,
    account_id  uuid not null references account (id),
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index password_reset_account on password_reset (account_id);

-- Recovery codes for a lost second factor: Argon2id hashes only, each usable once.
create table recovery_code (
    id          uuid primary key,
    account_id  uuid not null references account (id),
    code_hash   varchar(255) not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);
create index recovery_code_account on recovery_code (account_id);
