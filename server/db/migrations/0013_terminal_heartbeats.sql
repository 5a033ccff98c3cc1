-- Each terminal's latest heartbeat (src/protocol/heartbeat.ts): its health as the staff console's
-- fleet view shows it. One row per terminal, replaced by each heartbeat: the view asks how each
-- terminal is now, and a log of one row a minute per terminal would grow by half a million rows a
-- year per kiosk for nothing the view reads. No personal data: counts, codes, sizes and times.

CREATE TABLE terminal_heartbeats (
  terminal_id text PRIMARY KEY REFERENCES terminals (terminal_id),
  -- By the back office's clock: what the 15-minute silence rule is judged by.
  received_at timestamptz NOT NULL,
  app_version text NOT NULL,
  outbox_pending integer NOT NULL,
  -- Seconds, as the kiosk counted them when it sent the heartbeat; null when nothing was pending.
  oldest_pending_age_s integer,
  quarantined integer NOT NULL,
  -- { printer, camera, pad, scanner: { driver, state } }
  devices jsonb NOT NULL,
  -- { state, usageBytes, quotaBytes } or null where the browser gave no estimate.
  storage jsonb,
  -- The start screen's out-of-order reason now (null: in order) and the device's code behind it.
  readiness_fault text,
  readiness_detail text,
  -- When this stretch out of order began: the first the back office heard of it (or the kiosk's own
  -- earlier sighting), kept across heartbeats and changes of reason, cleared once in order.
  out_of_order_since timestamptz,
  -- The most recent fault reported and when it was last reported: still shown once the terminal is back in order.
  last_fault text,
  last_fault_at timestamptz,
  last_sync_at timestamptz
);
