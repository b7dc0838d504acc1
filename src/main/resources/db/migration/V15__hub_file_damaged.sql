-- A hub file whose stored bytes failed authentication while being downloaded (issue #13 §3): set
-- once, so later attempts are refused with a clear problem at once instead of streaming anything.
alter table hub_file add column damaged_at timestamp with time zone;
