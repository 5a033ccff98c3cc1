-- An application a deferred check could not settle by rule waits for a person: 'in_review'
-- (server/applications/status-machine.ts has every status and who may move it where).
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check
  CHECK (status IN ('pending_checks', 'in_review', 'accepted', 'in_production', 'ready', 'issued', 'rejected'));
