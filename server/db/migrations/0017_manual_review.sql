-- The manual review (server/applications/review-rules.ts, server/staff/review-routes.ts): a deferred
-- check that cannot be settled by rule is 'review', which moves the application to 'in_review' until
-- an operator decides.
ALTER TABLE application_checks DROP CONSTRAINT application_checks_outcome_check;
ALTER TABLE application_checks ADD CONSTRAINT application_checks_outcome_check
  CHECK (outcome IN ('passed', 'failed', 'pending', 'review'));

-- The face match's distance, so the reviewer sees how near the threshold it was: kept by the deferred
-- check (face_match rows) and by the online identify route. Null where nothing measured it (a check
-- honoured by its token before this migration, the other checks).
ALTER TABLE application_checks ADD COLUMN distance double precision;
ALTER TABLE identifications ADD COLUMN distance double precision;

-- The citizen is told the application waits for a person, then the decision (accepted/rejected).
ALTER TABLE citizen_sms DROP CONSTRAINT citizen_sms_outcome_check;
ALTER TABLE citizen_sms ADD CONSTRAINT citizen_sms_outcome_check
  CHECK (outcome IN ('accepted', 'rejected', 'in_review', 'payment_awaited', 'fee_unknown', 'fee_due'));

-- The review queue: few rows at any time, oldest first within the caller's centres.
CREATE INDEX applications_in_review ON applications (centre_id, created_at, id) WHERE status = 'in_review';
