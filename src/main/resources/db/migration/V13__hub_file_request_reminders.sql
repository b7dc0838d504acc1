-- Overdue requests for files: when the reminder went (once per request). The sweep claims a request
-- by setting this with a conditional update, so with several nodes each reminder is sent once.
alter table hub_file_request add column reminded_at timestamp with time zone;
create index hub_file_request_due on hub_file_request (status, due_on);
