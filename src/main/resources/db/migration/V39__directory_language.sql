-- The language an organisation in a directory works in: en (English), cy (Welsh) or both. Emails
-- Caseshare sends to that organisation are written in it (both: Welsh first, then English).
alter table directory_entry add column language varchar(8) default 'en' not null;
