import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openTestDatabase, TEST_DATABASE_URL } from '../db/test-database';
import { AuditLog } from './audit-log';

describe(`the audit log on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  let log: AuditLog;
  const at = new Date('2026-03-02T05:00:00Z');
  beforeAll(async () => {
    db = await openTestDatabase();
    log = new AuditLog(db, () => at);
    for (let i = 0; i < 7; i++) {
      await log.record({ staffId: null, action: 'sign_in_failed', details: { username: `user${i}` } });
    }
    await log.record({ staffId: null, action: 'application_viewed', applicationId: '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11', reason: 'the citizen asked at the desk' });
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')).rows[0]!.n;

  it.each([
    ['UPDATE', "UPDATE audit_log SET reason = 'rewritten'"],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('refuses %s in SQL, whoever runs it, and keeps every entry', async (_what, sql) => {
    await expect(db.query(sql)).rejects.toThrow(/append-only/);
    expect(await count()).toBe(8);
    const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE reason = 'rewritten'");
    expect(rows[0]!.n).toBe(0);
  });

  it('pages newest first by id, and filters by application', async () => {
    const first = await log.list({ limit: 3 });
    expect(first.map((e) => e.action)).toEqual(['application_viewed', 'sign_in_failed', 'sign_in_failed']);
    expect(first[0]).toMatchObject({ reason: 'the citizen asked at the desk', at: at.toISOString(), staffId: null, username: null });
    const second = await log.list({ before: first.at(-1)!.id, limit: 3 });
    expect(second.map((e) => e.details.username)).toEqual(['user4', 'user3', 'user2']);
    const ofApplication = await log.list({ limit: 10, applicationId: '6f1c1a52-8b8e-4a39-9a57-1a4b8f0c2d11' });
    expect(ofApplication).toHaveLength(1);
  });
});
