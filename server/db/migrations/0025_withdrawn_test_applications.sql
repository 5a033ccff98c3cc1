-- A sandbox tester may withdraw a test citizen's test applications, so the same citizen can run the
-- journey again (server/applications/withdraw-test-applications.ts): 'withdrawn', final, reached
-- only from an open status and only by the tester (server/applications/status-machine.ts).
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check
  CHECK (status IN ('pending_checks', 'in_review', 'accepted', 'in_production', 'ready', 'issued', 'rejected', 'withdrawn'));
