-- Terminals' technician logs (src/protocol/technician-log.ts): what was done on each kiosk in
-- technician mode, as the terminal signed and sent it. No personal data: codes, counts, device kinds.

CREATE TABLE terminal_log (
  terminal_id text NOT NULL REFERENCES terminals (terminal_id),
  -- The kiosk's own numbering: an entry sent again is the same row, so a re-sent log adds nothing.
  seq integer NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  details jsonb NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (terminal_id, seq)
);
