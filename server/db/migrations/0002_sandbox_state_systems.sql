-- The sandbox stand-ins for the state systems (population registry, БМГ, SMS gateway, payment
-- gateway). Production talks to the real systems and leaves these tables empty.

CREATE TABLE registry_faces (
  face_id text PRIMARY KEY,
  jpeg bytea NOT NULL,
  -- 128 numbers from the face recogniser; compared on the server only, never sent out.
  descriptor jsonb NOT NULL
);

CREATE TABLE registry_persons (
  iin char(12) PRIMARY KEY,
  -- A RegistryPerson (src/domain/registry-person.ts) as JSON.
  person jsonb NOT NULL,
  face_id text
);

CREATE TABLE bmg_phones (
  iin char(12) PRIMARY KEY,
  phone text NOT NULL
);

CREATE TABLE sandbox_sms (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone text NOT NULL,
  text text NOT NULL,
  sent_at timestamptz NOT NULL
);
CREATE INDEX sandbox_sms_phone ON sandbox_sms (phone, id DESC);

CREATE TABLE sandbox_payments (
  id text PRIMARY KEY,
  reference text NOT NULL,
  amount_kzt integer NOT NULL,
  qr_payload text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'declined', 'expired')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  settled_at timestamptz
);
