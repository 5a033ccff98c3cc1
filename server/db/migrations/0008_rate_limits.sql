-- Limits counted in the database, so that they hold across processes (server/limits/limiter.ts):
-- one row per key (rule name and subject: an IIN, a phone, a terminal, an address), counting the
-- hits of a fixed window that began at its first hit and ends at window_ends_at.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_ends_at timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits >= 0)
);
CREATE INDEX rate_limits_window_ends_at ON rate_limits (window_ends_at);

-- Wrong SMS codes are counted per IIN across every verification (rule phone_wrong_codes_*), not
-- per verification, and the lock is that count being full: the per-verification count and the lock
-- table it fed are gone.
ALTER TABLE phone_verifications DROP COLUMN attempts_left;
DROP TABLE phone_locks;
