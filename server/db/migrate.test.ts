import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migrate, migrationFiles } from './migrate';
import { openDatabase } from './open-database';
import { openMigratedBefore, openTestDatabase, TEST_DATABASE_URL } from './test-database';

const TABLES = [
  'application_checks',
  'application_events',
  'applications',
  'audit_log',
  'bmg_phones',
  'branch_versions',
  'branches',
  'centre_versions',
  'centres',
  'citizen_sms',
  'enrolment_codes',
  'identifications',
  'journey_telemetry',
  'journey_telemetry_counts',
  'packets',
  'payments',
  'phone_verifications',
  'problem_versions',
  'problems',
  'rate_limits',
  'reference_data_versions',
  'registry_faces',
  'registry_persons',
  'request_nonces',
  'sandbox_payments',
  'sandbox_sms',
  'schema_migrations',
  'staff',
  'staff_sessions',
  'terminal_heartbeats',
  'terminal_log',
  'terminal_out_of_order',
  'terminals',
  'weekly_reports',
];

describe(`migrations on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  it('are numbered files applied in order, each recorded once', async () => {
    const files = await migrationFiles();
    expect(files[0]).toMatch(/^0001_/);
    const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(files);
  });

  it('create every table', async () => {
    const { rows } = await db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(TABLES);
  });

  it('apply nothing the second time', async () => {
    expect(await migrate(db)).toEqual([]);
  });

  it('roll a failed transaction back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO bmg_phones (iin, phone) VALUES ($1, $2)', ['900101300017', '+77010000000']);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    const { rows } = await db.query('SELECT 1 FROM bmg_phones WHERE iin = $1', ['900101300017']);
    expect(rows).toEqual([]);
  });

  it('keep one live payment per application but allow a retry after a decline', async () => {
    const insert = (id: string, status: string) =>
      db.query(
        `INSERT INTO payments (id, application_id, iin, service, document, amount_tiyn, qr_payload, status, created_at, expires_at)
         VALUES ($1, '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11', '900101300017', '13', 'passport', 3460000, '', $2, now(), now())`,
        [id, status],
      );
    await insert('00000000-0000-4000-8000-000000000001', 'declined');
    await insert('00000000-0000-4000-8000-000000000002', 'pending');
    await expect(insert('00000000-0000-4000-8000-000000000003', 'paid')).rejects.toThrow();
  });

  it('round-trip bytea, jsonb and timestamps the same way on both drivers', async () => {
    const at = new Date('2026-03-02T05:00:00Z');
    await db.query(`INSERT INTO registry_faces (face_id, jpeg, descriptor) VALUES ('zz', decode($1, 'base64'), $2)`, [
      Buffer.from([0xff, 0xd8, 0xff]).toString('base64'),
      JSON.stringify([0.25, -0.5]),
    ]);
    await db.query(`INSERT INTO sandbox_sms (phone, text, sent_at) VALUES ('+77010000000', 'Код', $1)`, [at]);
    const face = (await db.query<{ jpeg: Uint8Array; descriptor: number[] }>(`SELECT jpeg, descriptor FROM registry_faces WHERE face_id = 'zz'`)).rows[0];
    expect([...new Uint8Array(face!.jpeg)]).toEqual([0xff, 0xd8, 0xff]);
    expect(face!.descriptor).toEqual([0.25, -0.5]);
    const sms = (await db.query<{ sent_at: Date }>('SELECT sent_at FROM sandbox_sms')).rows[0];
    expect(new Date(sms!.sent_at).toISOString()).toBe(at.toISOString());
  });
});

describe('0014: amounts in tiyn', () => {
  const TIYN = '0014_amounts_in_tiyn.sql';
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openMigratedBefore(TIYN, 'tiyn'));
  }, 60_000);
  afterAll(() => close(), 60_000);

  it('turns every stored amount of whole tenge into the same amount in tiyn, a packet payload too', async () => {
    const applicationId = '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11';
    await db.exec(`
      INSERT INTO payments (id, application_id, iin, service, document, amount_kzt, qr_payload, status, created_at, expires_at)
        VALUES ('00000000-0000-4000-8000-000000000001', '${applicationId}', '900101300017', '09', 'id_card', 865, '', 'paid', now(), now());
      INSERT INTO applications (id, number, iin, service, document, lang, phone, fee_kzt, centre_id, terminal_id, created_at, received_at, ready_by, status, body_hash, photo_jpeg, signature_png)
        VALUES ('${applicationId}', 'AAAA-BBBB-CCCC', '900101300017', '13', 'passport', 'ru', '+77010000000', 34600, 'AST-ESIL', 'T-1', now(), now(), '2026-04-01', 'pending_checks', 'h', '\\xff', '\\x89');
      INSERT INTO terminals (terminal_id, centre_id, created_at) VALUES ('T-1', 'AST-ESIL', now());
      INSERT INTO packets (application_id, terminal_id, seq, signature, sealed_at, received_at, payload)
        VALUES ('${applicationId}', 'T-1', 1, 's', now(), now(), '{"application": {"number": "AAAA-BBBB-CCCC", "feeKzt": 34600, "paymentId": null}, "online": {}}');
      INSERT INTO sandbox_payments (id, reference, amount_kzt, qr_payload, status, created_at, expires_at)
        VALUES ('a', 'AAAA-BBBB-CCCC', 34600, '', 'paid', now(), now()), ('b', 'TOO-MUCH', 2147483647, '', 'paid', now(), now());
    `);
    // 0014 and whatever came after it: the amounts are read below, once the schema is today's.
    expect((await migrate(db))[0]).toBe(TIYN);

    const one = async <T,>(sql: string) => (await db.query<T>(sql)).rows;
    expect(await one('SELECT amount_tiyn FROM payments')).toEqual([{ amount_tiyn: 86_500 }]);
    expect(await one('SELECT fee_tiyn FROM applications')).toEqual([{ fee_tiyn: 3_460_000 }]);
    expect(await one('SELECT payload FROM packets')).toEqual([
      { payload: { application: { number: 'AAAA-BBBB-CCCC', feeTiyn: 3_460_000, paymentId: null }, online: {} } },
    ]);
    // The largest a tester could pay in the sandbox still fits, as a bigint (read as text or number by the driver).
    const sandbox = await one<{ id: string; amount_tiyn: string | number }>('SELECT id, amount_tiyn FROM sandbox_payments ORDER BY id');
    expect(sandbox.map((r) => [r.id, Number(r.amount_tiyn)])).toEqual([
      ['a', 3_460_000],
      ['b', 214_748_364_700],
    ]);
    // A negative amount is still refused, under the column's new name.
    await expect(db.query(`UPDATE payments SET amount_tiyn = -1`)).rejects.toThrow(/payments_amount_tiyn_check/);
  });
});

describe('PGlite in a data folder', () => {
  it('keeps its data across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-pglite-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await first.query('INSERT INTO bmg_phones (iin, phone) VALUES ($1, $2)', ['900101300017', '+77010000001']);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const { rows } = await second.query<{ phone: string }>('SELECT phone FROM bmg_phones');
      await second.close();
      expect(rows).toEqual([{ phone: '+77010000001' }]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
