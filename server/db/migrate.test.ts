import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { migrate, migrationFiles } from './migrate';
import { openDatabase } from './open-database';
import { openTestDatabase, TEST_DATABASE_URL } from './test-database';

const TABLES = [
  'application_checks',
  'applications',
  'bmg_phones',
  'citizen_sms',
  'enrolment_codes',
  'identifications',
  'mrp_by_year',
  'packets',
  'payments',
  'phone_verifications',
  'rate_limits',
  'registry_faces',
  'registry_persons',
  'request_nonces',
  'sandbox_payments',
  'sandbox_sms',
  'schema_migrations',
  'terminal_heartbeats',
  'terminal_log',
  'terminals',
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
        `INSERT INTO payments (id, application_id, iin, service, document, amount_kzt, qr_payload, status, created_at, expires_at)
         VALUES ($1, '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11', '900101300017', '13', 'passport', 34600, '', $2, now(), now())`,
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
