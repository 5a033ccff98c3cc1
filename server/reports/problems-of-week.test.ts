import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openTestDatabase } from '../db/test-database';
import { ProblemsRepository } from '../problems/problems-repository';
import { problemsOfWeek } from './problems-of-week';
import { resolveScope } from './report-scope';

// 2026-W49: Monday 2026-11-30 00:00 to Monday 2026-12-07 00:00 in Kazakhstan (UTC+5).
const WEEK = { from: new Date('2026-11-29T19:00:00Z'), to: new Date('2026-12-06T19:00:00Z') };
const STAFF = '00000000-0000-4000-8000-00000000000a';

describe('problemsOfWeek: the register\'s part of the weekly report', () => {
  let db: Database;
  const ids: Record<string, string> = {};

  /** A problem at `centreId` that happened at `happened` and, if `resolved` is given, was resolved then. */
  async function problem(tag: string, centreId: string, happened: string, resolved?: string, terminalId: string | null = null) {
    const repo = new ProblemsRepository(db);
    const id = randomUUID();
    ids[tag] = id;
    await repo.create({ id, centreId, terminalId, category: 'network', source: 'police', description: tag, happenedAt: new Date(happened), actionTaken: '' }, STAFF, new Date(happened));
    if (resolved) {
      const edit = await repo.edit(id, 1, { category: 'network', description: tag, actionTaken: 'fixed', status: 'resolved' }, STAFF, new Date(resolved));
      expect(edit.ok).toBe(true);
    }
  }

  beforeAll(async () => {
    db = await openTestDatabase();
    await db.query(`INSERT INTO staff (id, username, password_hash, role, branch_id, created_at) VALUES ($1, 'report-police', 'x', 'police', 'AST', now())`, [STAFF]);
    await db.query(`INSERT INTO terminals (terminal_id, centre_id, created_at) VALUES ('W-ESIL-1', 'AST-ESIL', now())`);
    await problem('monday first minute', 'AST-ESIL', '2026-11-29T19:00:00Z', undefined, 'W-ESIL-1');
    await problem('sunday last minute, resolved next week', 'AST-SARYARKA', '2026-12-06T18:59:00Z', '2026-12-08T10:00:00Z');
    await problem('next monday', 'AST-ESIL', '2026-12-06T19:00:00Z');
    await problem('sunday before', 'ALA-ALMALY', '2026-11-29T18:59:00Z', '2026-11-29T18:59:30Z');
    await problem('older, still open', 'ALA-ALMALY', '2026-10-01T06:00:00Z');
    await problem('older, resolved in the week', 'SHY-ABAI', '2026-11-20T06:00:00Z', '2026-12-01T06:00:00Z');
  }, 60_000);
  afterAll(() => db.close());

  it('holds the week\'s problems and the older ones open in it, each with its status as the week ended, oldest first', async () => {
    const week = await problemsOfWeek(db, WEEK, await resolveScope(db, 'country'), new Date('2027-06-01T00:00:00Z'));
    expect(week.map((p) => [p.description, p.status])).toEqual([
      ['older, still open', 'open'],
      ['older, resolved in the week', 'resolved'],
      ['monday first minute', 'open'],
      ['sunday last minute, resolved next week', 'open'],
    ]);
    expect(week[2]).toEqual({
      id: ids['monday first minute'],
      centreId: 'AST-ESIL',
      terminalId: 'W-ESIL-1',
      category: 'network',
      source: 'police',
      description: 'monday first minute',
      happenedAt: '2026-11-29T19:00:00.000Z',
      actionTaken: '',
      status: 'open',
    });
  });

  it.each([
    ['region:astana', ['monday first minute', 'sunday last minute, resolved next week']],
    ['branch:ALA', ['older, still open']],
    ['centre:AST-SARYARKA', ['sunday last minute, resolved next week']],
    ['terminal:W-ESIL-1', ['monday first minute']],
    ['region:shymkent', ['older, resolved in the week']],
    ['centre:ZKO-ORAL', []],
  ])('narrows to the scope %s', async (scope, descriptions) => {
    expect((await problemsOfWeek(db, WEEK, await resolveScope(db, scope), new Date('2027-06-01T00:00:00Z'))).map((p) => p.description)).toEqual(descriptions);
  });

  it('says the same of a past week whatever was resolved after it', async () => {
    const before = await problemsOfWeek(db, WEEK, await resolveScope(db, 'country'), new Date('2027-06-01T00:00:00Z'));
    await new ProblemsRepository(db).edit(ids['older, still open']!, 1, { category: 'network', description: 'older, still open', actionTaken: 'x', status: 'resolved' }, STAFF, new Date('2026-12-10T00:00:00Z'));
    expect((await problemsOfWeek(db, WEEK, await resolveScope(db, 'country'), new Date('2027-06-01T00:00:00Z'))).map((p) => p.status)).toEqual(before.map((p) => p.status));
  });
});
