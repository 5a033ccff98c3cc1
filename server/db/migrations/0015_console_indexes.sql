-- What the staff console's applications list reads by (server/console/list-query.ts): newest
-- first, keyset-paged on (created_at, id), within the caller's centres. Each index ends in
-- (created_at, id) so that PostgreSQL walks it backwards from the cursor and stops after one page,
-- however many rows precede it. The plans over a million rows that justify each one are in
-- docs/console.md.

-- Each also carries the columns the filters test (INCLUDE), so the walk that finds a page's keys
-- is an index-only scan: a filter that keeps one row in fifty reads index pages, not fifty heap
-- rows per row shown. Only the page's rows are then read from the table.
-- Every centre (admin): the whole table in list order.
CREATE INDEX applications_console_all ON applications (created_at, id)
  INCLUDE (centre_id, status, terminal_id, service, document, is_test);
-- One centre (operator) or each centre of a branch in turn (supervisor), with or without a date range.
CREATE INDEX applications_console_centre ON applications (centre_id, created_at, id)
  INCLUDE (status, terminal_id, service, document, is_test);
-- One terminal: a few thousand rows among a million.
CREATE INDEX applications_console_terminal ON applications (terminal_id, created_at, id)
  INCLUDE (centre_id, status, service, document, is_test);
-- The applications still waiting on a deferred check: few at any time, and what operators look for first.
CREATE INDEX applications_console_pending ON applications (centre_id, created_at, id)
  INCLUDE (terminal_id, service, document, is_test) WHERE status = 'pending_checks';
-- Made offline (server/console/list-query.ts MADE_OFFLINE): the packets whose kiosk had no token
-- for a check. A partial index of the application ids alone, so "made offline" and "made online"
-- are a probe into it instead of opening each packet's payload.
CREATE INDEX packets_made_offline ON packets (application_id)
  WHERE (payload->'online'->>'phoneToken' IS NULL OR payload->'online'->>'identityToken' IS NULL);

-- The history of each application's status, append-only (server/console/application-events.ts):
-- nothing kept it before; the intake, the deferred checks and the manual review each append a row
-- in the transaction that moves the status. Applications taken before this migration have no rows.
CREATE TABLE application_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('received', 'status_changed')),
  from_status text,
  to_status text,
  -- 'system' or 'staff:<staff id>'.
  actor text NOT NULL,
  reason_code text
);
CREATE INDEX application_events_application ON application_events (application_id, seq);
