-- Terminals and sealed packets (src/protocol/packets.ts): kiosks enrolled once with a one-time
-- code, and the packets they send, by which applications made offline arrive.

CREATE TABLE terminals (
  terminal_id text PRIMARY KEY,
  centre_id text NOT NULL,
  -- The public half of the terminal's ECDSA P-256 key (a JWK); null until it is enrolled.
  public_key jsonb,
  enrolled_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL,
  -- The highest seq received: for the technician, not a rule (packets may arrive out of order).
  last_seq integer NOT NULL DEFAULT 0
);

CREATE TABLE enrolment_codes (
  -- SHA-256 (hex) of the code: the code itself is shown once to the administrator and never stored.
  code_hash text PRIMARY KEY,
  terminal_id text NOT NULL REFERENCES terminals (terminal_id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX enrolment_codes_terminal ON enrolment_codes (terminal_id);

-- An application that arrived by packet: which terminal sealed it, when, and the signature, so a
-- retry of the same packet is told from another packet with the same id or seq.
CREATE TABLE packets (
  application_id uuid PRIMARY KEY REFERENCES applications (id),
  terminal_id text NOT NULL REFERENCES terminals (terminal_id),
  seq integer NOT NULL,
  signature text NOT NULL,
  sealed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  -- The opened payload without its images (they are in applications): what the deferred checks
  -- read, kept so they can run again after a restart or once an awaited payment arrives.
  payload jsonb NOT NULL,
  UNIQUE (terminal_id, seq)
);

-- A packet's application is stored as it arrived, with the checks the kiosk could not make
-- offline (phone, face, eligibility, fee, payment) still to run: 'pending_checks' until they end
-- in 'accepted' or 'rejected'. Every other column of an application is known from the packet
-- (fee_kzt is the kiosk's figure until the checks confirm it; payment_id was already nullable).
ALTER TABLE applications DROP CONSTRAINT applications_status_check;
ALTER TABLE applications ADD CONSTRAINT applications_status_check
  CHECK (status IN ('pending_checks', 'accepted', 'in_production', 'ready', 'issued', 'rejected'));

-- The outcome of each deferred check of a packet's application (server/sync/deferred-checks.ts),
-- the latest run's: what moved it to accepted or rejected, or what it still waits for.
CREATE TABLE application_checks (
  application_id uuid NOT NULL REFERENCES applications (id),
  check_name text NOT NULL CHECK (check_name IN ('registry', 'phone', 'face_match', 'payment')),
  outcome text NOT NULL CHECK (outcome IN ('passed', 'failed', 'pending')),
  code text,
  detail text,
  checked_at timestamptz NOT NULL,
  PRIMARY KEY (application_id, check_name)
);
