-- The monthly calculation index (МРП) by year, as data the back office reads at every fee: a new
-- year's figure is entered here (by the staff console once it exists; until then by a migration or
-- by hand, docs/reference-data.md) without a release. A year missing here defers the fee of its
-- applications: they are taken, and settled and told the amount by SMS once the row is there.
CREATE TABLE mrp_by_year (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2200),
  mrp_kzt integer NOT NULL CHECK (mrp_kzt > 0),
  -- Where the figure comes from (the budget law), for whoever checks it.
  source text NOT NULL,
  entered_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO mrp_by_year (year, mrp_kzt, source) VALUES
  (2024, 3692, 'Law on the republican budget for 2024–2026'),
  (2025, 3932, 'Law on the republican budget for 2025–2027'),
  (2026, 4325, 'Law on the republican budget for 2026–2028');

-- Why a person should look at an application that was nonetheless taken, e.g. its ready-by date
-- counted through a year without its holiday calendar ('ready_by_without_holidays_2028').
ALTER TABLE applications ADD COLUMN review_reasons text[] NOT NULL DEFAULT '{}';
