-- The SMS that tell a citizen how the checks on an offline application ended (server/jobs/).
-- One row per application and outcome: the primary key is the idempotency key, so however many
-- processes settle the same application, one message per outcome is ever queued. The row is
-- written in the transaction that records the outcome; the SMS job sends it and marks it sent.
CREATE TABLE citizen_sms (
  application_id uuid NOT NULL REFERENCES applications (id),
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'rejected', 'payment_awaited')),
  phone text NOT NULL,
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  -- A worker sending it holds it until then (database time): another waits, or takes it over once
  -- the holder is gone. Cleared when the gateway refuses, so the retry may send.
  claimed_until timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  sent_at timestamptz,
  PRIMARY KEY (application_id, outcome)
);
