// The bench's million applications, made in SQL with generate_series (a few seconds a hundred
// thousand rows; nothing crosses the wire). Shapes as the pilot would have them: 40 centres with 5
// terminals each, two years of applications, each with its packet and its four checks, about a
// third made offline, a few per cent still waiting on a check, 0.2 % waiting for a person's review,
// half a per cent from test terminals.
// Deterministic: setseed, so two runs read the same rows.
import type { Queryable } from '../server/db/database';

export const CENTRES = Array.from({ length: 40 }, (_, i) => `CTR-${String(i + 1).padStart(2, '0')}`);
export const terminalOf = (centre: string, k: number) => `${centre}-T${k}`;
/** Two years before the bench's fixed "now". */
export const SEED_FROM = '2024-12-01T00:00:00Z';
export const SEED_TO = '2026-12-01T00:00:00Z';

/** The indexes of migration 0015: built once after the rows are in (much faster than row by row), as the migration defines them. */
const CONSOLE_INDEXES = `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()
  AND (indexname LIKE 'applications\\_console\\_%' OR indexname = 'packets_made_offline')`;

export async function seedApplications(db: Queryable, count: number): Promise<void> {
  const { rows: indexes } = await db.query<{ indexname: string; indexdef: string }>(CONSOLE_INDEXES);
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);
  await db.query('SELECT setseed(0.42)');
  await db.query(
    `INSERT INTO terminals (terminal_id, centre_id, created_at)
     SELECT c || '-T' || k, c, '2024-11-01T00:00:00Z' FROM unnest($1::text[]) c, generate_series(1, 5) k`,
    [CENTRES],
  );
  // Random draws first, in a table of their own, so each column below reads the same row's draws.
  await db.query(
    `CREATE TEMP TABLE seed AS
     SELECT i, random() AS r_centre, random() AS r_terminal, random() AS r_status, random() AS r_service,
       random() AS r_doc, random() AS r_offline, random() AS r_test, random() AS r_reason,
       $2::timestamptz + (($3::timestamptz - $2::timestamptz) * (i::float8 / $1)) AS created_at
     FROM generate_series(1, $1::int) i`,
    [count, SEED_FROM, SEED_TO],
  );
  await db.query(
    `INSERT INTO applications (id, number, iin, service, document, lang, phone, fee_tiyn, payment_id, centre_id, terminal_id,
       created_at, received_at, ready_by, status, body_hash, photo_jpeg, signature_png, is_test, review_reasons)
     SELECT md5('app' || i)::uuid,
       substr(s, 1, 4) || '-' || substr(s, 5, 4) || '-' || substr(s, 9, 4),
       lpad(i::text, 12, '0'),
       (ARRAY['04','07','09','13','14','16','17','18'])[1 + floor(r_service * 8)::int],
       CASE WHEN r_doc < 0.7 THEN 'id_card' ELSE 'passport' END,
       'ru', '+7701' || lpad((i % 10000000)::text, 7, '0'), 0, NULL,
       centre, centre || '-T' || (1 + floor(r_terminal * 5)::int),
       -- Whole seconds, and every 7th row shares the second of the row before: ties the id must break.
       date_trunc('second', created_at) - CASE WHEN i % 7 = 0 THEN interval '1 second' ELSE interval '0' END,
       created_at + CASE WHEN r_offline < 0.33 THEN interval '2 hours' ELSE interval '0' END,
       (created_at + interval '10 days')::date,
       CASE WHEN r_offline < 0.33 AND r_status < 0.06 THEN 'pending_checks'
            WHEN r_offline < 0.33 AND r_status < 0.066 THEN 'in_review'
            WHEN r_status < 0.09 THEN 'rejected'
            WHEN r_status < 0.15 THEN 'accepted'
            WHEN r_status < 0.20 THEN 'in_production'
            WHEN r_status < 0.25 THEN 'ready'
            ELSE 'issued' END,
       'bench', '\\xffd8'::bytea, '\\x8950'::bytea, r_test < 0.005,
       CASE WHEN r_reason < 0.002 THEN ARRAY['ready_by_without_holidays_2028'] ELSE '{}' END
     FROM (SELECT seed.*, upper('BN' || lpad(to_hex(i), 10, '0')) AS s,
             ($1::text[])[1 + floor(r_centre * 40)::int] AS centre FROM seed) x`,
    [CENTRES],
  );
  // Every application arrives in a packet; one made offline has no token for the checks the kiosk could not make.
  await db.query(
    `INSERT INTO packets (application_id, terminal_id, seq, signature, sealed_at, received_at, payload)
     SELECT a.id, a.terminal_id, i, 'bench', a.created_at, a.received_at,
       CASE WHEN r_offline < 0.33 THEN '{"online": {"phoneToken": null, "identityToken": null}}'
            ELSE '{"online": {"phoneToken": "bench", "identityToken": "bench"}}' END::jsonb
     FROM seed JOIN applications a ON a.id = md5('app' || i)::uuid`,
  );
  await db.query(
    `INSERT INTO application_checks (application_id, check_name, outcome, code, detail, distance, checked_at)
     SELECT a.id, c,
       CASE WHEN a.status = 'pending_checks' AND c = 'payment' THEN 'pending'
            WHEN a.status = 'in_review' AND c = 'face_match' THEN 'review'
            WHEN a.status = 'rejected' AND c = 'face_match' THEN 'failed' ELSE 'passed' END,
       CASE WHEN a.status = 'pending_checks' AND c = 'payment' THEN 'payment_awaited'
            WHEN a.status = 'in_review' AND c = 'face_match' THEN 'face_grey_zone'
            WHEN a.status = 'rejected' AND c = 'face_match' THEN 'face_mismatch' END,
       CASE WHEN r_offline >= 0.33 AND c IN ('phone', 'face_match') THEN 'online_token' END,
       CASE WHEN c = 'face_match' THEN CASE WHEN a.status = 'in_review' THEN 0.46 ELSE 0.2 END END,
       a.received_at
     FROM seed JOIN applications a ON a.id = md5('app' || i)::uuid,
       unnest(ARRAY['registry', 'phone', 'face_match', 'payment']) c`,
  );
  await db.query('DROP TABLE seed');
  for (const index of indexes) await db.query(index.indexdef);
  await db.query('ANALYZE applications');
  await db.query('ANALYZE packets');
  await db.query('ANALYZE application_checks');
}
