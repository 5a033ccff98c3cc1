-- Centres and branches as admins edit them (server/staff/centre-routes.ts): every version kept.
-- The current row stays in centres/branches (what everything else joins on); each change, and the
-- seed's first state, is also a row here, written in the same transaction as the change and its
-- audit entry, so the history and the table cannot disagree.

-- The version a change was made against: an edit of an older one is refused (two admins at once).
ALTER TABLE centres ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE branches ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE centre_versions (
  centre_id text NOT NULL REFERENCES centres (id),
  version integer NOT NULL,
  branch_id text NOT NULL,
  name_ru text NOT NULL,
  name_kk text NOT NULL,
  region text NOT NULL,
  address text NOT NULL,
  hours jsonb NOT NULL,
  changed_at timestamptz NOT NULL,
  -- Null for the seed's version.
  changed_by uuid REFERENCES staff (id),
  PRIMARY KEY (centre_id, version)
);

CREATE TABLE branch_versions (
  branch_id text NOT NULL REFERENCES branches (id),
  version integer NOT NULL,
  region text NOT NULL,
  name_ru text NOT NULL,
  name_kk text NOT NULL,
  changed_at timestamptz NOT NULL,
  changed_by uuid REFERENCES staff (id),
  PRIMARY KEY (branch_id, version)
);

INSERT INTO centre_versions (centre_id, version, branch_id, name_ru, name_kk, region, address, hours, changed_at, changed_by)
SELECT id, 1, branch_id, name_ru, name_kk, region, address, hours, now(), NULL FROM centres;
INSERT INTO branch_versions (branch_id, version, region, name_ru, name_kk, changed_at, changed_by)
SELECT id, 1, region, name_ru, name_kk, now(), NULL FROM branches;

-- Append-only, as audit_log (0012): a version once written is history, for every role.
CREATE FUNCTION history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER centre_versions_no_update_or_delete BEFORE UPDATE OR DELETE ON centre_versions
  FOR EACH ROW EXECUTE FUNCTION history_refuse_change();
CREATE TRIGGER centre_versions_no_truncate BEFORE TRUNCATE ON centre_versions
  FOR EACH STATEMENT EXECUTE FUNCTION history_refuse_change();
CREATE TRIGGER branch_versions_no_update_or_delete BEFORE UPDATE OR DELETE ON branch_versions
  FOR EACH ROW EXECUTE FUNCTION history_refuse_change();
CREATE TRIGGER branch_versions_no_truncate BEFORE TRUNCATE ON branch_versions
  FOR EACH STATEMENT EXECUTE FUNCTION history_refuse_change();

-- The audit page's filters (server/staff/audit-log.ts), each a keyset walk newest first.
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_at ON audit_log (at, id);
