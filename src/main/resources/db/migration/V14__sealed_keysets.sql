-- Keysets every node shares (first: the MAC key of sign-in device cookies), sealed under the
-- key-encryption keyset, so a copy of the database alone cannot use them. Created on first use.
create table sealed_keyset (
    name           varchar(100)   primary key,
    sealed_keyset  varchar(10000) not null,
    created_at     timestamp with time zone not null
);
