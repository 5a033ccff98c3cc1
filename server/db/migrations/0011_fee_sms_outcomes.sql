-- A fee deferred for want of the year's MRP is told twice: first that the amount is not approved
-- yet (fee_unknown), then, once the MRP is entered, the amount and how to pay it (fee_due). Each
-- is an outcome of its own, so the second is not taken for the first already sent.
ALTER TABLE citizen_sms DROP CONSTRAINT citizen_sms_outcome_check;
ALTER TABLE citizen_sms ADD CONSTRAINT citizen_sms_outcome_check
  CHECK (outcome IN ('accepted', 'rejected', 'payment_awaited', 'fee_unknown', 'fee_due'));
