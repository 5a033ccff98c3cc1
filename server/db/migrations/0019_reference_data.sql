-- Reference data as signed versions (docs/reference-data.md): the MRP by year, the tariff rows and
-- Kurban ait by year, one document per version, in force from its effective day until a later-dated
-- one. Admins add versions in the staff console; nothing changes or removes one: the triggers below
-- refuse UPDATE, DELETE and TRUNCATE, as audit_log's do, so the figures an application was counted
-- with can always be read again.
CREATE TABLE reference_data_versions (
  version integer PRIMARY KEY CHECK (version >= 1),
  effective_from date NOT NULL,
  -- src/protocol/reference-data.ts ReferenceData, version and effectiveFrom included.
  document jsonb NOT NULL,
  -- ECDSA P-256 by the back office's key over referenceDataSignedBytes(document), base64url. Null only
  -- for version 1, made by this migration, which has no key: the back office signs it at start
  -- (server/reference-data/repository.ts signUnsigned), the one update the triggers allow.
  signature text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Null for version 1, which the migration made from mrp_by_year and the built-in figures.
  created_by uuid REFERENCES staff (id),
  note text
);
CREATE INDEX reference_data_versions_in_force ON reference_data_versions (effective_from DESC, version DESC);

CREATE FUNCTION reference_data_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Signing the unsigned version 1 is the only change: same row, same document, a signature where none was.
  IF TG_OP = 'UPDATE' AND OLD.signature IS NULL AND NEW.signature IS NOT NULL
     AND NEW.version = OLD.version AND NEW.effective_from = OLD.effective_from AND NEW.document = OLD.document
     AND NEW.created_at = OLD.created_at AND NEW.created_by IS NOT DISTINCT FROM OLD.created_by
     AND NEW.note IS NOT DISTINCT FROM OLD.note THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'reference_data_versions is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER reference_data_versions_no_update_or_delete BEFORE UPDATE OR DELETE ON reference_data_versions
  FOR EACH ROW EXECUTE FUNCTION reference_data_versions_refuse_change();
CREATE TRIGGER reference_data_versions_no_truncate BEFORE TRUNCATE ON reference_data_versions
  FOR EACH STATEMENT EXECUTE FUNCTION reference_data_versions_refuse_change();

-- Version 1: the MRP rows mrp_by_year held (entered by migrations or by hand, docs/reference-data.md
-- before this one), with the tariff rows and Kurban ait dates the code had built in.
INSERT INTO reference_data_versions (version, effective_from, document, note)
SELECT 1, DATE '2024-01-01', jsonb_build_object(
    'format', 1,
    'version', 1,
    'effectiveFrom', '2024-01-01',
    'mrpByYear', COALESCE((SELECT jsonb_agg(jsonb_build_object('year', year, 'mrpKzt', mrp_kzt) ORDER BY year) FROM mrp_by_year), '[]'::jsonb),
    'tariff', jsonb_build_array(
      jsonb_build_object('from', '2026-01-01', 'document', 'id_card', 'rule', 'id_card', 'mrp', 0.2),
      jsonb_build_object('from', '2026-01-01', 'document', 'id_card', 'rule', 'id_card_lost_repeatedly', 'mrp', 1),
      jsonb_build_object('from', '2026-01-01', 'document', 'id_card', 'rule', 'id_card_on_expiry', 'mrp', 0),
      jsonb_build_object('from', '2026-01-01', 'document', 'passport', 'rule', 'passport_adult_36', 'mrp', 8)
    ),
    'kurbanAit', jsonb_build_array(
      jsonb_build_object('year', 2025, 'date', '2025-06-06'),
      jsonb_build_object('year', 2026, 'date', '2026-05-27'),
      jsonb_build_object('year', 2027, 'date', '2027-05-16')
    )
  ),
  'mrp_by_year and the figures built into the code until migration 0019';

-- One source of truth: the MRP is read from the version in force, never from here again.
DROP TABLE mrp_by_year;
