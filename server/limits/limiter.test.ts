import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { openTestDatabase, TEST_DATABASE_URL } from '../db/test-database';
import { Limiter } from './limiter';
import type { LimitRule } from './verdict';

const rule: LimitRule = { name: 'three_a_minute', limit: 3, windowS: 60 };
const daily: LimitRule = { name: 'five_a_day', limit: 5, windowS: 86_400 };
const start = new Date('2026-03-02T05:00:00Z');
const at = (s: number) => new Date(start.getTime() + s * 1000);

describe(`the database limiter on ${TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  let db: Database;
  let limiter: Limiter;
  beforeAll(async () => {
    db = await openTestDatabase();
    limiter = new Limiter(db);
  }, 60_000);
  afterAll(() => db.close(), 60_000);

  it('counts hits in a window that starts at the first and refuses past the limit until it ends', async () => {
    const check = [{ rule, subject: 'a' }];
    expect(await limiter.hit(check, at(0))).toEqual({ allowed: true, remaining: 2 });
    expect(await limiter.hit(check, at(10))).toEqual({ allowed: true, remaining: 1 });
    expect(await limiter.hit(check, at(20))).toEqual({ allowed: true, remaining: 0 });
    expect(await limiter.hit(check, at(30))).toEqual({ allowed: false, retryAfterS: 30, rule: 'three_a_minute' });
    // Refused hits do not push the window's end back.
    expect(await limiter.hit(check, at(59))).toEqual({ allowed: false, retryAfterS: 1, rule: 'three_a_minute' });
    expect(await limiter.hit(check, at(60))).toEqual({ allowed: true, remaining: 2 });
  });

  it('keeps subjects apart', async () => {
    for (let i = 0; i < 3; i++) await limiter.hit([{ rule, subject: 'b' }], at(0));
    expect((await limiter.hit([{ rule, subject: 'b' }], at(1))).allowed).toBe(false);
    expect(await limiter.hit([{ rule, subject: 'c' }], at(1))).toEqual({ allowed: true, remaining: 2 });
  });

  it('counts every rule of one act and answers with the strictest', async () => {
    const checks = [
      { rule, subject: 'd' },
      { rule: daily, subject: 'd' },
    ];
    for (let i = 0; i < 3; i++) await limiter.hit(checks, at(i));
    // Refused by the minute's limit, so not counted in the day's.
    expect(await limiter.hit(checks, at(5))).toEqual({ allowed: false, retryAfterS: 55, rule: 'three_a_minute' });
    expect(await limiter.hit(checks, at(60))).toEqual({ allowed: true, remaining: 1 });
    expect(await limiter.hit(checks, at(61))).toEqual({ allowed: true, remaining: 0 });
    expect(await limiter.hit(checks, at(62))).toEqual({ allowed: false, retryAfterS: 86_400 - 62, rule: 'five_a_day' });
    // Refused by the day's limit, so not counted in the minute's either: after the day, three again.
    expect(await limiter.peek([{ rule, subject: 'd' }], at(62))).toEqual({ allowed: true, remaining: 1 });
  });

  it('peeks without counting, and gives back a refunded hit', async () => {
    const check = [{ rule, subject: 'e' }];
    expect(await limiter.peek(check, at(0))).toEqual({ allowed: true, remaining: 3 });
    for (let i = 0; i < 3; i++) await limiter.hit(check, at(0));
    expect(await limiter.peek(check, at(1))).toEqual({ allowed: false, retryAfterS: 59, rule: 'three_a_minute' });
    await limiter.refund(check, at(2));
    expect(await limiter.peek(check, at(2))).toEqual({ allowed: true, remaining: 1 });
  });

  it('forgets ended windows when pruned', async () => {
    await limiter.hit([{ rule, subject: 'f' }], at(0));
    await limiter.prune(at(120));
    const { rows } = await db.query<{ key: string }>("SELECT key FROM rate_limits WHERE key LIKE 'three_a_minute:%'");
    expect(rows).toEqual([]);
    const { rows: daily } = await db.query<{ key: string }>("SELECT key FROM rate_limits WHERE key LIKE 'five_a_day:%'");
    expect(daily.length).toBeGreaterThan(0);
  });

  it('lets through no more than the limit of a burst of parallel hits', async () => {
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => limiter.hit([{ rule, subject: 'g' }], at(0))));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(3);
  });
});
