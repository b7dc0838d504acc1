-- A small known value sealed under the key-encryption keyset the first time a node checks its
-- readiness: a node started with a different keyset cannot open it and reports itself not ready,
-- instead of serving pages that fail on the first thing they decrypt. One row; its text is public.
create table keyset_canary (
    id         int primary key,
    sealed     varchar(1000) not null,
    created_at timestamp with time zone not null
);
