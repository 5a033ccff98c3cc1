-- The back office's own records. Timestamps are timestamptz; calendar dates are date.

CREATE TABLE phone_verifications (
  id uuid PRIMARY KEY,
  iin char(12) NOT NULL,
  phone text NOT NULL,
  -- HMAC-SHA256(server secret, salt || code): the code itself is never stored.
  code_salt bytea NOT NULL,
  code_hash bytea NOT NULL,
  attempts_left integer NOT NULL,
  identify_attempts_left integer NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  confirmed_at timestamptz,
  -- SHA-256 of the phone token handed to the kiosk once confirmed.
  token_hash text UNIQUE
);
CREATE INDEX phone_verifications_iin ON phone_verifications (iin, created_at DESC);

CREATE TABLE phone_locks (
  iin char(12) PRIMARY KEY,
  locked_until timestamptz NOT NULL
);

CREATE TABLE identifications (
  token_hash text PRIMARY KEY,
  iin char(12) NOT NULL,
  verification_id uuid NOT NULL REFERENCES phone_verifications (id),
  created_at timestamptz NOT NULL
);

CREATE TABLE payments (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL,
  iin char(12) NOT NULL,
  service text NOT NULL,
  document text NOT NULL,
  amount_kzt integer NOT NULL CHECK (amount_kzt >= 0),
  qr_payload text NOT NULL,
  status text NOT NULL CHECK (status IN ('not_required', 'pending', 'paid', 'declined', 'expired')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
-- One live payment per application; after a decline or expiry the citizen may try again with a new one.
CREATE UNIQUE INDEX payments_live_per_application ON payments (application_id)
  WHERE status IN ('not_required', 'pending', 'paid');

CREATE TABLE applications (
  id uuid PRIMARY KEY,
  number text NOT NULL UNIQUE,
  iin char(12) NOT NULL,
  service text NOT NULL,
  document text NOT NULL,
  lang text NOT NULL,
  phone text NOT NULL,
  fee_kzt integer NOT NULL,
  payment_id uuid,
  centre_id text NOT NULL,
  terminal_id text NOT NULL,
  created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  ready_by date NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'in_production', 'ready', 'issued', 'rejected')),
  -- SHA-256 of the canonical JSON of the submission: a retry with the same id must carry the same body.
  body_hash text NOT NULL,
  photo_jpeg bytea NOT NULL,
  signature_png bytea NOT NULL
);
CREATE INDEX applications_iin ON applications (iin);
