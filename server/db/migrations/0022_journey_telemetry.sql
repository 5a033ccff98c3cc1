-- The pilot's telemetry (src/protocol/telemetry.ts, docs/pilot-report.md): one anonymous record per
-- citizen's journey at a terminal, as the terminal signed and sent it with its drain. No personal
-- data: no IIN, name, phone, image or application id — step ids, codes, times and the fee.

CREATE TABLE journey_telemetry (
  -- Random, made by the kiosk when the journey began: the idempotency key of a record sent again.
  session_id uuid PRIMARY KEY,
  terminal_id text NOT NULL REFERENCES terminals (terminal_id),
  -- The terminal's centre when the record arrived: a terminal moved later keeps its journeys where
  -- they happened.
  centre_id text NOT NULL,
  -- By the kiosk's clock: the first touch, and the end (receipt taken, cancel, idle, refusal…).
  started_at timestamptz NOT NULL,
  ended_at timestamptz NOT NULL,
  lang text CHECK (lang IN ('kk', 'ru', 'en')),
  service text,
  document text CHECK (document IN ('id_card', 'passport')),
  -- How it ended, at which step, and the refusal's code or the cause of sending to an operator.
  outcome text NOT NULL CHECK (outcome IN ('receipt', 'cancel', 'idle', 'refused', 'operator', 'interrupted')),
  outcome_step text NOT NULL,
  outcome_code text,
  -- The furthest step of src/flow/steps.ts STEP_IDS the journey reached: the funnel counts from it.
  furthest_step text NOT NULL,
  -- [{ step, at }] in the order entered (a step may appear twice: "choose another reason").
  steps jsonb NOT NULL,
  offline_steps text[] NOT NULL,
  -- [{ device, code }] as met during the journey.
  faults jsonb NOT NULL,
  -- First touch to the receipt taken; only for a journey that ended with a receipt.
  service_ms integer CHECK (service_ms >= 0),
  fee_kind text CHECK (fee_kind IN ('paid', 'exempt', 'deferred')),
  fee_tiyn bigint CHECK (fee_tiyn >= 0),
  -- SHA-256 of the record's canonical JSON: the same session id with another body is refused.
  body_hash text NOT NULL,
  received_at timestamptz NOT NULL
);
CREATE INDEX journey_telemetry_started ON journey_telemetry (started_at);
CREATE INDEX journey_telemetry_terminal_started ON journey_telemetry (terminal_id, started_at);

-- Journeys a terminal could keep only as counts: when its store runs short, the oldest records are
-- folded into one row per day (Kazakhstan's), outcome and step (src/telemetry/). Their times,
-- faults and fees are gone; they still count as journeys started and where they ended.
CREATE TABLE journey_telemetry_counts (
  -- Made by the kiosk when it folded: a fold sent again adds nothing.
  fold_id uuid NOT NULL,
  terminal_id text NOT NULL REFERENCES terminals (terminal_id),
  centre_id text NOT NULL,
  day date NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('receipt', 'cancel', 'idle', 'refused', 'operator', 'interrupted')),
  outcome_step text NOT NULL,
  journeys integer NOT NULL CHECK (journeys > 0),
  received_at timestamptz NOT NULL,
  PRIMARY KEY (fold_id, day, outcome, outcome_step)
);
CREATE INDEX journey_telemetry_counts_day ON journey_telemetry_counts (day);

-- Each stretch a terminal was out of order, by its start screen's reason (the readiness fault):
-- written by the heartbeat route on each change, so the report sums minutes by fault.
CREATE TABLE terminal_out_of_order (
  terminal_id text NOT NULL REFERENCES terminals (terminal_id),
  fault text NOT NULL,
  started_at timestamptz NOT NULL,
  -- Null while it lasts.
  ended_at timestamptz,
  PRIMARY KEY (terminal_id, started_at),
  CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX terminal_out_of_order_started ON terminal_out_of_order (started_at);

-- The weekly pilot reports as generated (server/reports/): every Monday for the week before, and
-- whenever asked; kept so the week's figures stay what was sent, and generated again gives the same.
CREATE TABLE weekly_reports (
  -- ISO week, e.g. '2026-W53', cut on Kazakhstan's time (UTC+5).
  week text NOT NULL,
  -- 'country', 'region:<code>', 'branch:<id>', 'centre:<id>', 'terminal:<id>'.
  scope text NOT NULL,
  generated_at timestamptz NOT NULL,
  report jsonb NOT NULL,
  PRIMARY KEY (week, scope)
);
