-- The problems register (server/problems/): what the branches of the state corporation and the
-- local police departments found wrong with the pilot's terminals, week by week, as the pilot
-- order asks. Each problem is one row in `problems` (its current state, what lists and the weekly
-- report read) and every state it has had is a row in `problem_versions`, written in the same
-- transaction as the change and its audit entry (as centre_versions, 0020).

-- A police department's officer: of one branch's region, records and reads that branch's problems
-- and nothing of citizens' applications (docs/security.md, "Staff").
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check CHECK (role IN ('operator', 'supervisor', 'analyst', 'admin', 'police'));
ALTER TABLE staff ADD CONSTRAINT staff_police_branch CHECK (role <> 'police' OR branch_id IS NOT NULL);

CREATE TABLE problems (
  id uuid PRIMARY KEY,
  centre_id text NOT NULL REFERENCES centres (id),
  -- Null for a problem of the centre, not of one terminal; else a terminal of that centre when recorded.
  terminal_id text REFERENCES terminals (terminal_id),
  category text NOT NULL CHECK (category IN ('device', 'network', 'software', 'payment', 'identification', 'queue', 'other')),
  -- Who found it: a branch of the state corporation or a police department.
  source text NOT NULL CHECK (source IN ('branch', 'police')),
  description text NOT NULL,
  happened_at timestamptz NOT NULL,
  action_taken text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('open', 'resolved')),
  resolved_at timestamptz,
  recorded_by uuid NOT NULL REFERENCES staff (id),
  recorded_at timestamptz NOT NULL,
  -- The version an edit was made against: an edit of an older one is refused (two people at once).
  version integer NOT NULL DEFAULT 1,
  CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
);
-- The list and the weekly report: a centre's problems newest first, and those still open.
CREATE INDEX problems_centre_happened ON problems (centre_id, happened_at, id);
CREATE INDEX problems_happened ON problems (happened_at, id);
CREATE INDEX problems_open ON problems (centre_id) WHERE status = 'open';

CREATE TABLE problem_versions (
  problem_id uuid NOT NULL REFERENCES problems (id),
  version integer NOT NULL,
  category text NOT NULL,
  description text NOT NULL,
  action_taken text NOT NULL,
  status text NOT NULL,
  resolved_at timestamptz,
  changed_at timestamptz NOT NULL,
  changed_by uuid NOT NULL REFERENCES staff (id),
  PRIMARY KEY (problem_id, version)
);

-- Append-only, as centre_versions (0020): a version once written is history, for every role.
CREATE TRIGGER problem_versions_no_update_or_delete BEFORE UPDATE OR DELETE ON problem_versions
  FOR EACH ROW EXECUTE FUNCTION history_refuse_change();
CREATE TRIGGER problem_versions_no_truncate BEFORE TRUNCATE ON problem_versions
  FOR EACH STATEMENT EXECUTE FUNCTION history_refuse_change();
